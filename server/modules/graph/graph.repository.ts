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

/** Entities by id as the chart draws them (CHART_NODE_PROPERTIES and degree); retired ones left out. */
export async function nodes(tx: Tx, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await tx.run('graph/chart-nodes', { ids })).map((r) => r.node as Row);
}

export interface StepRow {
  node: Row;
  known: boolean;
  links: Row[];
}

export interface Step {
  /** The starting entities found (first step only). */
  starts: Row[];
  found: StepRow[];
  /** How many new entities the step found, before `room` cut them. */
  newCount: number;
  /** Links among the step's unexpanded new entities and everything seen (last or cut step). */
  closing: Row[];
}

/** One step of a neighbourhood in one statement (graph/neighbourhood-step). */
export async function neighbourhoodStep(
  tx: Tx,
  q: { starts: string[] | null; frontier: string[]; seen: string[]; keep: string[]; room: number; close: boolean; threshold: number; filter: FilterParams },
): Promise<Step> {
  const { filter, ...rest } = q;
  const rows = await tx.run('graph/neighbourhood-step', { ...rest, room: int(rest.room), threshold: int(rest.threshold), ...filter });
  const first = rows[0] as { starts?: Row[]; closing?: Row[]; newCount?: number } | undefined;
  return {
    starts: first?.starts ?? [],
    found: rows.map((r) => r.found as StepRow | null).filter((f): f is StepRow => f !== null),
    newCount: Number(first?.newCount ?? 0),
    closing: first?.closing ?? [],
  };
}

/** Entities by id and the links among them, in one statement (graph/subgraph). */
export async function subgraph(tx: Tx, ids: string[], filter: FilterParams): Promise<{ nodes: Row[]; links: Row[] }> {
  const [row] = await tx.run('graph/subgraph', { ids, ...filter });
  return { nodes: (row?.nodes as Row[]) ?? [], links: (row?.links as Row[]) ?? [] };
}

/** The links among the chart's entities: those between `ids` and `among`, each once (graph/chart-links). */
export async function chartLinks(tx: Tx, ids: string[], among: string[], filter: FilterParams): Promise<Row[]> {
  if (ids.length === 0 || among.length === 0) return [];
  return (await tx.run('graph/chart-links', { ids, among, ...filter })).map((r) => r.link as Row);
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
  return (await tx.run('graph/common', { ...rest, minShared: int(rest.minShared), limit: int(rest.limit), keep: [], ...filter })) as unknown as { node: Row; sharedWith: string[]; total: number; links: Row[] }[];
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
  /** A call's start (ISO datetime), duration in seconds and cell site. */
  detail: { startedAt: string; durationSeconds: number | null; cellSite: string | null } | null;
  grading: Row;
  idLists: string[][];
}

export async function timeline(
  tx: Tx,
  q: { ids: string[]; from: string | null; to: string | null; knownBefore: string | null; limit: number },
): Promise<TimelineRow[]> {
  return (await tx.run('graph/timeline', { ...q, limit: int(q.limit) })) as unknown as TimelineRow[];
}
