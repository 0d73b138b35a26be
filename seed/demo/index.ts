/**
 * The demo scenario's entry points: generate it, load it through the bulk loader, and load it
 * into an empty database (what `lantern serve` and the test runs do).
 */
import type { Gateway } from '../../server/db/gateway.ts';
import type { Database } from '../../server/db/database.ts';
import type { Logger } from '../../server/config/logger.ts';
import { hasEntities } from '../../server/modules/load/load.repository.ts';
import { loadDataset, type LoadOptions, type LoadResult } from '../../server/modules/load/load.service.ts';
import { generateDemo, type Demo } from './generate.ts';

export { generateDemo, DEMO_SEED, type Demo, type DemoTruth } from './generate.ts';

let cached: Demo | undefined;

/** The demo (generated once per process; it is the same every time). */
export function demo(): Demo {
  cached ??= generateDemo();
  return cached;
}

/** Loads the demo scenario; idempotent, so loading it again changes nothing. */
export async function seedDemo(gateway: Gateway, o: Pick<LoadOptions, 'onProgress' | 'batchSize'> = {}): Promise<{ demo: Demo; result: LoadResult }> {
  const d = demo();
  const result = await loadDataset(gateway, d.data, { ...o, synthetic: true });
  return { demo: d, result };
}

/** Loads the demo when the database holds no entities; returns whether it did. */
export async function seedDemoIfEmpty(db: Pick<Database, 'gateway'>, log: Pick<Logger, 'info'>): Promise<boolean> {
  if (await hasEntities(db.gateway)) return false;
  log.info('The database is empty: loading the demo scenario (synthetic data)');
  const { result } = await seedDemo(db.gateway);
  const entities = Object.values(result.entities).reduce((a, n) => a + (n ?? 0), 0);
  const links = Object.values(result.links).reduce((a, n) => a + (n ?? 0), 0);
  log.info({ entities, links, sourceRecords: result.sources, ms: result.ms }, 'Loaded the demo scenario');
  return true;
}
