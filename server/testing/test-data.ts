/**
 * What every test run's database holds before the suites start: the schema, and the demo
 * scenario once it exists. Suites that write use their own ids and clean up after themselves.
 */
import type { Config } from '../config/config.ts';
import type { Database } from '../db/database.ts';

export async function prepareTestData(_db: Database, _config: Config): Promise<void> {
  // The demo scenario is loaded here once `lantern seed demo` exists.
}
