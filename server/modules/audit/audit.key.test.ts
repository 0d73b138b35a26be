import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { auditKeyPlace, loadAuditKey, warnAboutAuditKey } from './audit.key.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-key-'));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function warnings(o: Parameters<typeof warnAboutAuditKey>[0]): string[] {
  const lines: string[] = [];
  warnAboutAuditKey(o, pino({ level: 'warn' }, { write: (l: string) => void lines.push(JSON.parse(l).msg) }));
  return lines;
}

describe('the audit key', () => {
  const dataDir = path.join(root, 'data');

  it('is made on first use in LANTERN_AUDIT_KEY_FILE, owner-only, and read back the same', () => {
    const keyFile = path.join(root, 'secrets', 'audit.key');
    const key = loadAuditKey({ auditKey: undefined, auditKeyFile: keyFile, dataDir });
    expect(key.length).toBe(64);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(loadAuditKey({ auditKey: undefined, auditKeyFile: keyFile, dataDir }).equals(key)).toBe(true);
    expect(auditKeyPlace({ auditKey: undefined, auditKeyFile: keyFile, dataDir })).toEqual({ kind: 'file', file: keyFile });
  });

  it('warns loudly in production when the key and the checkpoints are beside the data, and not otherwise', () => {
    const beside = warnings({ auditKey: undefined, dataDir, development: false, auditCheckpoints: path.join(dataDir, 'audit-checkpoints.jsonl') });
    expect(beside).toHaveLength(2);
    expect(beside[0]).toMatch(/^SECURITY: the audit chain's key is stored beside the data .* Set LANTERN_AUDIT_KEY, or LANTERN_AUDIT_KEY_FILE/);
    expect(beside[1]).toMatch(/^SECURITY: the audit checkpoints are written beside the data/);
    expect(warnings({ auditKey: 'k'.repeat(32), dataDir, development: false, auditCheckpoints: path.join(root, 'elsewhere', 'cp.jsonl') })).toEqual([]);
    expect(warnings({ auditKey: undefined, auditKeyFile: path.join(root, 'secrets', 'k'), dataDir, development: false, auditCheckpoints: '/var/log/lantern/cp.jsonl' })).toEqual([]);
    expect(warnings({ auditKey: undefined, dataDir, development: true, auditCheckpoints: path.join(dataDir, 'cp.jsonl') })).toEqual([]);
  });

  it('refuses a key file that holds too short a key', () => {
    const keyFile = path.join(root, 'short.key');
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(keyFile, 'short\n');
    expect(() => loadAuditKey({ auditKey: undefined, auditKeyFile: keyFile, dataDir })).toThrow(/fewer than 32 characters/);
  });
});
