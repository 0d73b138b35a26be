import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditSpool } from './audit.spool.ts';
import type { AuditRecord } from './audit.chain.ts';

const rec = (requestId: string): AuditRecord => ({
  at: '2026-06-23T10:00:00.000Z', actor: 'a', role: 'analyst', kind: 'graphql', operation: 'Op',
  variables: '{}', purpose: '', recordCount: 0, recordIds: [], requestId, outcome: 'ok', entryId: `id-${requestId}`,
});

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-spool-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the audit spool', () => {
  it('keeps one segment per batch, in order, and gives back what a crashed process left', async () => {
    const dir = tmp();
    const spool = new AuditSpool(dir);
    const a = await spool.write([rec('1'), rec('2')]);
    expect(await spool.write([rec('3')])).toBe(a);
    await spool.rotate();
    const b = await spool.write([rec('4')]);
    expect(b).not.toBe(a);
    // A write a crash cut short: never acknowledged, so not replayed.
    fs.appendFileSync(b, '{"requestId":"5","ac');
    const again = new AuditSpool(dir);
    const left = again.leftOver();
    expect(left.records.map((r) => r.requestId)).toEqual(['1', '2', '3', '4']);
    expect(left.files).toEqual([a, b]);
    // New segments are numbered after the ones left.
    const c = await again.write([rec('6')]);
    expect(path.basename(c) > path.basename(b)).toBe(true);
    await again.remove([a, b]);
    await again.close();
    expect(fs.readdirSync(dir)).toEqual([path.basename(c)]);
  });

  it('is used by one process at a time', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.ppid));
    expect(() => new AuditSpool(dir)).toThrow(`The audit spool ${dir} is in use by process ${process.ppid}`);
    // A process that died (kill -9) leaves its pid behind; the next start takes the spool over.
    fs.writeFileSync(path.join(dir, 'owner.pid'), '2147483646');
    expect(() => new AuditSpool(dir)).not.toThrow();
  });

  it('refuses a segment with a line that is not JSON, naming the file', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'segment-000000000001.jsonl'), 'garbage\n');
    expect(() => new AuditSpool(dir).leftOver()).toThrow(/segment-000000000001.jsonl has a line that is not JSON/);
  });
});
