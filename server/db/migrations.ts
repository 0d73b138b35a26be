/**
 * Schema migrations: ordered files cypher/schema/NNN_name.cypher, each a list of idempotent
 * statements (IF NOT EXISTS). Applied at start in name order; each is recorded as a
 * (:LanternMigration) node once applied and is not run again. A recorded file whose text has
 * since changed is reported, not re-run: schema changes go in a new file. A file rewritten with the
 * same effect (made faster, say) names the checksums of its earlier texts in lines
 * `// supersedes sha256:<hex>`: a store that recorded one of them is re-recorded, not warned about.
 * A change to stored data that Cypher alone cannot make (rewriting JSON text without APOC, which
 * a Neo4j server may not have) is a NNN_name.ts file beside them exporting `up(gateway)`: it is
 * ordered, run once and recorded in the same way, and must be idempotent too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../config/logger.ts';
import { cypherRoot, splitStatements } from './cypher.ts';
import type { Gateway } from './gateway.ts';

export interface Migration {
  id: string;
  file: string;
  checksum: string;
  /** Checksums of earlier texts of this file with the same effect. */
  supersedes: string[];
  statements: string[];
  /** A data migration written in TypeScript (NNN_name.ts): what it does after the statements. */
  run?: (gateway: Gateway) => Promise<void>;
}

export function loadMigrations(dir = path.join(cypherRoot, 'schema')): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_-]+\.(cypher|ts)$/i.test(f) && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const text = fs.readFileSync(file, 'utf8');
      const code = f.endsWith('.ts');
      return {
        id: f.replace(/\.(cypher|ts)$/, ''),
        file: f,
        checksum: createHash('sha256').update(text).digest('hex'),
        supersedes: [...text.matchAll(/^\/\/ supersedes sha256:([0-9a-f]{64})$/gm)].map((x) => x[1]!),
        statements: code ? [] : splitStatements(text),
        ...(code ? { run: async (gateway: Gateway) => ((await import(pathToFileURL(file).href)) as { up(g: Gateway): Promise<void> }).up(gateway) } : {}),
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
      if (m.supersedes.includes(previous)) {
        await gateway.runScript('MATCH (m:LanternMigration {id: $id}) SET m.checksum = $checksum', { id: m.id, checksum: m.checksum });
        log.info({ migration: m.id }, 'Recorded the current text of a rewritten schema migration');
      } else if (previous !== m.checksum) {
        log.warn({ migration: m.id }, 'A recorded schema migration has changed since it was applied; put schema changes in a new file');
      }
      result.skipped.push(m.id);
      continue;
    }
    for (const statement of m.statements) await gateway.runScript(statement);
    await m.run?.(gateway);
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
