/**
 * What every test run's database holds before the suites start: the schema, and the demo
 * scenario (seed/demo). Suites that write use their own ids and clean up after themselves.
 */
import type { Config } from '../config/config.ts';
import type { Database } from '../db/database.ts';
import { seedDemo } from '../../seed/demo/index.ts';

export async function prepareTestData(db: Database, _config: Config): Promise<void> {
  await seedDemo(db.gateway);
}
