import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from './migrations.ts';

describe('loadMigrations', () => {
  it('orders the files by name and reads the checksums a rewritten file supersedes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-migrations-'));
    const old = 'a'.repeat(64);
    fs.writeFileSync(path.join(dir, '002_b.cypher'), `// supersedes sha256:${old}\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.id);\n`);
    fs.writeFileSync(path.join(dir, '001_a.cypher'), 'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.id);\n');
    fs.writeFileSync(path.join(dir, 'notes.md'), 'not a migration');
    const ms = loadMigrations(dir);
    expect(ms.map((m) => m.id)).toEqual(['001_a', '002_b']);
    expect(ms[0]!.supersedes).toEqual([]);
    expect(ms[1]!.supersedes).toEqual([old]);
    expect(ms[1]!.checksum).not.toBe(old);
  });

  it('keeps the chart card backfill quiet on stores that recorded its first text', () => {
    const card = loadMigrations().find((m) => m.id === '042_chart_card')!;
    expect(card.supersedes).toContain('28298c08862c47f7ae59f8a32f31f0a833ec2b906cd6cb3117cb3c0aab5917f7');
  });
});
