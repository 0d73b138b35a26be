/**
 * Suspected networks of premises: a premises–premises projection of the graph in which two
 * premises are tied by what they share (a phone, directly or through the adverts placed for them;
 * a person who works, lives or controls at both; an organisation operating both; a vehicle seen
 * at both; an advert located at both), each shared entity one piece of evidence, weighted by
 * - the grading of the links that make it (product of their gradeWeight: both facts must hold),
 * - how specific it is: an entity shared by k premises counts 1/log2(k) per pair (k > 2), so a
 *   landlord or a hire firm touching many places says less about each pair (Adamic–Adar),
 * - what the link says: a landlord lets to unrelated tenants (LANDLORD counts 0.25), a vehicle
 *   seen once is a coincidence (sightings / 5, full at five or more),
 * - time: a phone number is recycled, so a phone ties two premises only when the two links were
 *   valid at some common time (open-ended links overlap everything). People rotate: no such test.
 * A tie is kept when its evidence is strong enough and corroborated (MIN_TIE_SCORE, MIN_EVIDENCE):
 * one weak or coincidental shared entity does not join premises. Networks are the connected components of the kept ties; a
 * component is split into its Louvain communities (seeded) when they are clearly apart.
 */
import { UndirectedGraph as Graph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { linkGradeWeight } from './grading.ts';
import type { ALink, ANode } from './analytics.types.ts';
import type { EntityType } from '../../model/model.ts';
import { seededRandom } from '../../kernel/random.ts';

// The package is CommonJS: under NodeNext its default import is module.exports, the function itself.
const louvain = louvainModule as unknown as (typeof louvainModule)['default'];

export type TieKind = 'PHONE' | 'ADVERT' | 'PERSON' | 'CONTROLLER' | 'ORGANISATION' | 'VEHICLE';

/** Links that can attach an entity to a premises (directly or through an advert). */
export const PROJECTION_LINK_TYPES = ['PREMISES_PHONE', 'ADVERT_LISTS_PHONE', 'ADVERT_LOCATED_AT', 'ADVERT_FEATURES', 'WORKS_AT', 'LIVES_AT', 'OPERATES', 'VEHICLE_SEEN_AT'] as const;

/**
 * A tie is kept when its evidence weighs at least MIN_TIE_SCORE (two low-grade links, 3-D, weigh
 * 0.03) and is either corroborated (MIN_EVIDENCE distinct shared entities) or includes a shared
 * identifier: a phone in use for both at the same time (a booking line), or one advert for both.
 * A person, company or vehicle at two places alone has innocent explanations (people move, a
 * landlord has tenants, a taxi drops off), so it needs corroboration.
 */
export const MIN_EVIDENCE = 2;
export const MIN_TIE_SCORE = 0.05;
const IDENTIFIERS: readonly TieKind[] = ['PHONE', 'ADVERT'];
const LANDLORD_FACTOR = 0.25;
const FULL_SIGHTINGS = 5;

/** One way an entity attaches to a premises: the links, their strength and validity window. */
interface Attachment {
  premisesId: string;
  linkIds: string[];
  strength: number;
  from: string | null;
  to: string | null;
  kind: TieKind;
  factor: number;
}

export interface Evidence {
  /** The shared entity. */
  entityId: string;
  entityType: EntityType;
  label: string;
  kind: TieKind;
  /** Every premises (of the network, or of the pair) it attaches to. */
  premisesIds: string[];
  /** The links that attach it to those premises. */
  linkIds: string[];
  /** Its weight for one pair of premises it ties (grading, specificity, kind). */
  weight: number;
}

export interface Tie {
  a: string;
  b: string;
  score: number;
  evidence: Evidence[];
}

export interface SuspectedNetwork {
  id: string;
  premisesIds: string[];
  /** Sum of the scores of the kept ties among the members. */
  score: number;
  ties: Tie[];
  evidence: Evidence[];
}

const overlaps = (a: Attachment, b: Attachment) => (a.from === null || b.to === null || a.from <= b.to) && (b.from === null || a.to === null || b.from <= a.to);
const later = (x: string | null | undefined, y: string | null | undefined) => (!x ? (y ?? null) : !y ? x : x > y ? x : y);
const earlier = (x: string | null | undefined, y: string | null | undefined) => (!x ? (y ?? null) : !y ? x : x < y ? x : y);

function kindOf(entityType: string, link: ALink): TieKind {
  if (entityType === 'PHONE') return 'PHONE';
  if (entityType === 'VEHICLE') return 'VEHICLE';
  if (entityType === 'ADVERT') return 'ADVERT';
  if (entityType === 'PERSON') return link.type === 'OPERATES' ? 'CONTROLLER' : 'PERSON';
  return 'ORGANISATION';
}

/** Every entity's attachments to premises, from the projection's links. */
export function attachments(nodes: readonly ANode[], links: readonly ALink[]): Map<string, Attachment[]> {
  const type = new Map(nodes.map((n) => [n.id, n.type]));
  const posted = new Map(nodes.filter((n) => n.postedOn).map((n) => [n.id, n.postedOn!]));
  const isPremises = (id: string) => type.get(id) === 'PREMISES';
  const out = new Map<string, Attachment[]>();
  const add = (entityId: string, a: Attachment) => {
    const list = out.get(entityId);
    if (list) list.push(a);
    else out.set(entityId, [a]);
  };
  const direct = (l: ALink, entityId: string, premisesId: string) => {
    const et = type.get(entityId) ?? 'OTHER';
    const kind = kindOf(et, l);
    let factor = 1;
    if (l.type === 'OPERATES' && l.role === 'LANDLORD') factor = LANDLORD_FACTOR;
    if (l.type === 'VEHICLE_SEEN_AT') factor = Math.min(1, Math.max(1, Number(l.weight ?? 1)) / FULL_SIGHTINGS);
    add(entityId, { premisesId, linkIds: [l.id], strength: linkGradeWeight(l), from: l.validFrom ?? null, to: l.validTo ?? null, kind, factor });
  };
  const advertAt = new Map<string, ALink[]>();
  for (const l of links) {
    if (!type.has(l.source) || !type.has(l.target)) continue;
    if (isPremises(l.target) && !isPremises(l.source)) direct(l, l.source, l.target);
    else if (isPremises(l.source) && !isPremises(l.target)) direct(l, l.target, l.source);
    if (l.type === 'ADVERT_LOCATED_AT' && isPremises(l.target)) {
      const at = advertAt.get(l.source);
      if (at) at.push(l);
      else advertAt.set(l.source, [l]);
    }
  }
  // A phone listed in an advert for a premises, and a person the advert features, attach to that
  // premises through the advert, on the day it was posted.
  for (const l of links) {
    const kind = l.type === 'ADVERT_LISTS_PHONE' ? 'PHONE' : l.type === 'ADVERT_FEATURES' ? 'PERSON' : null;
    if (!kind || !type.has(l.target)) continue;
    const on = posted.get(l.source) ?? null;
    for (const at of advertAt.get(l.source) ?? []) {
      add(l.target, {
        premisesId: at.target,
        linkIds: [l.id, at.id],
        strength: linkGradeWeight(l) * linkGradeWeight(at),
        from: later(later(l.validFrom, at.validFrom), on),
        to: earlier(earlier(l.validTo, at.validTo), on),
        kind,
        factor: 1,
      });
    }
  }
  return out;
}

/** The premises–premises ties with their evidence; all of them, kept or not. */
export function premisesTies(nodes: readonly ANode[], links: readonly ALink[]): Tie[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ties = new Map<string, Tie>();
  for (const [entityId, list] of attachments(nodes, links)) {
    const premises = [...new Set(list.map((a) => a.premisesId))].sort();
    if (premises.length < 2) continue;
    const k = premises.length;
    const specificity = k > 2 ? 1 / Math.log2(k) : 1;
    const node = byId.get(entityId)!;
    const kind: TieKind = list.some((a) => a.kind === 'CONTROLLER') ? 'CONTROLLER' : list[0]!.kind;
    const linkIds = [...new Set(list.flatMap((a) => a.linkIds))].sort();
    // Its attachments per premises, in order (filtering the whole list per pair was cubic in a hub's premises).
    const at = new Map<string, Attachment[]>();
    for (const x of list) {
      const l = at.get(x.premisesId);
      if (l) l.push(x);
      else at.set(x.premisesId, [x]);
    }
    for (let i = 0; i < premises.length; i++) {
      for (let j = i + 1; j < premises.length; j++) {
        const a = premises[i]!;
        const b = premises[j]!;
        // The best pair of attachments (valid at a common time, for phones).
        let best = 0;
        for (const x of at.get(a)!) {
          for (const y of at.get(b)!) {
            if (node.type === 'PHONE' && !overlaps(x, y)) continue;
            best = Math.max(best, x.strength * y.strength * Math.min(x.factor, y.factor));
          }
        }
        if (best <= 0) continue;
        const weight = best * specificity;
        const key = `${a}\u0001${b}`;
        const tie = ties.get(key) ?? { a, b, score: 0, evidence: [] };
        tie.score += weight;
        tie.evidence.push({ entityId, entityType: node.type, label: node.label, kind, premisesIds: premises, linkIds, weight });
        ties.set(key, tie);
      }
    }
  }
  return [...ties.values()].sort((x, y) => (x.a === y.a ? x.b.localeCompare(y.b) : x.a.localeCompare(y.a)));
}

/** The ties kept as evidence of a network: strong enough, and corroborated or through a shared identifier. */
export function keptTies(ties: readonly Tie[], o: { minTieScore?: number; minEvidence?: number } = {}): Tie[] {
  const minTie = o.minTieScore ?? MIN_TIE_SCORE;
  const minEvidence = o.minEvidence ?? MIN_EVIDENCE;
  return ties.filter((t) => t.score >= minTie && (t.evidence.length >= minEvidence || t.evidence.some((e) => IDENTIFIERS.includes(e.kind))));
}

/** Networks sorted as suspectedNetworks gives them: best scored first, then by first premises. */
export const networkOrder = (x: { score: number; premisesIds: string[] }, y: { score: number; premisesIds: string[] }) => y.score - x.score || x.premisesIds[0]!.localeCompare(y.premisesIds[0]!);

/**
 * The networks that kept ties (sorted as premisesTies sorts them) make, each with its component
 * (the first premises of the connected component of kept ties it was split from), unsorted.
 * Every component's networks depend only on that component's ties: the stored analysis
 * recomputes the components a change reaches and keeps the others (decisions/0038).
 */
export function networksOfTies(kept: readonly Tie[], o: { minScore?: number; seed?: number } = {}): { network: SuspectedNetwork; component: string; alone: string[] }[] {
  const g = new Graph({ type: 'undirected' });
  for (const t of kept) {
    g.mergeNode(t.a);
    g.mergeNode(t.b);
    g.addEdge(t.a, t.b, { weight: t.score });
  }
  // Each group with its component and the component's premises left alone by the split (in no network).
  const groups = components(g).flatMap((members) => {
    const parts = split(g, members, o.seed ?? 1);
    const alone = parts.filter((x) => x.length < 2).flat().sort();
    const component = [...members].sort()[0]!;
    return parts.map((group) => ({ group, component, alone }));
  });
  // Each kept tie within one group, in the kept order (filtering every tie per group was quadratic).
  const groupOf = new Map<string, number>();
  groups.forEach(({ group }, i) => group.forEach((m) => groupOf.set(m, i)));
  const within = groups.map((): Tie[] => []);
  for (const t of kept) {
    const i = groupOf.get(t.a);
    if (i !== undefined && i === groupOf.get(t.b)) within[i]!.push(t);
  }
  return groups
    .map(({ group, component, alone }, i) => ({ members: group, component, alone, ties: within[i]! }))
    .filter(({ members }) => members.length >= 2)
    .map(({ members, component, alone, ties }) => {
      const set = new Set(members);
      const evidence = new Map<string, Evidence>();
      for (const t of ties) {
        for (const e of t.evidence) {
          const seen = evidence.get(e.entityId);
          if (!seen || e.weight > seen.weight) evidence.set(e.entityId, e);
        }
      }
      const premisesIds = [...members].sort();
      return {
        component,
        alone,
        network: {
          // Ids stable for the same data: the network's first premises.
          id: `network:${premisesIds[0]}`,
          premisesIds,
          score: Math.round(ties.reduce((s, t) => s + t.score, 0) * 1000) / 1000,
          ties,
          evidence: [...evidence.values()].map((e) => ({ ...e, premisesIds: e.premisesIds.filter((p) => set.has(p)) })).sort((x, y) => y.weight - x.weight || x.entityId.localeCompare(y.entityId)),
        },
      };
    })
    .filter((n) => n.network.score >= (o.minScore ?? 0));
}

/** Groups premises by their kept ties into suspected networks, best scored first. */
export function suspectedNetworks(
  nodes: readonly ANode[],
  links: readonly ALink[],
  o: { minTieScore?: number; minEvidence?: number; minScore?: number; seed?: number } = {},
): SuspectedNetwork[] {
  return networksWithComponents(nodes, links, o).map((n) => n.network);
}

/** suspectedNetworks, each with its component (networksOfTies), best scored first. */
export function networksWithComponents(
  nodes: readonly ANode[],
  links: readonly ALink[],
  o: { minTieScore?: number; minEvidence?: number; minScore?: number; seed?: number } = {},
): { network: SuspectedNetwork; component: string; alone: string[] }[] {
  return networksOfTies(keptTies(premisesTies(nodes, links), o), o).sort((x, y) => networkOrder(x.network, y.network));
}

function components(g: Graph): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const start of [...g.nodes()].sort()) {
    if (seen.has(start)) continue;
    const group: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const v = stack.pop()!;
      group.push(v);
      g.forEachNeighbor(v, (w) => {
        if (!seen.has(w)) {
          seen.add(w);
          stack.push(w);
        }
      });
    }
    out.push(group);
  }
  return out;
}

/**
 * A component that holds several networks joined by a few ties is split into its Louvain
 * communities when the split is clearly better than keeping it whole (modularity over 0.3).
 */
function split(g: Graph, members: string[], seed: number): string[][] {
  if (members.length < 6) return [members];
  const sub = new Graph({ type: 'undirected' });
  for (const m of [...members].sort()) sub.addNode(m);
  for (const m of members) g.forEachEdge(m, (_e, attrs, s, t) => {
    if (s === m && !sub.hasEdge(s, t)) sub.addEdge(s, t, { weight: attrs.weight as number });
  });
  const d = louvain.detailed(sub, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
  if (d.count < 2 || d.modularity < 0.3) return [members];
  const by = new Map<number, string[]>();
  for (const [node, c] of Object.entries(d.communities)) by.set(c, [...(by.get(c) ?? []), node]);
  return [...by.values()];
}
