/**
 * The stored analysis's statements (cypher/queries/scores/): kept results, the dirty queue, the
 * state with the full recompute's checkpoint and lease, and the caller's reads of kept results
 * (scoped: each entity read with @visible, its label masked by the gateway).
 */
import type { Gateway, Row } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';
import type { ResultRow } from './scores.compute.ts';

const markListeners = new Set<() => void>();

/**
 * Calls `fn` whenever a write of this process marks entities (the alert engine, which looks a
 * moment later, once the write's transaction has committed). Returns the function that stops it.
 */
export function onMarked(fn: () => void): () => void {
  markListeners.add(fn);
  return () => markListeners.delete(fn);
}

export async function markDirty(tx: { run(name: string, params?: Record<string, unknown>): Promise<Row[]> }, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) {
    await tx.run('scores-store/mark-dirty', { ids: [...new Set(ids)] });
    for (const fn of markListeners) fn();
  }
}

export async function dirty(gw: Gateway, limit: number): Promise<{ id: string; at: string }[]> {
  return (await gw.read('scores-store/dirty', { limit: int(limit) })).map((r) => ({ id: String(r.id), at: String(r.at) }));
}

export async function clearDirty(gw: Gateway, ids: readonly string[], before: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000) await gw.write('scores-store/clear-dirty', { ids: ids.slice(i, i + 5000), before });
}

export async function dirtyCount(gw: Gateway): Promise<number> {
  const [r] = await gw.read('scores-store/dirty-count');
  return Number(r?.n ?? 0);
}

export async function typesOf(gw: Gateway, ids: string[]): Promise<{ id: string; type: string }[]> {
  return (await gw.read('scores/types-of', { ids })).map((r) => ({ id: String(r.id), type: String(r.type) }));
}

export async function reachOf(gw: Gateway, ids: string[], linkTypes: readonly string[]): Promise<{ id: string; type: string }[]> {
  return (await gw.read('scores/reach', { ids, linkTypes: [...linkTypes] })).map((r) => ({ id: String(r.id), type: String(r.type) }));
}

export async function operationsOfIds(gw: Gateway, ids: readonly string[]): Promise<Map<string, string[]>> {
  return new Map((await gw.read('scores/operations-of', { ids: [...ids] })).map((r) => [String(r.id), (r.operationIds as string[]).slice().sort()]));
}

export async function writeResults(gw: Gateway, rows: ResultRow[]): Promise<void> {
  if (rows.length > 0) await gw.write('scores-store/write-results', { rows });
}

export async function deleteResults(gw: Gateway, keys: string[]): Promise<void> {
  if (keys.length > 0) await gw.write('scores-store/delete-results', { keys });
}

export async function deleteStale(gw: Gateway, view: string, job: string, limit: number): Promise<number> {
  const [r] = await gw.write('scores-store/delete-stale', { view, job, limit: int(limit) });
  return Number(r?.n ?? 0);
}

export async function writeNetworks(gw: Gateway, view: string, rows: { key: string; props: Record<string, unknown> }[]): Promise<void> {
  await gw.write('scores-store/write-networks', { view, rows });
}

export type State = Record<string, unknown>;

export async function state(gw: Gateway): Promise<State> {
  const [r] = await gw.read('scores-store/state');
  return (r?.state as State | null) ?? {};
}

export async function setState(gw: Gateway, props: State): Promise<void> {
  await gw.write('scores-store/set-state', { props });
}

export async function lock(gw: Gateway, by: string, seconds: number): Promise<boolean> {
  return (await gw.write('scores-store/lock', { by, seconds: int(seconds) })).length > 0;
}

export async function unlock(gw: Gateway, by: string): Promise<void> {
  await gw.write('scores-store/unlock', { by });
}

export async function results(gw: Gateway, view: string): Promise<Record<string, unknown>[]> {
  return (await gw.read('scores-store/results', { view })).map((r) => r.result as Record<string, unknown>);
}

export interface FlaggedFilter {
  types: string[] | null;
  indicatorIds: string[] | null;
  minScore: number | null;
  operationId: string | null;
  riskCombination: boolean | null;
}

export async function flaggedCount(gw: Gateway, view: string, f: FlaggedFilter): Promise<number> {
  const [r] = await gw.read('scores/flagged-count', { view, ...f });
  return Number(r?.n ?? 0);
}

/** Scanning this many results for a page in score order scans the whole filtered list. */
const FLAGGED_SCAN_ALL = 2 ** 31 - 1;

/** A page of the flagged list: in the default order (score, highest first) read in the index's order, else sorted whole. */
export async function flaggedPage(gw: Gateway, view: string, f: FlaggedFilter, sort: { field: string; desc: boolean }, offset: number, limit: number): Promise<Row[]> {
  if (sort.field === 'SCORE' && sort.desc) {
    // The first results in the index's order, and further while those the caller cannot see
    // (or retired since) leave the page short before the end of the list (exact).
    for (let scan = offset + limit + 200; ; scan *= 8) {
      const rows = await gw.read('scores/flagged-top', { view, ...f, scan: int(scan), offset: int(offset), limit: int(limit) });
      if (rows.length === limit || (rows.length > 0 && Number(rows[0]!.scanned) < scan)) return rows;
      if (rows.length === 0 || scan * 8 >= FLAGGED_SCAN_ALL) return gw.read('scores/flagged-top', { view, ...f, scan: int(FLAGGED_SCAN_ALL), offset: int(offset), limit: int(limit) });
    }
  }
  return gw.read('scores/flagged-page', { view, ...f, ...sort, offset: int(offset), limit: int(limit) });
}

export interface ProfilesFilter {
  combinationOnly: boolean;
  minScore: number | null;
  factorKinds: string[] | null;
}

export async function profilesCount(gw: Gateway, view: string, f: ProfilesFilter): Promise<number> {
  const [r] = await gw.read('scores/profiles-count', { view, ...f });
  return Number(r?.n ?? 0);
}

export async function profilesPage(gw: Gateway, view: string, f: ProfilesFilter, offset: number, limit: number): Promise<Row[]> {
  return gw.read('scores/profiles-page', { view, ...f, offset: int(offset), limit: int(limit) });
}

export async function networks(gw: Gateway, view: string, minScore: number, offset: number, limit: number): Promise<Row[]> {
  return gw.read('scores/networks', { view, minScore, offset: int(offset), limit: int(limit) });
}

export async function networksCount(gw: Gateway, view: string, minScore: number): Promise<number> {
  const [r] = await gw.read('scores/networks-count', { view, minScore });
  return Number(r?.n ?? 0);
}

export async function writeMetrics(gw: Gateway, view: string, weighted: boolean, rows: { key: string; props: Record<string, unknown> }[], run: Record<string, unknown>): Promise<void> {
  while (Number((await gw.write('scores-store/clear-metrics', { view, weighted, limit: int(10_000) }))[0]?.n ?? 0) > 0);
  for (let i = 0; i < rows.length; i += 5000) await gw.write('scores-store/write-metrics', { rows: rows.slice(i, i + 5000) });
  await gw.write('scores-store/write-metrics-run', { key: `${view}|${weighted}`, props: { view, weighted, ...run } });
}

export async function metricsRun(gw: Gateway, view: string, weighted: boolean): Promise<Record<string, unknown> | null> {
  const [r] = await gw.read('scores-store/metrics-run', { view, weighted });
  return (r?.run as Record<string, unknown> | null) ?? null;
}

export async function metrics(gw: Gateway, view: string, weighted: boolean): Promise<Row[]> {
  return gw.read('scores/metrics', { view, weighted });
}
