/**
 * The demo scenario's entry points: generate it, load it through the bulk loader, and load it
 * into an empty database (`lantern serve` through the importer and the resolver, from the source
 * files in seed/demo/sources/; the test runs and benchmarks through the bulk loader, which gives
 * the same records, entities and links: seed/demo/export.test.ts).
 */
import type { Gateway } from '../../server/db/gateway.ts';
import type { Database } from '../../server/db/database.ts';
import type { Logger } from '../../server/config/logger.ts';
import { hasEntities } from '../../server/modules/load/load.repository.ts';
import { loadDataset, type LoadOptions, type LoadResult } from '../../server/modules/load/load.service.ts';
import { generateDemo, type Demo } from './generate.ts';
import { describeFrontDoor, importDemo } from './front-door.ts';

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

export interface SeedIfEmptyOptions {
  /** `importer`: the source systems' files through the importer and the resolver (what `npm start` does); `bulk`: `demo().data` through the bulk loader. */
  via?: 'importer' | 'bulk';
  /** Where the importer's account of what it did goes, a line at a time. */
  print?: (line: string) => void;
}

/** Loads the demo when the database holds no entities; returns whether it did. */
export async function seedDemoIfEmpty(db: Pick<Database, 'gateway'>, log: Pick<Logger, 'info'>, o: SeedIfEmptyOptions = {}): Promise<boolean> {
  if (await hasEntities(db.gateway)) return false;
  if (o.via === 'importer') {
    log.info('The database is empty: importing the demo scenario’s source files (synthetic data) and resolving them');
    const r = await importDemo(db.gateway);
    for (const line of describeFrontDoor(r)) (o.print ?? ((l: string) => log.info(l)))(line);
    return true;
  }
  log.info('The database is empty: loading the demo scenario (synthetic data)');
  const { result } = await seedDemo(db.gateway);
  const entities = Object.values(result.entities).reduce((a, n) => a + (n ?? 0), 0);
  const links = Object.values(result.links).reduce((a, n) => a + (n ?? 0), 0);
  log.info({ entities, links, sourceRecords: result.sources, ms: result.ms }, 'Loaded the demo scenario');
  return true;
}
