/**
 * The scores module's public entry (docs/architecture.md): results kept by the analysis jobs and
 * how fresh they are. Risk, indicators and analytics read kept results through the request's
 * context (`ctx.services.kept`, built from `keptResults`), not by importing this module, which
 * imports them to compute: the module map has no cycle.
 */
import { computed, flaggedPage, metrics, networksPage, profilesPage, storedFor } from './scores.service.ts';

export const keptResults = { storedFor, computed, profilesPage, flaggedPage, networksPage, metrics };
export type KeptResults = typeof keptResults;
export { readKeptResults, status, type Freshness } from './scores.service.ts';
export { markDirty, onMarked } from './scores.repository.ts';
export { runFull, runIncremental, Busy } from './scores.jobs.ts';
export { startWorker } from './scores.worker.ts';
export { resolvers } from './scores.resolvers.ts';
