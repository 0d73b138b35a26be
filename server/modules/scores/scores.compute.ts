/**
 * Computing the stored analysis (docs/analytics.md, decisions/0019): risk profiles, indicator
 * hits, flagged rows and suspected networks, for one view of the graph (everything, or what
 * partners may see), written as ScoreResult and NetworkResult nodes.
 * - full: the whole graph read once, evaluated and written in checkpointed batches of entities
 *   (a killed run resumes after its last written batch);
 * - incremental: the entities within the rules' reach of those a write marked dirty, each batch
 *   evaluated on what the rules read around it (exact: nothing is capped).
 * Reads are unmasked; the labels of potential victims that the results quote are kept beside
 * them (victims) so that reads can mask them for the caller (scores.mask.ts).
 */
import type { Gateway } from '../../db/gateway.ts';
import { evaluateOn, prepareGraph, combineFlagged, INDICATOR_HOPS, INDICATOR_LINK_TYPES, aroundAll, operationsOf, library, libraryVersion, type Flagged, type Hit, type INode } from '../indicators/index.ts';
import { riskRules, rulesVersion, profile, type PersonRow, type Profile } from '../risk/index.ts';
import * as riskRepo from '../risk/index.ts';
import { PROJECTION_LINK_TYPES, networksWithComponents, wholeGraphMetrics, type SuspectedNetwork } from '../analytics/index.ts';
import * as repo from './scores.repository.ts';
import { indicatorInput, networksInput, readView, type ViewRead } from './scores.read.ts';
import { applyNetworksChange, networksChange } from './scores.networks.ts';

export type View = 'all' | 'partner';
export const VIEWS: readonly View[] = ['all', 'partner'];

/** The rules the stored results follow: a change to any of them makes every result stale. */
export const NETWORK_RULES = 'suspected-networks.v1';
export const analysisVersion = () => `${rulesVersion(riskRules())}+${libraryVersion(library())}+${NETWORK_RULES}`;

/** Links through which a change reaches another entity's score: the indicators', risk factors', operations'. */
export const REACH_LINK_TYPES = [...new Set([...INDICATOR_LINK_TYPES, 'HAS_RISK_FACTOR', 'INCLUDES_VISIT'])];
/** How far a change reaches: the indicators read this many links around an entity. */
export const REACH_HOPS = INDICATOR_HOPS;

/** The system's gateway seen as one view, unmasked (results keep the victims they quote apart). */
export function viewGateway(system: Gateway, view: View): Gateway {
  return system.forScope({ shareAll: view === 'all', mask: false, pseudonymKey: system.scope.pseudonymKey });
}

export interface Victim {
  id: string;
  label: string;
}

export interface Stamp {
  job: string;
  asOf: string;
  computedAt: string;
  rulesVersion: string;
}

/** One entity's stored result, as written (lists and JSON text: Neo4j properties). */
export function resultRow(view: View, stamp: Stamp, id: string, type: string, label: string, p: Profile | undefined, f: Flagged | undefined, victims: Victim[]) {
  return {
    key: `${view}|${id}`,
    props: {
      view,
      id,
      type,
      label,
      ...stamp,
      flagged: !!f,
      score: f?.score ?? 0,
      riskScore: f?.riskScore ?? 0,
      riskCombination: f?.riskCombination ?? false,
      riskFactorKinds: f?.riskFactorKinds ?? [],
      indicatorScore: f?.indicatorScore ?? 0,
      indicatorIds: f?.indicatorIds ?? [],
      operationIds: f?.operationIds ?? [],
      hits: JSON.stringify(f?.hits ?? []),
      distinctFactors: p?.distinctFactors ?? 0,
      profileScore: p?.score ?? 0,
      profileCombination: p?.combination ?? false,
      profileFactorKinds: p?.factorKinds ?? [],
      profile: p ? JSON.stringify(p) : null,
      victims: JSON.stringify(victims),
    },
  };
}

export type ResultRow = ReturnType<typeof resultRow>;

/**
 * Rows for the given entities from their profiles and hits: one per entity that is flagged or
 * has a counted risk factor; `none` lists the others (their kept results are removed).
 */
export function rowsFor(
  view: View,
  stamp: Stamp,
  ids: readonly string[],
  people: ReadonlyMap<string, PersonRow>,
  hits: readonly Hit[],
  ops: ReadonlyMap<string, string[]>,
  node: (id: string) => INode | undefined,
): { rows: ResultRow[]; none: string[] } {
  const rules = riskRules();
  const profiles = new Map<string, Profile>();
  for (const id of ids) {
    const person = people.get(id);
    if (person) profiles.set(id, profile(rules, person, stamp.asOf));
  }
  const flagged = new Map(combineFlagged([...profiles.values()], hits, ops).map((f) => [f.id, f]));
  const rows: ResultRow[] = [];
  const none: string[] = [];
  for (const id of ids) {
    const p = profiles.get(id);
    const f = flagged.get(id);
    if (!f && !(p && p.distinctFactors > 0)) {
      none.push(id);
      continue;
    }
    const victims = new Map<string, Victim>();
    const person = people.get(id);
    if (person?.potentialVictim) victims.set(id, { id, label: person.label });
    for (const h of f?.hits ?? []) {
      for (const x of [h.entityId, ...h.entityIds]) {
        const n = node(x);
        if (n?.potentialVictim && n.type === 'PERSON') victims.set(x, { id: x, label: n.label });
      }
    }
    const n = node(id);
    rows.push(resultRow(view, stamp, id, f?.type ?? n?.type ?? 'PERSON', f?.label ?? p?.label ?? n?.label ?? id, p, f, [...victims.values()]));
  }
  return { rows, none };
}

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/** Where a run's time went, in ms by phase (reading, rules, rows, writing, networks, metrics): the bench reports it. */
export type Phases = Record<string, number>;

function timer(phases: Phases) {
  return async <T>(phase: string, f: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      phases[phase] = (phases[phase] ?? 0) + (performance.now() - t);
    }
  };
}

/** Rows per write transaction (UNWIND ... MERGE): large, each passing the write gate. */
const WRITE_BATCH = 5000;

async function write(gw: Gateway, view: View, rows: ResultRow[], none: string[]): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_BATCH) await repo.writeResults(gw, rows.slice(i, i + WRITE_BATCH));
  for (let i = 0; i < none.length; i += 5000) await repo.deleteResults(gw, none.slice(i, i + 5000).map((id) => `${view}|${id}`));
}

/**
 * One view's full recompute: the whole graph read once (one streamed statement: scores.read.ts;
 * the suspected networks computed from the same read), entities evaluated in batches (sorted by
 * id), each batch written with the checkpoint (`after`: the last id written) so that a killed run
 * resumes past it; then results the job did not write are removed. Returns its time by phase.
 */
export async function fullView(
  system: Gateway,
  view: View,
  stamp: Stamp,
  o: { after: string | null; batch: number; checkpoint: (lastId: string, done: number, total: number) => Promise<void>; progress: (p: Progress) => void },
): Promise<Phases> {
  const phases: Phases = {};
  const timed = timer(phases);
  const gw = viewGateway(system, view);
  o.progress({ phase: `${view}: reading the graph`, done: 0, total: 0 });
  const [read, evidence, ops] = await Promise.all([timed('read graph', () => readView(gw)), timed('read evidence', () => riskRepo.allEvidence(gw)), timed('read operations', () => operationsOf(gw))]);
  const { nodes, links } = indicatorInput(read, stamp.asOf);
  const prepared = await timed('rules', () => prepareGraph(nodes, links, stamp.asOf));
  const people = new Map(evidence.map((p) => [p.id, p]));
  const ids = [...new Set([...nodes.filter((n) => n.type === 'PERSON' || n.type === 'PREMISES').map((n) => n.id), ...people.keys()])].sort();
  const lib = library();
  let start = 0;
  if (o.after !== null) while (start < ids.length && ids[start]! <= o.after) start++;
  o.progress({ phase: `${view}: scoring`, done: start, total: ids.length });
  for (let i = start; i < ids.length; i += o.batch) {
    const batch = ids.slice(i, i + o.batch);
    const hits = await timed('rules', () => evaluateOn(lib, prepared, batch.filter((id) => prepared.g.node.has(id))));
    const { rows } = await timed('rows', () => rowsFor(view, stamp, batch, people, hits, ops, (id) => prepared.g.node.get(id)));
    await timed('write', async () => {
      await write(gw, view, rows, []);
      await o.checkpoint(batch[batch.length - 1]!, i + batch.length, ids.length);
    });
    o.progress({ phase: `${view}: scoring`, done: i + batch.length, total: ids.length });
  }
  await timed('write', async () => {
    while ((await repo.deleteStale(gw, view, stamp.job, 10_000)) > 0);
  });
  o.progress({ phase: `${view}: suspected networks`, done: ids.length, total: ids.length });
  await keepNetworks(system, view, stamp, read, timed);
  o.progress({ phase: `${view}: communities and centrality`, done: ids.length, total: ids.length });
  await timed('metrics', () => metricsView(system, view, stamp));
  return phases;
}

/**
 * One view's communities and centrality over the whole graph (networkAnalytics without ids),
 * weighted and unweighted, computed as a request would (on the engine LANTERN_ANALYTICS_ENGINE
 * chooses: Node up to 5,000 entities, GDS above, up to 1,000,000) and kept, replacing the last; a graph
 * too large is kept as such.
 */
export async function metricsView(system: Gateway, view: View, stamp: Stamp): Promise<void> {
  const gw = viewGateway(system, view);
  for (const weighted of [true, false]) {
    const m = await wholeGraphMetrics(gw, weighted);
    const rows = (m?.nodes ?? []).map(({ id, community, degree, weightedDegree, betweenness, pageRank, communitiesLinked, broker }) => ({
      key: `${view}|${weighted}|${id}`,
      props: { view, weighted, id, community, degree, weightedDegree, betweenness, pageRank, communitiesLinked, broker },
    }));
    await repo.writeMetrics(gw, view, weighted, rows, { ...stamp, computedAt: new Date().toISOString(), modularity: m?.modularity ?? 0, entities: rows.length, tooLarge: m === null });
  }
}

/** One view's suspected networks, computed over the whole view (one streamed read of the projection's links) and kept (replacing the last). */
export async function networksView(system: Gateway, view: View, stamp: Stamp, phases: Phases = {}): Promise<void> {
  const timed = timer(phases);
  const read = await timed('networks read', () => readView(viewGateway(system, view), PROJECTION_LINK_TYPES));
  await keepNetworks(system, view, stamp, read, timed);
}

/** A network as kept: its JSON, the potential victims it quotes (masked at read time), its component. */
function networkRow(view: View, stamp: Stamp, n: SuspectedNetwork, rank: number, component: string, alone: string[], node: (id: string) => { id: string; type: string; label: string; potentialVictim?: boolean | null } | undefined) {
  const victims = new Map<string, Victim>();
  for (const e of n.evidence) {
    const x = node(e.entityId);
    if (x?.potentialVictim && x.type === 'PERSON') victims.set(x.id, { id: x.id, label: x.label });
  }
  return { key: `${view}|${n.id}`, props: { view, rank, id: n.id, score: n.score, premisesIds: n.premisesIds, component, alone, network: JSON.stringify(n), victims: JSON.stringify([...victims.values()]), ...stamp } };
}

async function keepNetworks(system: Gateway, view: View, stamp: Stamp, read: ViewRead, timed: ReturnType<typeof timer>): Promise<void> {
  const gw = viewGateway(system, view);
  const { nodes, links } = networksInput(read);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const networks = await timed('networks', () => networksWithComponents(nodes, links, { minScore: 0 }));
  const rows = await timed('networks', () => networks.map(({ network, component, alone }, rank) => networkRow(view, stamp, network, rank, component, alone, (id) => byId.get(id))));
  await timed('networks write', () => repo.writeNetworks(gw, view, rows));
}

/**
 * One view's suspected networks after an incremental round: only the components of kept ties
 * the change reaches (`premises`: those within the rules' reach of the marks) recomputed and
 * ranked among the others (scores.networks.ts); the whole view when that cannot be done.
 */
export async function networksAround(system: Gateway, view: View, stamp: Stamp, premises: readonly string[], phases: Phases = {}): Promise<void> {
  const timed = timer(phases);
  const gw = viewGateway(system, view);
  const change = await timed('networks around', () => networksChange(gw, view, premises));
  if (change === null) return networksView(system, view, stamp, phases);
  const rows = change.create.map((c) => networkRow(view, stamp, c.network, c.rank, c.component, c.alone, change.node));
  await timed('networks write', () => applyNetworksChange(gw, rows, change));
}

/**
 * The people and premises whose results a change to `seeds` can alter: those within REACH_HOPS
 * links of them (retired entities and links included), and the seeds themselves.
 */
export async function reach(system: Gateway, seeds: readonly string[]): Promise<{ ids: string[]; premises: string[] }> {
  const seen = new Map<string, string>();
  for (const r of await repo.typesOf(system, [...seeds])) seen.set(r.id, r.type);
  let frontier = [...seen.keys()];
  for (let hop = 0; hop < REACH_HOPS && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += 5000) {
      for (const r of await repo.reachOf(system, frontier.slice(i, i + 5000), REACH_LINK_TYPES)) {
        if (!seen.has(r.id)) {
          seen.set(r.id, r.type);
          next.push(r.id);
        }
      }
    }
    frontier = next;
  }
  return {
    ids: [...seen].filter(([, type]) => type === 'PERSON' || type === 'PREMISES').map(([id]) => id).sort(),
    premises: [...seen].filter(([, type]) => type === 'PREMISES').map(([id]) => id).sort(),
  };
}

/**
 * One view's results for `ids` recomputed from ONE read of what the rules read around all of
 * them (INDICATOR_HOPS links, nothing capped, so exact: each entity's results depend only on
 * what lies within that reach, which the read around all of them holds), evaluated in batches
 * in memory and written in large batches. Reading around each batch apart read the links of the
 * hubs their reaches share again for every batch.
 */
export async function incrementalView(system: Gateway, view: View, stamp: Stamp, ids: readonly string[], o: { batch: number; progress: (p: Progress) => void; phases?: Phases }): Promise<void> {
  const timed = timer(o.phases ?? {});
  const gw = viewGateway(system, view);
  const lib = library();
  o.progress({ phase: `${view}: reading around the changed entities`, done: 0, total: ids.length });
  const { nodes, links } = await timed('read around', () => aroundAll(gw, ids, stamp.asOf));
  const people = new Map<string, PersonRow>();
  const ops = new Map<string, string[]>();
  await timed('read evidence', async () => {
    for (let i = 0; i < ids.length; i += 10_000) {
      const batch = ids.slice(i, i + 10_000);
      const [evidence, o2] = await Promise.all([riskRepo.evidenceOf(gw, batch), repo.operationsOfIds(gw, batch)]);
      for (const p of evidence) if (p.evidence.length > 0) people.set(p.id, p);
      for (const [id, list] of o2) ops.set(id, list);
    }
  });
  const prepared = await timed('rules', () => prepareGraph(nodes, links, stamp.asOf));
  for (let i = 0; i < ids.length; i += o.batch) {
    const batch = ids.slice(i, i + o.batch);
    const hits = await timed('rules', () => evaluateOn(lib, prepared, batch.filter((id) => prepared.g.node.has(id))));
    const { rows, none } = await timed('rows', () => rowsFor(view, stamp, batch, people, hits, ops, (id) => prepared.g.node.get(id)));
    await timed('write', () => write(gw, view, rows, none));
    o.progress({ phase: `${view}: rescoring changed neighbourhoods`, done: i + batch.length, total: ids.length });
  }
}
