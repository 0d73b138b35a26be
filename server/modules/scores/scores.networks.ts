/**
 * The incremental round's suspected networks (decisions/0038): instead of recomputing every
 * network of a view from a read of the whole projection, only the components of kept ties that
 * a change can reach are recomputed, from what is read around their premises, and ranked among
 * the kept others. Exact, because a component's networks depend only on its own kept ties
 * (networksOfTies), and a tie between two premises only on the entities attached to either:
 * - the premises a change can alter a tie of are among those within 4 links of the marks
 *   (the round's reach: an advert's phone shared with another premises' advert is 4 links);
 * - from them, the premises are expanded along kept ties, each tie computed from every entity
 *   attached to its premises (each such entity's links read whole, with its adverts'), until no
 *   kept tie leaves the set; and along the kept networks' old components (a component split by a
 *   removed tie, or merged by a new one), until none is left half-recomputed.
 * Past NETWORKS_LOCAL_MAX premises, or when the kept networks predate components being kept, the
 * view's networks are recomputed whole.
 */
import type { Gateway } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';
import { keptTies, networkOrder, networksOfTies, premisesTies, PROJECTION_LINK_TYPES, type ALink, type ANode, type SuspectedNetwork, type Tie } from '../analytics/index.ts';

/** Past this many premises to recompute, the view's networks are recomputed whole. */
export const NETWORKS_LOCAL_MAX = 20_000;

type NNode = ANode & { potentialVictim?: boolean | null };

/** What is read around premises: links (each once), the entities at their ends, and each entity's links once read whole. */
class Around {
  readonly links = new Map<string, ALink>();
  readonly nodes = new Map<string, NNode>();
  private readonly of = new Map<string, Map<string, ALink>>();

  constructor(private readonly gw: Gateway) {}

  /** Every link of each entity (read once per entity). */
  async read(ids: Iterable<string>): Promise<void> {
    const todo = [...new Set(ids)].filter((id) => !this.of.has(id));
    for (const id of todo) this.of.set(id, new Map());
    for (let i = 0; i < todo.length; i += 5000) {
      const rows = await this.gw.read('scores/projection-links-of', { ids: todo.slice(i, i + 5000), linkTypes: [...PROJECTION_LINK_TYPES] });
      for (const r of rows) {
        const id = String(r.id);
        // A link read before (through its other end) is kept once, and listed for this end too.
        const seen = this.links.get(id);
        if (seen) {
          for (const end of [seen.source, seen.target]) this.of.get(end)?.set(id, seen);
          continue;
        }
        const l: ALink = { id, type: String(r.type), source: String(r.source), target: String(r.target), role: (r.role as string | null) ?? null, validFrom: (r.validFrom as string | null) ?? null, validTo: (r.validTo as string | null) ?? null, weight: (r.weight as number | null) ?? null, sourceEvaluation: (r.sourceEvaluation as number | null) ?? null, intelligenceAssessment: (r.intelligenceAssessment as string | null) ?? null };
        this.links.set(id, l);
        for (const n of [r.sourceNode, r.targetNode] as NNode[]) if (!this.nodes.has(n.id)) this.nodes.set(n.id, { id: n.id, type: n.type, label: n.label, kind: n.kind ?? null, potentialVictim: n.potentialVictim ?? null, postedOn: n.postedOn ?? null });
        this.of.get(l.source)?.set(id, l);
        this.of.get(l.target)?.set(id, l);
      }
    }
  }

  linksOf(id: string): Iterable<ALink> {
    return this.of.get(id)?.values() ?? [];
  }

  isPremises(id: string): boolean {
    return this.nodes.get(id)?.type === 'PREMISES';
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const tieOrder = (x: Tie, y: Tie) => (x.a === y.a ? x.b.localeCompare(y.b) : x.a.localeCompare(y.a));

/**
 * The kept ties of the given premises: every entity attached to one of them (directly, or
 * through an advert located there) read whole with its adverts, so that each tie is what the
 * whole graph's premisesTies gives it.
 */
async function tiesOf(around: Around, premises: readonly string[]): Promise<Tie[]> {
  const q = new Set(premises);
  await around.read(premises);
  const attachers = new Set<string>();
  const adverts = new Set<string>();
  for (const p of premises) {
    for (const l of around.linksOf(p)) {
      const other = l.source === p ? l.target : l.source;
      if (around.isPremises(other)) continue;
      attachers.add(other);
      if (l.type === 'ADVERT_LOCATED_AT' && l.target === p) adverts.add(other);
    }
  }
  // A phone an advert located here lists, a person it features: attached through it.
  await around.read(adverts);
  for (const ad of adverts) for (const l of around.linksOf(ad)) if (l.source === ad && (l.type === 'ADVERT_LISTS_PHONE' || l.type === 'ADVERT_FEATURES')) attachers.add(l.target);
  await around.read(attachers);
  // Every advert listing or featuring an attached entity, read whole (where it is located).
  const theirAdverts = new Set<string>();
  for (const x of attachers) for (const l of around.linksOf(x)) if (l.target === x && (l.type === 'ADVERT_LISTS_PHONE' || l.type === 'ADVERT_FEATURES')) theirAdverts.add(l.source);
  await around.read(theirAdverts);
  // The attached entities' links, their adverts' links, and the links of the adverts located here.
  const links = new Map<string, ALink>();
  for (const id of [...premises, ...adverts, ...attachers, ...theirAdverts]) for (const l of around.linksOf(id)) links.set(l.id, l);
  const list = [...links.values()].sort(byId);
  const nodes = new Map<string, NNode>();
  for (const l of list) for (const id of [l.source, l.target]) nodes.set(id, around.nodes.get(id)!);
  return keptTies(premisesTies([...nodes.values()].sort(byId), list).filter((t) => q.has(t.a) || q.has(t.b)));
}

export interface KeptNetwork {
  key: string;
  score: number;
  premisesIds: string[];
  component: string | null;
  /** The premises of its component in no network (left alone by the split). */
  alone: string[];
  rank: number;
}

/** What the round does to one view's kept networks: remove, create (with their components), rank. */
export interface NetworksChange {
  remove: string[];
  create: { network: SuspectedNetwork; component: string; alone: string[]; rank: number }[];
  ranks: { key: string; rank: number }[];
  /** Premises recomputed. */
  premises: number;
  /** The entities read (for the victims the new networks quote). */
  node: (id: string) => NNode | undefined;
}

/**
 * The change to one view's kept networks after a change reaching `seeds` (premises), or null
 * when they must be recomputed whole (kept without components, or too many premises reached).
 */
export async function networksChange(gw: Gateway, view: string, seeds: readonly string[]): Promise<NetworksChange | null> {
  const kept = (await gw.read('scores-store/network-index', { view })).map((r) => ({ key: String(r.key), score: Number(r.score), premisesIds: r.premisesIds as string[], component: (r.component as string | null) ?? null, alone: (r.alone as string[] | null) ?? [], rank: Number(r.rank) }) as KeptNetwork);
  if (kept.some((n) => n.component === null)) return null;
  const byPremises = new Map<string, KeptNetwork>();
  // Each premises to a network of its old component (one the split left alone: any of them).
  for (const n of kept) for (const p of [...n.alone, ...n.premisesIds]) byPremises.set(p, n);
  const byComponent = new Map<string, KeptNetwork[]>();
  for (const n of kept) {
    const list = byComponent.get(n.component!);
    if (list) list.push(n);
    else byComponent.set(n.component!, [n]);
  }
  const around = new Around(gw);
  const reached = new Set<string>();
  const ties = new Map<string, Tie>();
  const oldComponents = new Set<string>();
  let frontier = [...new Set(seeds)];
  while (frontier.length > 0) {
    for (const p of frontier) reached.add(p);
    if (reached.size > NETWORKS_LOCAL_MAX) return null;
    const next = new Set<string>();
    for (const t of await tiesOf(around, frontier)) {
      ties.set(`${t.a}\u0001${t.b}`, t);
      for (const p of [t.a, t.b]) if (!reached.has(p)) next.add(p);
    }
    // The old components these premises were in: recomputed whole.
    for (const p of frontier) {
      const n = byPremises.get(p);
      if (!n || oldComponents.has(n.component!)) continue;
      oldComponents.add(n.component!);
      for (const m of byComponent.get(n.component!)!) for (const x of [...m.premisesIds, ...m.alone]) if (!reached.has(x)) next.add(x);
    }
    frontier = [...next];
  }
  const computed = networksOfTies([...ties.values()].sort(tieOrder), { minScore: 0 });
  const removed = new Set<string>();
  for (const c of oldComponents) for (const n of byComponent.get(c)!) removed.add(n.key);
  // Every network ranked as the whole view's computation orders them.
  const all = [
    ...kept.filter((n) => !removed.has(n.key)).map((n) => ({ key: n.key, score: n.score, premisesIds: n.premisesIds, rank: n.rank as number | null, made: null as (typeof computed)[number] | null })),
    ...computed.map((c) => ({ key: `${view}|${c.network.id}`, score: c.network.score, premisesIds: c.network.premisesIds, rank: null as number | null, made: c })),
  ].sort(networkOrder);
  const create: NetworksChange['create'] = [];
  const ranks: NetworksChange['ranks'] = [];
  all.forEach((n, rank) => {
    if (n.made) create.push({ ...n.made, rank });
    else if (n.rank !== rank) ranks.push({ key: n.key, rank });
  });
  return { remove: [...removed], create, ranks, premises: reached.size, node: (id) => around.nodes.get(id) };
}

export async function applyNetworksChange(gw: Gateway, rows: { key: string; props: Record<string, unknown> }[], change: NetworksChange): Promise<void> {
  await gw.write('scores-store/replace-networks', { remove: change.remove, rows, ranks: change.ranks.map((r) => ({ key: r.key, rank: int(r.rank) })) });
}
