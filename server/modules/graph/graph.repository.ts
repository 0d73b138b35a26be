/**
 * Graph reads through the gateway by query name (cypher/queries/graph/). Multi-step reads
 * (a neighbourhood's hops) run in one read transaction, so they see one state of the graph.
 */
import type { Gateway, Row, Tx } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';
import type { FilterParams } from './graph.args.ts';

export type { Tx };

export function read<T>(gw: Gateway, work: (tx: Tx) => Promise<T>): Promise<T> {
  return gw.readTx(work);
}

export async function nodes(tx: Tx, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await tx.run('graph/nodes', { ids })).map((r) => r.node as Row);
}

export interface ExpandRow {
  node: Row;
  known: boolean;
  newCount: number;
  links: Row[];
}

export async function expand(
  tx: Tx,
  q: { frontier: string[]; seen: string[]; keep: string[]; room: number; filter: FilterParams },
): Promise<ExpandRow[]> {
  const { filter, ...rest } = q;
  return (await tx.run('graph/expand', { ...rest, room: int(rest.room), ...filter })) as unknown as ExpandRow[];
}

export async function linksAmong(tx: Tx, ids: string[], among: string[], filter: FilterParams): Promise<Row[]> {
  if (ids.length === 0 || among.length === 0) return [];
  return (await tx.run('graph/links-among', { ids, among, ...filter })).map((r) => r.link as Row);
}

export async function shortestPaths(
  tx: Tx,
  q: { maxLength: number; pairs: [string, string][]; keep: string[]; limit: number; filter: FilterParams },
): Promise<{ nodeIds: string[]; links: Row[] }[]> {
  const { maxLength, filter, ...rest } = q;
  const name = `graph/paths-${Math.max(1, Math.min(8, Math.trunc(maxLength)))}`;
  return (await tx.run(name, { ...rest, limit: int(rest.limit), ...filter })) as unknown as { nodeIds: string[]; links: Row[] }[];
}

export async function common(
  tx: Tx,
  q: { ids: string[]; minShared: number; limit: number; filter: FilterParams },
): Promise<{ node: Row; sharedWith: string[]; total: number; links: Row[] }[]> {
  const { filter, ...rest } = q;
  return (await tx.run('graph/common', { ...rest, minShared: int(rest.minShared), limit: int(rest.limit), keep: [], ...filter })) as never;
}

export interface TimelineRow {
  id: string;
  kind: string;
  date: string;
  endDate: string | null;
  /** The link's or event's ends ({id, type, label}); potential victims arrive masked when the scope masks. */
  fromNode: { label?: string | null } | null;
  toNode: { label?: string | null } | null;
  role: string | null;
  linkId: string | null;
  entityId: string | null;
  grading: Row;
  idLists: string[][];
}

export async function timeline(
  tx: Tx,
  q: { ids: string[]; from: string | null; to: string | null; knownBefore: string | null; limit: number },
): Promise<TimelineRow[]> {
  return (await tx.run('graph/timeline', { ...q, limit: int(q.limit) })) as unknown as TimelineRow[];
}
