import { describe, expect, it } from 'vitest';
import { canonicalJson, chain, ChainVerifier, type AuditEntry, type AuditRecord } from './audit.chain.ts';

const key = Buffer.from('k'.repeat(32));
const record = (n: number): AuditRecord => ({
  at: `2026-06-2${n}T10:00:00.000Z`,
  actor: 'analyst1',
  role: 'analyst',
  kind: 'graphql',
  operation: `Op${n}`,
  variables: '{"id":"person-1"}',
  purpose: 'OP-AIDANT',
  recordCount: 1,
  recordIds: ['person-1'],
  requestId: `r${n}`,
  outcome: 'ok',
});

function verify(entries: AuditEntry[], head = entries.at(-1)) {
  const v = new ChainVerifier(key);
  for (const e of entries) v.add(e);
  return v.finish({ seq: head?.seq ?? 0, hash: head?.hash ?? '' });
}

describe('the audit hash chain', () => {
  const entries = chain(key, { seq: 0, hash: '' }, [1, 2, 3, 4].map(record));

  it('verifies an untouched log', () => {
    expect(verify(entries)).toEqual({ ok: true, checked: 4, problems: [] });
  });

  it('detects an edited entry', () => {
    const edited = entries.map((e) => (e.seq === 2 ? { ...e, actor: 'someone-else' } : e));
    expect(verify(edited, entries.at(-1)).problems).toContain('entry 2 was altered after it was written');
  });

  it('detects a deleted entry', () => {
    const r = verify(entries.filter((e) => e.seq !== 3), entries.at(-1));
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/entries 3 to 3 are missing/);
  });

  it('detects a deletion at the end through the head', () => {
    expect(verify(entries.slice(0, 3), entries.at(-1)).problems.join('\n')).toMatch(/head says 4/);
  });

  it('detects reordering even with sequence numbers swapped back into order', () => {
    const [a, b] = [entries[1]!, entries[2]!];
    const swapped = [entries[0]!, { ...b, seq: 2 }, { ...a, seq: 3 }, entries[3]!];
    expect(verify(swapped, entries.at(-1)).ok).toBe(false);
  });

  it('cannot be re-forged without the key', () => {
    const forged = chain(Buffer.from('x'.repeat(32)), { seq: 0, hash: '' }, [1, 2].map(record));
    expect(verify(forged).ok).toBe(false);
  });

  it('hashes canonical JSON regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('chains entries with a query hash beside entries written before it was recorded', () => {
    const mixed = chain(key, { seq: 0, hash: '' }, [record(1), { ...record(2), queryHash: 'ab'.repeat(32) }, record(3)]);
    expect(mixed[0]!.hash).toBe(entries[0]!.hash);
    expect(verify(mixed)).toEqual({ ok: true, checked: 3, problems: [] });
    expect(verify([mixed[0]!, { ...mixed[1]!, queryHash: 'cd'.repeat(32) }, mixed[2]!]).problems).toEqual(['entry 2 was altered after it was written']);
  });
});

