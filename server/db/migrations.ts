/**
 * Schema migrations: ordered files cypher/schema/NNN_name.cypher, each a list of idempotent
 * statements (IF NOT EXISTS). Applied at start in name order; each is recorded as a
 * (:LanternMigration) node once applied and is not run again. A recorded file whose text has
 * since changed is reported, not re-run: schema changes go in a new file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../config/logger.ts';
import { cypherRoot, splitStatements } from './cypher.ts';
import type { Gateway } from './gateway.ts';

export interface Migration {
  id: string;
  file: string;
  checksum: string;
  statements: string[];
}

export function loadMigrations(dir = path.join(cypherRoot, 'schema')): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_-]+\.cypher$/i.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        id: f.replace(/\.cypher$/, ''),
        file: f,
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

export async function migrate(gateway: Gateway, log: Logger, migrations = loadMigrations()): Promise<MigrationResult> {
  const recorded = new Map<string, string>();
  // The ledger's own constraint is created first so that recording is safe under concurrency.
  await gateway.runScript(
    'CREATE CONSTRAINT lantern_migration_id IF NOT EXISTS FOR (m:LanternMigration) REQUIRE m.id IS UNIQUE',
  );
  for (const row of await gateway.runScript('MATCH (m:LanternMigration) RETURN m.id AS id, m.checksum AS checksum')) {
    recorded.set(String(row.id), String(row.checksum));
  }
  const result: MigrationResult = { applied: [], skipped: [] };
  for (const m of migrations) {
    const previous = recorded.get(m.id);
    if (previous !== undefined) {
      if (previous !== m.checksum) {
        log.warn({ migration: m.id }, 'A recorded schema migration has changed since it was applied; put schema changes in a new file');
      }
      result.skipped.push(m.id);
      continue;
    }
    for (const statement of m.statements) await gateway.runScript(statement);
    // Index builds are asynchronous; wait so that the first queries use them.
    await gateway.runScript('CALL db.awaitIndexes(300)');
    await gateway.runScript(
      'MERGE (m:LanternMigration {id: $id}) ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()',
      { id: m.id, checksum: m.checksum },
    );
    log.info({ migration: m.id, statements: m.statements.length }, 'Applied schema migration');
    result.applied.push(m.id);
  }
  return result;
}
