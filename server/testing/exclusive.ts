/**
 * A lock across the test run's parallel workers, for the few steps that make state every suite
 * shares wrong on purpose for a moment: an audit entry edited to prove `lantern audit verify`
 * finds it, while another suite verifies the same chain. Those steps, and the checks that would
 * see them, run inside `exclusively(name, ...)`. The lock is a file named by the run's Neo4j;
 * one left by a dead process is taken over.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { alive } from '../modules/audit/audit.spool.ts';

export async function exclusively<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const run = createHash('sha256').update(inject('neo4jUri')).digest('hex').slice(0, 12);
  const file = path.join(os.tmpdir(), `lantern-test-lock-${run}-${name}`);
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(file, 'utf8') || 0);
      if (holder && !alive(holder)) fs.rmSync(file, { force: true });
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
