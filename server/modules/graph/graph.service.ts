/**
 * Graph queries: neighbourhood (bounded breadth-first expansion with a supernode guard),
 * shortest paths, connecting network, subgraph, common neighbours and timeline. Arguments are
 * checked here; every step runs in one read transaction; limits are applied inside the queries
 * and reported honestly in `truncated` and `truncation`.
 */
import type { Context } from '../../graphql/context.ts';
import type { Row } from '../../db/gateway.ts';
import { badInput, notFound } from '../../errors.ts';
import { toGraphEdge, toGraphNode, toGrading, type GraphEdgeOut, type GraphNodeOut } from '../entity/index.ts';
import { bounded, filterParams, ids as idArg, LIMITS, type LinkFilterArg } from './graph.args.ts';
import * as repo from './graph.repository.ts';

export interface GraphOut {
  nodes: GraphNodeOut[];
  edges: GraphEdgeOut[];
  truncated: boolean;
  truncation: string | null;
  paths: { nodeIds: string[]; edgeIds: string[]; length: number }[];
}

/** The rows found by id; NOT_FOUND naming the first of `ids` that does not exist (or is retired). */
function requireFound(ids: string[], rows: Row[], argument: string): Map<string, Row> {
  const found = new Map(rows.map((r) => [String(r.id), r]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const e = notFound('entity', missing[0]!);
    e.extensions.argument = argument;
    e.extensions.ids = missing;
    throw e;
  }
  return found;
}

/** Loads the given entities; NOT_FOUND naming the first that does not exist (or is retired). */
async function requireNodes(tx: repo.Tx, ids: string[], argument: string): Promise<Map<string, Row>> {
  return requireFound(ids, await repo.nodes(tx, ids), argument);
}

function graph(nodes: GraphNodeOut[], edges: Map<string, Row>, reasons: string[], paths: GraphOut['paths'] = []): GraphOut {
  return {
    nodes,
    edges: [...edges.values()].map(toGraphEdge),
    truncated: reasons.length > 0,
    truncation: reasons.length > 0 ? reasons.join('; ') : null,
    paths,
  };
}

export interface NeighbourhoodArgs {
  ids: readonly string[];
  hops?: number | null;
  limit?: number | null;
  filter?: LinkFilterArg | null;
  supernodeThreshold?: number | null;
}

export async function neighbourhood(ctx: Context, args: NeighbourhoodArgs): Promise<GraphOut> {
  const starts = idArg('ids', args.ids, 1, LIMITS.ids);
  const hops = bounded('hops', args.hops, 1, LIMITS.hops, 1);
  const limit = bounded('limit', args.limit, 1, LIMITS.nodes.max, LIMITS.nodes.default);
  const threshold = bounded('supernodeThreshold', args.supernodeThreshold, 1, LIMITS.supernode.max, LIMITS.supernode.default);
  const filter = filterParams(args.filter);
  return repo.read(ctx.gateway, async (tx) => {
    const nodes = new Map<string, { row: Row; hops: number; expanded: boolean }>();
    const edges = new Map<string, Row>();
    const reasons: string[] = [];
    const unexpandedSupernodes: string[] = [];
    let frontier = starts;
    // One statement a hop: the first also reads the starting entities, and the last (or the one
    // the node limit cut) also fetches the links among the entities it found that are not
    // expanded further.
    for (let hop = 1; hop <= hops && frontier.length > 0; hop += 1) {
      const room = Math.max(0, limit - Math.max(nodes.size, starts.length));
      const step = await repo.neighbourhoodStep(tx, {
        starts: hop === 1 ? starts : null, frontier, seen: hop === 1 ? starts : [...nodes.keys()], keep: starts, room, close: hop === hops, threshold, filter,
      });
      if (hop === 1) {
        const found = requireFound(starts, step.starts, 'ids');
        for (const id of starts) nodes.set(id, { row: found.get(id)!, hops: 0, expanded: true });
      }
      const next: string[] = [];
      for (const row of step.found) {
        const id = String(row.node.id);
        if (!row.known) {
          const degree = Number(row.node.degree ?? 0);
          const willExpand = hop < hops && degree <= threshold;
          nodes.set(id, { row: row.node, hops: hop, expanded: willExpand });
          if (willExpand) next.push(id);
          else if (hop < hops) unexpandedSupernodes.push(`${id} (${degree} links)`);
        }
        for (const l of row.links) edges.set(String(l.id), l);
      }
      for (const l of step.closing) edges.set(String(l.id), l);
      if (step.newCount > room) {
        reasons.push(`the node limit of ${limit} was reached at hop ${hop}: ${step.newCount - room} more entities at that hop were left out${hop < hops ? ', and later hops were not explored from them' : ''}`);
        break;
      }
      frontier = next;
    }
    if (unexpandedSupernodes.length > 0) {
      const shown = unexpandedSupernodes.slice(0, 5).join(', ');
      reasons.push(`${unexpandedSupernodes.length} supernode(s) with more than ${threshold} links were not expanded: ${shown}${unexpandedSupernodes.length > 5 ? ', ...' : ''}`);
    }
    const out = [...nodes.values()].map((n) => toGraphNode(n.row, { supernodeThreshold: threshold, expanded: n.expanded, hops: n.hops }));
    return graph(out, edges, reasons);
  });
}

export interface PathsArgs {
  from: string;
  to: string;
  maxLength?: number | null;
  filter?: LinkFilterArg | null;
  limit?: number | null;
}

async function pathsGraph(
  tx: repo.Tx,
  o: { ids: string[]; pairs: [string, string][]; maxLength: number; perPair: number; filter: ReturnType<typeof filterParams> },
): Promise<GraphOut> {
  const rows = await repo.shortestPaths(tx, { maxLength: o.maxLength, pairs: o.pairs, keep: o.ids, limit: o.perPair + 1, filter: o.filter });
  const perPair = new Map<string, number>();
  const kept: typeof rows = [];
  let cut = 0;
  for (const row of rows) {
    const key = `${row.nodeIds[0]}|${row.nodeIds[row.nodeIds.length - 1]}`;
    const n = (perPair.get(key) ?? 0) + 1;
    perPair.set(key, n);
    if (n <= o.perPair) kept.push(row);
    else cut += 1;
  }
  const nodeIds = [...new Set([...o.ids, ...kept.flatMap((r) => r.nodeIds)])];
  const rowsById = new Map((await repo.nodes(tx, nodeIds)).map((r) => [String(r.id), r]));
  const edges = new Map<string, Row>();
  for (const r of kept) for (const l of r.links) edges.set(String(l.id), l);
  const reasons = cut > 0 ? [`more shortest paths exist than the limit of ${o.perPair}${o.pairs.length > 1 ? ' per pair' : ''}`] : [];
  const nodes = nodeIds.filter((id) => rowsById.has(id)).map((id) => toGraphNode(rowsById.get(id)!));
  const paths = kept.map((r) => ({ nodeIds: r.nodeIds, edgeIds: r.links.map((l) => String(l.id)), length: r.links.length }));
  return graph(nodes, edges, reasons, paths);
}

export async function paths(ctx: Context, args: PathsArgs): Promise<GraphOut> {
  const [from] = idArg('from', [args.from], 1, 1);
  const [to] = idArg('to', [args.to], 1, 1);
  if (from === to) throw badInput('to', 'must be a different entity from `from`.');
  const maxLength = bounded('maxLength', args.maxLength, 1, LIMITS.pathLength.max, LIMITS.pathLength.default);
  const limit = bounded('limit', args.limit, 1, LIMITS.paths.max, LIMITS.paths.default);
  const filter = filterParams(args.filter);
  return repo.read(ctx.gateway, async (tx) => {
    // The ends are checked with the path's own nodes (one statement fewer per request): a
    // missing or retired end finds no path, and is then named as before, `from` first.
    const out = await pathsGraph(tx, { ids: [from!, to!], pairs: [[from!, to!]], maxLength, perPair: limit, filter });
    const present = new Set(out.nodes.map((n) => n.id));
    for (const [id, argument] of [[from!, 'from'], [to!, 'to']] as const) {
      if (!present.has(id)) {
        const e = notFound('entity', id);
        e.extensions.argument = argument;
        e.extensions.ids = [id];
        throw e;
      }
    }
    return out;
  });
}

export interface ConnectingArgs {
  ids: readonly string[];
  maxLength?: number | null;
  filter?: LinkFilterArg | null;
  limit?: number | null;
}

export async function connectingNetwork(ctx: Context, args: ConnectingArgs): Promise<GraphOut> {
  const ids = idArg('ids', args.ids, 2, LIMITS.connecting.ids);
  const maxLength = bounded('maxLength', args.maxLength, 1, LIMITS.pathLength.max, LIMITS.connecting.maxLength);
  const perPair = bounded('limit', args.limit, 1, LIMITS.paths.max, LIMITS.connecting.perPair);
  const filter = filterParams(args.filter);
  const pairs: [string, string][] = [];
  ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => pairs.push([a, b])));
  return repo.read(ctx.gateway, async (tx) => {
    await requireNodes(tx, ids, 'ids');
    return pathsGraph(tx, { ids, pairs, maxLength, perPair, filter });
  });
}

/**
 * The given entities and the links among them. An id that names nothing the caller may see is an
 * error, unless `o.passOver` (evidence kept by the stored analysis, which may name an entity
 * retired since it was computed): then it is passed over.
 */
export async function subgraph(ctx: Context, args: { ids: readonly string[]; filter?: LinkFilterArg | null }, o: { passOver?: boolean } = {}): Promise<GraphOut> {
  const ids = idArg('ids', args.ids, 1, LIMITS.subgraph);
  const filter = filterParams(args.filter);
  return repo.read(ctx.gateway, async (tx) => {
    const found = await repo.subgraph(tx, ids, filter);
    const rows = o.passOver ? new Map(found.nodes.map((r) => [String(r.id), r])) : requireFound(ids, found.nodes, 'ids');
    const edges = new Map<string, Row>();
    for (const l of found.links) edges.set(String(l.id), l);
    return graph(ids.filter((id) => rows.has(id)).map((id) => toGraphNode(rows.get(id)!)), edges, []);
  });
}

export interface LinksAmongArgs {
  ids: readonly string[];
  among?: readonly string[] | null;
  filter?: LinkFilterArg | null;
}

/**
 * The links between `ids` and `among` (default: among `ids` themselves) that the caller may see
 * and that pass the filter, each once: the workspace's one read after entities are added to a
 * chart (`ids` the added ones, `among` everything on it). An id that names nothing (retired,
 * or out of the caller's scope) is passed over: a chart may outlive what it shows.
 */
export async function linksAmong(ctx: Context, args: LinksAmongArgs): Promise<GraphEdgeOut[]> {
  const ids = idArg('ids', args.ids, 1, LIMITS.linksAmong);
  const among = args.among ? idArg('among', args.among, 1, LIMITS.linksAmong) : ids;
  const filter = filterParams(args.filter);
  const rows = await repo.read(ctx.gateway, (tx) => repo.chartLinks(tx, ids, among, filter));
  return rows.map(toGraphEdge);
}

export interface CommonArgs {
  ids: readonly string[];
  minShared?: number | null;
  filter?: LinkFilterArg | null;
  limit?: number | null;
}

export async function commonNeighbours(ctx: Context, args: CommonArgs) {
  const ids = idArg('ids', args.ids, 2, LIMITS.common.ids);
  const minShared = bounded('minShared', args.minShared, 1, ids.length, ids.length);
  const limit = bounded('limit', args.limit, 1, LIMITS.common.max, LIMITS.common.default);
  const filter = filterParams(args.filter);
  return repo.read(ctx.gateway, async (tx) => {
    await requireNodes(tx, ids, 'ids');
    const rows = await repo.common(tx, { ids, minShared, limit, filter });
    return rows.map((r) => ({ node: toGraphNode(r.node), sharedWith: r.sharedWith, links: r.links.map(toGraphEdge) }));
  });
}

export interface TimelineArgs {
  ids: readonly string[];
  from?: string | null;
  to?: string | null;
  limit?: number | null;
  asKnownOn?: string | null;
}

const words = (code: string) => code.toLowerCase().replace(/_/g, ' ');
/** 125 -> "2 min 5 s". */
const duration = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}` : `${s} s`);

export async function timeline(ctx: Context, args: TimelineArgs) {
  const ids = idArg('ids', args.ids, 1, LIMITS.timeline.ids);
  const limit = bounded('limit', args.limit, 1, LIMITS.timeline.max, LIMITS.timeline.default);
  const f = filterParams({ from: args.from ?? null, to: args.to ?? null, asKnownOn: args.asKnownOn ?? null });
  return repo.read(ctx.gateway, async (tx) => {
    await requireNodes(tx, ids, 'ids');
    const rows = await repo.timeline(tx, { ids, from: f.from, to: f.to, knownBefore: f.knownBefore, limit });
    return rows.map((r) => ({
      id: r.id,
      date: r.date,
      endDate: r.endDate,
      kind: r.kind,
      description: r.detail
        ? `${r.fromNode?.label ?? '?'} called ${r.toNode?.label ?? '?'} at ${r.detail.startedAt.slice(11, 16)} UTC${r.detail.durationSeconds !== null ? ` for ${duration(Number(r.detail.durationSeconds))}` : ''}`
        : r.linkId
          ? `${r.fromNode?.label ?? '?'} ${words(r.kind)}${r.role ? ` (${words(r.role)})` : ''} ${r.toNode?.label ?? '?'}`
          : `${r.fromNode?.label ?? r.id}`,
      at: r.detail?.startedAt ?? null,
      durationSeconds: r.detail?.durationSeconds === null || r.detail?.durationSeconds === undefined ? null : Number(r.detail.durationSeconds),
      entityIds: [...new Set(r.idLists.flat())],
      linkId: r.linkId,
      entityId: r.entityId,
      grading: toGrading(r.grading),
    }));
  });
}
