/**
 * Statements that only tests and benchmarks run: test fixtures in cypher/testing/ (one of them
 * rewrites an audit entry) and benchmark baselines in cypher/bench/. The production loader
 * (server/db/cypher.ts) reads cypher/queries/ only, so none of these can be run by name by the
 * server; nothing outside tests and bench/ imports this file (a test in server/db checks).
 */
import { cypherRoot, statementFile } from '../db/cypher.ts';
import type { Gateway, Params, Row } from '../db/gateway.ts';

export type OfflineStatement = `testing/${string}` | `bench/${string}`;

/** The text of cypher/testing/<name>.cypher or cypher/bench/<name>.cypher, named `testing/<name>` or `bench/<name>`. */
export function offlineCypher(name: OfflineStatement): string {
  if (!/^(testing|bench)\//.test(name)) throw new Error(`Not a test or benchmark statement: ${JSON.stringify(name)} (testing/... or bench/...)`);
  return statementFile(cypherRoot, name);
}

/** Runs a test or benchmark statement on the unscoped gateway (one auto-committed transaction). */
export function runOffline(gateway: Gateway, name: OfflineStatement, params: Params = {}): Promise<Row[]> {
  return gateway.runScript(offlineCypher(name), params);
}

