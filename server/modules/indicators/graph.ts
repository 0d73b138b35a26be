/**
 * What the indicator rules read: the in-memory graph of the entities and links indicators look
 * at, indexes shared by the rules, validity windows, and each hit's evidence (the entities and
 * links that make it fire, with their grading, sources and dates).
 */
import { gradeWeight, INTELLIGENCE_ASSESSMENTS, SOURCE_EVALUATIONS, type IntelligenceAssessment, type SourceEvaluation } from '../../model/model.ts';
import type { ALink } from '../analytics/index.ts';
import type { IndicatorRule } from './library.ts';

export interface INode {
  id: string;
  type: string;
  label: string;
  kind?: string | null;
  category?: string | null;
  status?: string | null;
  postedOn?: string | null;
  obscuredNumber?: boolean | null;
  potentialVictim?: boolean | null;
  suspect?: boolean | null;
  recordedAt?: string | null;
}

/** A link as the analytics read it, with what the indicators also show: when it was recorded, its handling and its sources. */
export interface ILink extends ALink {
  recordedAt?: string | null;
  handlingCode?: string | null;
  handlingConditions?: string | null;
  classification?: string | null;
  sourceIds?: string[] | null;
}

export interface HitEvidence {
  summary: string;
  entityIds: string[];
  linkIds: string[];
  /** The weakest link's stored grading. */
  grading: Pick<ILink, 'sourceEvaluation' | 'intelligenceAssessment' | 'handlingCode' | 'handlingConditions' | 'classification'>;
  sourceIds: string[];
  from: string | null;
  to: string | null;
  strength: number;
}

export interface Hit {
  indicatorId: string;
  indicatorVersion: number;
  title: string;
  entityId: string;
  entityType: string;
  label: string;
  score: number;
  summary: string;
  evidence: HitEvidence[];
  entityIds: string[];
  linkIds: string[];
}

export const DAY = 86_400_000;
export const t = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/** A link's weight in (0, 1] from its grading; ungraded counts as untested and indirect (2-C). */
export function linkStrength(l: Pick<ILink, 'sourceEvaluation' | 'intelligenceAssessment'>): number {
  const s = SOURCE_EVALUATIONS.includes(l.sourceEvaluation as SourceEvaluation) ? (l.sourceEvaluation as SourceEvaluation) : 2;
  const i = INTELLIGENCE_ASSESSMENTS.includes(l.intelligenceAssessment as IntelligenceAssessment) ? (l.intelligenceAssessment as IntelligenceAssessment) : 'C';
  return gradeWeight({ sourceEvaluation: s, intelligenceAssessment: i });
}

/** A validity window; null ends are open. */
export interface Window {
  from: string | null;
  to: string | null;
}

export const overlaps = (a: Window, b: Window) => (a.from === null || b.to === null || a.from <= b.to) && (b.from === null || a.to === null || b.from <= a.to);
export const windowOf = (l: ILink): Window => ({ from: l.validFrom ?? null, to: l.validTo ?? null });
const intersect = (a: Window, b: Window): Window => ({
  from: a.from === null ? b.from : b.from === null ? a.from : a.from > b.from ? a.from : b.from,
  to: a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to,
});

const NONE: readonly ILink[] = Object.freeze([]);

/**
 * The graph the rules read, indexed by end and link type: a rule asking for one type of an
 * entity's links reads only those (filtering every link of a hub, a premises with thousands of
 * workers, on every call made the whole-graph run quadratic in its degree). Each list is in link
 * id order; lists are shared, not copied: rules must not change them.
 */
export class IndicatorGraph {
  readonly node = new Map<string, INode>();
  private readonly outs = new Map<string, Map<string, ILink[]>>();
  private readonly ins = new Map<string, Map<string, ILink[]>>();

  constructor(nodes: readonly INode[], links: readonly ILink[]) {
    for (const n of nodes) this.node.set(n.id, n);
    const add = (index: Map<string, Map<string, ILink[]>>, id: string, l: ILink) => {
      let byType = index.get(id);
      if (!byType) index.set(id, (byType = new Map()));
      const list = byType.get(l.type);
      if (list) list.push(l);
      else byType.set(l.type, [l]);
    };
    for (const l of links) {
      if (!this.node.has(l.source) || !this.node.has(l.target)) continue;
      add(this.outs, l.source, l);
      add(this.ins, l.target, l);
    }
    // Each entity's links in id order, whatever the order of the read: where a rule picks among
    // equals (the first of several windows holding as many workers), every read of the same
    // graph (around one entity, around many, the whole graph) then picks the same (decisions/0038).
    const byId = (a: ILink, b: ILink) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    for (const index of [this.outs, this.ins]) for (const byType of index.values()) for (const list of byType.values()) list.sort(byId);
  }

  out(id: string, type: string): readonly ILink[] {
    return this.outs.get(id)?.get(type) ?? NONE;
  }

  in(id: string, type: string): readonly ILink[] {
    return this.ins.get(id)?.get(type) ?? NONE;
  }

  /** Links of a type in either direction, with the entity at the other end. */
  both(id: string, type: string): { link: ILink; other: string }[] {
    return [...this.out(id, type).map((link) => ({ link, other: link.target })), ...this.in(id, type).map((link) => ({ link, other: link.source }))];
  }

  label(id: string): string {
    return this.node.get(id)?.label ?? id;
  }

  is(id: string, type: string): boolean {
    return this.node.get(id)?.type === type;
  }
}

export function evidence(g: IndicatorGraph, summary: string, entityIds: string[], links: ILink[]): HitEvidence {
  const unique = [...new Map(links.map((l) => [l.id, l])).values()];
  const weakest = unique.reduce<ILink | null>((w, l) => (w === null || linkStrength(l) < linkStrength(w) ? l : w), null);
  const dates = unique.flatMap((l) => {
    const posted = g.node.get(l.source)?.type === 'ADVERT' ? g.node.get(l.source)?.postedOn : null;
    return [l.validFrom, l.validTo, posted].filter((d): d is string => !!d).map((d) => d.slice(0, 10));
  });
  dates.sort();
  return {
    summary,
    entityIds: [...new Set(entityIds)],
    linkIds: unique.map((l) => l.id),
    grading: weakest ? { sourceEvaluation: weakest.sourceEvaluation, intelligenceAssessment: weakest.intelligenceAssessment, handlingCode: weakest.handlingCode, handlingConditions: weakest.handlingConditions, classification: weakest.classification } : {},
    sourceIds: [...new Set(unique.flatMap((l) => l.sourceIds ?? []))],
    from: dates[0] ?? null,
    to: dates[dates.length - 1] ?? null,
    strength: unique.length === 0 ? 0 : Math.min(...unique.map(linkStrength)),
  };
}

export type Rule = (g: IndicatorGraph, rule: IndicatorRule, id: string, ctx: Shared) => { summary: string; evidence: HitEvidence[] } | null;

/** Indexes shared by the rules over one graph (built once per evaluation). */
export interface Shared {
  /** Phone -> every way it is given for a premises: directly, or by an advert located there. */
  phonePremises: Map<string, { premisesId: string; links: ILink[]; window: Window; advertId: string | null }[]>;
  /** Premises -> the phones given for it (the keys of phonePremises that name it), in first-seen order. */
  premisesPhones: Map<string, string[]>;
  /** Phone -> the adverts listing it. */
  phoneAdverts: Map<string, ILink[]>;
  /** Offence ids of the rule's categories that did not end in no further action. */
  mshtOffence: (offenceId: string, categories: string[]) => boolean;
  asOf: string;
}

export function shared(g: IndicatorGraph, nodes: readonly INode[], asOf: string): Shared {
  const phonePremises: Shared['phonePremises'] = new Map();
  const phoneAdverts: Shared['phoneAdverts'] = new Map();
  const premisesPhones: Shared['premisesPhones'] = new Map();
  // Appends in place: copying the list on every add was quadratic in a phone's attachments.
  const add = (ph: string, a: { premisesId: string; links: ILink[]; window: Window; advertId: string | null }) => {
    const atts = phonePremises.get(ph);
    if (atts) atts.push(a);
    else phonePremises.set(ph, [a]);
    const phones = premisesPhones.get(a.premisesId);
    if (!phones) premisesPhones.set(a.premisesId, [ph]);
    else if (!phones.includes(ph)) phones.push(ph);
  };
  for (const n of nodes) {
    if (n.type === 'PREMISES') for (const l of g.out(n.id, 'PREMISES_PHONE')) add(l.target, { premisesId: n.id, links: [l], window: windowOf(l), advertId: null });
    if (n.type === 'ADVERT') {
      // An advert's links hold on the day it was posted (numbers are recycled).
      const day: Window = n.postedOn ? { from: n.postedOn, to: n.postedOn } : { from: null, to: null };
      for (const lp of g.out(n.id, 'ADVERT_LISTS_PHONE')) {
        const ads = phoneAdverts.get(lp.target);
        if (ads) ads.push(lp);
        else phoneAdverts.set(lp.target, [lp]);
        for (const la of g.out(n.id, 'ADVERT_LOCATED_AT')) add(lp.target, { premisesId: la.target, links: [la, lp], window: intersect(day, windowOf(lp)), advertId: n.id });
      }
    }
  }
  const mshtOffence = (id: string, categories: string[]) => {
    const o = g.node.get(id);
    return !!o && o.type === 'OFFENCE' && categories.includes(o.category ?? '') && o.status !== 'NFA';
  };
  return { phonePremises, premisesPhones, phoneAdverts, mshtOffence, asOf };
}

/** The greatest number of distinct keys whose windows meet one span of `days` days. */
export function maxInWindow<T>(items: { key: string; window: Window; item: T }[], days: number): { key: string; item: T }[] {
  let best: { key: string; item: T }[] = [];
  // Exact shortcuts at a busy premises: a span already tried (same start day) gives the same
  // keys, and once every key is inside no later span can hold more.
  const keys = new Set(items.map((x) => x.key)).size;
  const tried = new Set<string | null>();
  for (const start of items) {
    if (best.length === keys) break;
    const from = start.window.from;
    if (tried.has(from)) continue;
    tried.add(from);
    const span: Window = from ? { from, to: new Date(t(from) + days * DAY).toISOString().slice(0, 10) } : { from: null, to: null };
    const inside = new Map<string, { key: string; item: T }>();
    for (const x of items) if (overlaps(x.window, span) && !inside.has(x.key)) inside.set(x.key, { key: x.key, item: x.item });
    if (inside.size > best.length) best = [...inside.values()];
  }
  return best;
}
