/**
 * What every test run's database holds before the suites start: the schema, and the demo
 * scenario (seed/demo). No suite writes to the demo's records: suites that write make their own
 * (ids, names and natural keys of their own, docs/decisions/0003) and remove them afterwards, and
 * suites that read the demo take their fixtures among its records (demoEntityIds), so that any
 * order of the suites, and any two of them at once, gives the same answers.
 */
import type { Config } from '../config/config.ts';
import type { Database } from '../db/database.ts';
import { demo, seedDemo } from '../../seed/demo/index.ts';

export async function prepareTestData(db: Database, _config: Config): Promise<void> {
  await seedDemo(db.gateway);
}

/** The ids of the demo's entities (`$demo` of the fixture statements in cypher/testing/). */
export function demoEntityIds(): string[] {
  return demo().data.entities.map((e) => e.id);
}
