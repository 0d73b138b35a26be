import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chain, ChainVerifier, type AuditEntry, type AuditRecord } from './audit.chain.ts';
import { CheckpointFile, checkpointKeys, publicKeyFromText, readCheckpoints } from './audit.checkpoint.ts';

const key = Buffer.from('k'.repeat(32));
const record = (n: number): AuditRecord => ({
  at: `2026-06-23T10:00:${String(n).padStart(2, '0')}.000Z`,
  actor: 'analyst1',
  role: 'analyst',
  kind: 'graphql',
  operation: `Op${n}`,
  variables: '{}',
  purpose: 'OP-AIDANT',
  recordCount: 0,
  recordIds: [],
  requestId: `r${n}`,
  outcome: 'ok',
});

let dir: string;
let file: CheckpointFile;
/** Ten entries, checkpointed (outside the "database") at entry 10. */
let entries: AuditEntry[];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-checkpoints-'));
  file = new CheckpointFile(path.join(dir, 'checkpoints.jsonl'), checkpointKeys(key));
  entries = chain(key, { seq: 0, hash: '' }, Array.from({ length: 10 }, (_, i) => record(i + 1)));
  await file.write({ seq: 4, hash: entries[3]!.hash, at: '2026-06-23T10:00:05Z' });
  await file.write({ seq: 10, hash: entries[9]!.hash, at: '2026-06-23T10:01:00Z' });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What `lantern audit verify` does: the entries as stored, the head as stored, every valid checkpoint. */
function verify(stored: AuditEntry[], head: { seq: number; hash: string } | undefined = stored.at(-1)) {
  const read = file.read();
  const v = new ChainVerifier(key, read.valid);
  for (const e of stored) v.add(e);
  const r = v.finish({ seq: head?.seq ?? 0, hash: head?.hash ?? '' });
  const problems = [...read.problems, ...r.problems];
  return { ok: problems.length === 0, checked: r.checked, problems: problems.join('\n') };
}

describe('the audit chain checked against signed checkpoints kept outside the database', () => {
  it('verifies an untouched chain against its checkpoints', () => {
    expect(verify(entries)).toEqual({ ok: true, checked: 10, problems: '' });
    expect(file.read().valid.map((c) => c.seq)).toEqual([4, 10]);
  });

  it('detects an edited entry', () => {
    const r = verify(entries.map((e) => (e.seq === 3 ? { ...e, actor: 'someone-else' } : e)));
    expect(r.ok).toBe(false);
    expect(r.problems).toContain('entry 3 was altered after it was written');
  });

  it('detects one deleted entry', () => {
    const r = verify(entries.filter((e) => e.seq !== 6));
    expect(r.problems).toMatch(/entries 6 to 6 are missing/);
  });

  it('detects the deletion of a checkpointed entry', () => {
    expect(verify(entries.filter((e) => e.seq !== 4)).problems).toMatch(/entry 4, checkpointed at 2026-06-23T10:00:05Z, is missing/);
  });

  it('detects reordered entries, sequence numbers swapped back into order', () => {
    const swapped = entries.map((e) => (e.seq === 7 ? { ...entries[7]!, seq: 7 } : e.seq === 8 ? { ...entries[6]!, seq: 8 } : e));
    expect(verify(swapped).ok).toBe(false);
  });

  it('detects the tail cut and the head rewound to match, which the database alone cannot', () => {
    const kept = entries.slice(0, 5);
    // Without checkpoints the truncated chain and its rewound head agree: this is the hole.
    const alone = new ChainVerifier(key);
    for (const e of kept) alone.add(e);
    expect(alone.finish(kept.at(-1)!).ok).toBe(true);

    const r = verify(kept, kept.at(-1));
    expect(r.ok).toBe(false);
    expect(r.problems).toContain('the log ends at entry 5 but a checkpoint at 2026-06-23T10:01:00Z recorded entry 10: entries 6 to 10 were removed from the end');
  });

  it('detects every entry and the head deleted', () => {
    const r = verify([], undefined);
    expect(r).toMatchObject({ ok: false, checked: 0 });
    expect(r.problems).toContain('the log is empty but a checkpoint at 2026-06-23T10:01:00Z recorded 10 entries: every entry was deleted');
  });

  it('detects a rewrite with the chain key (an entry edited and every later hash recomputed)', async () => {
    const edited = entries.map((e) => (e.seq === 3 ? { ...e, actor: 'someone-else' } : e));
    const rewritten = [...entries.slice(0, 2), ...chain(key, entries[1]!, edited.slice(2))];
    // The rewritten chain is consistent in itself, head included...
    const alone = new ChainVerifier(key);
    for (const e of rewritten) alone.add(e);
    expect(alone.finish(rewritten.at(-1)!).ok).toBe(true);
    // ...but not with the checkpoints written before the rewrite.
    const r = verify(rewritten);
    expect(r.ok).toBe(false);
    expect(r.problems).toMatch(/entry 4 is not the entry checkpointed at 2026-06-23T10:00:05Z/);
    expect(r.problems).toMatch(/entry 10 is not the entry checkpointed at 2026-06-23T10:01:00Z/);

    // The insider holds the chain key, so can sign a checkpoint of the rewritten chain; appended,
    // it does not help: the earlier checkpoints still contradict the chain.
    await file.write({ seq: 10, hash: rewritten[9]!.hash, at: '2026-06-23T11:00:00Z' });
    expect(verify(rewritten).ok).toBe(false);
  });

  it('cannot tell a rewrite of entries after the latest checkpoint (the window the checkpoint interval leaves)', () => {
    const more = [...entries, ...chain(key, entries[9]!, [record(11), record(12)])];
    const rewritten = [...more.slice(0, 10), ...chain(key, entries[9]!, [{ ...record(11), actor: 'someone-else' }, record(12)])];
    expect(verify(rewritten).ok).toBe(true);
  });

  it('refuses checkpoints that were edited or signed with another key', async () => {
    const f = file.file;
    const lines = fs.readFileSync(f, 'utf8').trim().split('\n');
    const edited = { ...JSON.parse(lines[0]!), seq: 3 };
    await new CheckpointFile(f, checkpointKeys(Buffer.from('x'.repeat(32)))).write({ seq: 2, hash: entries[1]!.hash, at: '2026-06-23T12:00:00Z' });
    fs.appendFileSync(f, `${JSON.stringify(edited)}\nnot json\n`);
    const read = file.read();
    expect(read.valid.map((c) => c.seq)).toEqual([4, 10]);
    expect(read.problems).toEqual([
      expect.stringMatching(/line 3 .* \(entry 2\) has no valid signature under this chain's key/),
      expect.stringMatching(/line 4 .* \(entry 3\) has no valid signature/),
      expect.stringMatching(/line 5 .* is not JSON/),
    ]);
  });

  it('lets anyone with the public key alone check the checkpoints', () => {
    const publicKey = publicKeyFromText(checkpointKeys(key).publicKeyText);
    const read = readCheckpoints(file.file, publicKey);
    expect(read).toMatchObject({ problems: [] });
    expect(read.valid).toHaveLength(2);
  });

  it('ignores a last line a crash cut short', () => {
    fs.appendFileSync(file.file, '{"seq":11,"ha');
    expect(file.read()).toMatchObject({ problems: [] });
  });
});
