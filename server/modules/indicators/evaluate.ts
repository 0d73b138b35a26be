/**
 * The indicator library's logic (pure): each rule, by id, over an in-memory graph of the entities
 * and links that indicators look at. Every hit carries its evidence: the entities and links that
 * make it fire, with their grading, sources and dates.
 */
import { gradeWeight, INTELLIGENCE_ASSESSMENTS, SOURCE_EVALUATIONS, type IntelligenceAssessment, type SourceEvaluation } from '../../model/model.ts';
import { list, num, type IndicatorRule, type Library } from './library.ts';

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

export interface ILink {
  id: string;
  type: string;
  source: string;
  target: string;
  role?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  recordedAt?: string | null;
  weight?: number | null;
  sourceEvaluation?: number | null;
  intelligenceAssessment?: string | null;
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


const round = (x: number) => Math.round(x * 10_000) / 10_000;
const DAY = 86_400_000;
const t = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/** A link's weight in (0, 1] from its grading; ungraded counts as untested and indirect (2-C). */
export function linkStrength(l: Pick<ILink, 'sourceEvaluation' | 'intelligenceAssessment'>): number {
  const s = SOURCE_EVALUATIONS.includes(l.sourceEvaluation as SourceEvaluation) ? (l.sourceEvaluation as SourceEvaluation) : 2;
  const i = INTELLIGENCE_ASSESSMENTS.includes(l.intelligenceAssessment as IntelligenceAssessment) ? (l.intelligenceAssessment as IntelligenceAssessment) : 'C';
  return gradeWeight({ sourceEvaluation: s, intelligenceAssessment: i });
}

/** A validity window; null ends are open. */
interface Window {
  from: string | null;
  to: string | null;
}

const overlaps = (a: Window, b: Window) => (a.from === null || b.to === null || a.from <= b.to) && (b.from === null || a.to === null || b.from <= a.to);
const windowOf = (l: ILink): Window => ({ from: l.validFrom ?? null, to: l.validTo ?? null });
const intersect = (a: Window, b: Window): Window => ({
  from: a.from === null ? b.from : b.from === null ? a.from : a.from > b.from ? a.from : b.from,
  to: a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to,
});

/** The graph the rules read, indexed by link type and end. */
export class IndicatorGraph {
  readonly node = new Map<string, INode>();
  private readonly outs = new Map<string, ILink[]>();
  private readonly ins = new Map<string, ILink[]>();

  constructor(nodes: readonly INode[], links: readonly ILink[]) {
    for (const n of nodes) this.node.set(n.id, n);
    for (const l of links) {
      if (!this.node.has(l.source) || !this.node.has(l.target)) continue;
      const o = this.outs.get(l.source) ?? [];
      o.push(l);
      this.outs.set(l.source, o);
      const i = this.ins.get(l.target) ?? [];
      i.push(l);
      this.ins.set(l.target, i);
    }
  }

  out(id: string, type: string): ILink[] {
    return (this.outs.get(id) ?? []).filter((l) => l.type === type);
  }

  in(id: string, type: string): ILink[] {
    return (this.ins.get(id) ?? []).filter((l) => l.type === type);
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

function evidence(g: IndicatorGraph, summary: string, entityIds: string[], links: ILink[]): HitEvidence {
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

type Rule = (g: IndicatorGraph, rule: IndicatorRule, id: string, ctx: Shared) => { summary: string; evidence: HitEvidence[] } | null;

/** Indexes shared by the rules over one graph (built once per evaluation). */
interface Shared {
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

function shared(g: IndicatorGraph, nodes: readonly INode[], asOf: string): Shared {
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
function maxInWindow<T>(items: { key: string; window: Window; item: T }[], days: number): { key: string; item: T }[] {
  let best: { key: string; item: T }[] = [];
  for (const start of items) {
    const from = start.window.from;
    const span: Window = from ? { from, to: new Date(t(from) + days * DAY).toISOString().slice(0, 10) } : { from: null, to: null };
    const inside = new Map<string, { key: string; item: T }>();
    for (const x of items) if (overlaps(x.window, span) && !inside.has(x.key)) inside.set(x.key, { key: x.key, item: x.item });
    if (inside.size > best.length) best = [...inside.values()];
  }
  return best;
}

// ---- the rules ----------------------------------------------------------------------------

const sharedPhone: Rule = (g, rule, id, c) => {
  const min = num(rule, 'minOtherPremises', 1);
  const found: HitEvidence[] = [];
  const others = new Set<string>();
  if (g.is(id, 'PREMISES')) {
    // Only this premises' phones: scanning every phone for every premises was O(premises x phones),
    // which kept the whole-graph run at 100k people from finishing.
    for (const ph of c.premisesPhones.get(id) ?? []) {
      const atts = c.phonePremises.get(ph)!;
      for (const mine of atts.filter((a) => a.premisesId === id)) {
        for (const theirs of atts.filter((a) => a.premisesId !== id && overlaps(a.window, mine.window))) {
          others.add(theirs.premisesId);
          found.push(evidence(g, `${g.label(ph)} is given for this premises and for ${g.label(theirs.premisesId)}${theirs.advertId ? ' (in an advert)' : ''} at the same time`, [id, ph, theirs.premisesId, ...(mine.advertId ? [mine.advertId] : []), ...(theirs.advertId ? [theirs.advertId] : [])], [...mine.links, ...theirs.links]));
        }
      }
    }
    if (others.size < min) return null;
    return { summary: `Shares a phone with ${others.size} other premises`, evidence: found };
  }
  // A person answering a number given for two or more premises, or listed in adverts.
  for (const use of g.out(id, 'USES_PHONE')) {
    const atts = (c.phonePremises.get(use.target) ?? []).filter((a) => overlaps(a.window, windowOf(use)));
    const premises = new Set(atts.map((a) => a.premisesId));
    const adverts = atts.filter((a) => a.advertId);
    if (premises.size < Math.max(2, min) && adverts.length === 0) continue;
    premises.forEach((p) => others.add(p));
    for (const a of atts) found.push(evidence(g, `Uses ${g.label(use.target)}, given for ${g.label(a.premisesId)}${a.advertId ? ' in an advert' : ''}`, [id, use.target, a.premisesId, ...(a.advertId ? [a.advertId] : [])], [use, ...a.links]));
  }
  return found.length === 0 ? null : { summary: `Uses a phone given for ${others.size} premises or their adverts`, evidence: found };
};

const manyWorkers: Rule = (g, rule, id) => {
  const min = num(rule, 'minWorkers', 5);
  const days = num(rule, 'windowDays', 180);
  const items: { key: string; window: Window; item: ILink[] }[] = g.in(id, 'WORKS_AT').map((l) => ({ key: l.source, window: windowOf(l), item: [l] }));
  for (const la of g.in(id, 'ADVERT_LOCATED_AT')) {
    const posted = g.node.get(la.source)?.postedOn ?? null;
    for (const lf of g.out(la.source, 'ADVERT_FEATURES')) items.push({ key: lf.target, window: { from: posted, to: posted }, item: [la, lf] });
  }
  const workers = maxInWindow(items, days);
  if (workers.length < min) return null;
  const ev = workers.map((w) => {
    const all = items.filter((x) => x.key === w.key).flatMap((x) => x.item);
    return evidence(g, `${g.label(w.key)} worked here (${all.filter((l) => l.type === 'WORKS_AT').length} stays, ${all.filter((l) => l.type === 'ADVERT_FEATURES').length} adverts)`, [id, w.key, ...all.filter((l) => l.type === 'ADVERT_LOCATED_AT').map((l) => l.source)], all);
  });
  return { summary: `${workers.length} different workers within ${days} days`, evidence: ev };
};

const livesAtWork: Rule = (g, _rule, id) => {
  const pairs: HitEvidence[] = [];
  const people = g.is(id, 'PREMISES') ? [...new Set(g.in(id, 'WORKS_AT').map((l) => l.source))] : [id];
  for (const p of people) {
    for (const w of g.out(p, 'WORKS_AT')) {
      if (g.is(id, 'PREMISES') && w.target !== id) continue;
      for (const l of g.out(p, 'LIVES_AT').filter((x) => x.target === w.target && overlaps(windowOf(x), windowOf(w)))) {
        pairs.push(evidence(g, `${g.label(p)} works and lives at ${g.label(w.target)} at the same time`, [id, p, w.target], [w, l]));
      }
    }
  }
  if (pairs.length === 0) return null;
  const n = new Set(pairs.map((e) => e.entityIds[1])).size;
  return { summary: g.is(id, 'PREMISES') ? `${n} worker${n === 1 ? '' : 's'} living at the work address` : 'Lives at the work address', evidence: pairs };
};

/** A person's stays at several premises within one window, or null. */
function rotation(g: IndicatorGraph, person: string, minPremises: number, days: number): ILink[] | null {
  const stays = g.out(person, 'WORKS_AT');
  const best = maxInWindow(stays.map((l) => ({ key: l.target, window: windowOf(l), item: l })), days);
  if (best.length < minPremises) return null;
  const premises = new Set(best.map((b) => b.key));
  const span = best.map((b) => b.item);
  const from = span.map((l) => l.validFrom ?? '').sort()[0] ?? '';
  // Every stay at those premises within the span, so the chart shows the circuit.
  return stays.filter((l) => premises.has(l.target) && (!from || !l.validTo || l.validTo >= from)).filter((l) => overlaps(windowOf(l), { from: from || null, to: from ? new Date(t(from) + days * DAY).toISOString().slice(0, 10) : null }));
}

const rotatingWorkers: Rule = (g, rule, id) => {
  const minPremises = num(rule, 'minPremises', 3);
  const days = num(rule, 'windowDays', 120);
  if (g.is(id, 'PERSON')) {
    const stays = rotation(g, id, minPremises, days);
    if (!stays) return null;
    const premises = [...new Set(stays.map((l) => l.target))];
    return { summary: `Worked at ${premises.length} premises within ${days} days`, evidence: [evidence(g, `Stays at ${premises.map((p) => g.label(p)).join(', ')}`, [id, ...premises], stays)] };
  }
  const ev: HitEvidence[] = [];
  for (const p of new Set(g.in(id, 'WORKS_AT').map((l) => l.source))) {
    const stays = rotation(g, p, minPremises, days);
    if (!stays || !stays.some((l) => l.target === id)) continue;
    const premises = [...new Set(stays.map((l) => l.target))];
    ev.push(evidence(g, `${g.label(p)} rotated between ${premises.length} premises within ${days} days`, [id, p, ...premises], stays));
  }
  if (ev.length < num(rule, 'minWorkers', 2)) return null;
  return { summary: `${ev.length} workers rotating between premises`, evidence: ev };
};

/** How long an advert's listing of a number holds: from its posting (or validFrom) until a validTo ends it. */
function listingWindow(g: IndicatorGraph, l: ILink): Window {
  return { from: l.validFrom ?? g.node.get(l.source)?.postedOn ?? null, to: l.validTo ?? null };
}

const advertNumber: Rule = (g, rule, id, c) => {
  const minShare = num(rule, 'minAdvertsSharingNumber', 3);
  const adverts = g.is(id, 'PREMISES') ? g.in(id, 'ADVERT_LOCATED_AT').map((l) => ({ ad: l.source, via: l })) : g.in(id, 'ADVERT_FEATURES').map((l) => ({ ad: l.source, via: l }));
  const ev: HitEvidence[] = [];
  for (const { ad, via } of adverts) {
    if (g.node.get(ad)?.obscuredNumber) ev.push(evidence(g, `${g.label(ad)} hides its number`, [id, ad], [via]));
    for (const lp of g.out(ad, 'ADVERT_LISTS_PHONE')) {
      // Adverts whose use of the number overlaps this one's: numbers are recycled, and a listing
      // that ended (validTo) before the others began is not a shared number.
      const sharing = (c.phoneAdverts.get(lp.target) ?? []).filter((o) => overlaps(listingWindow(g, o), listingWindow(g, lp)));
      if (sharing.length >= minShare) {
        ev.push(evidence(g, `${g.label(ad)} lists ${g.label(lp.target)}, listed by ${sharing.length} adverts`, [id, ad, lp.target, ...sharing.map((l) => l.source)], [via, lp]));
      }
    }
  }
  if (ev.length === 0) return null;
  const ads = new Set(ev.map((e) => e.entityIds[1]));
  return { summary: `${ads.size} advert${ads.size === 1 ? '' : 's'} with an obscured or widely shared number`, evidence: ev };
};

const suspectOrOffence: Rule = (g, rule, id, c) => {
  const cats = list(rule, 'categories', ['MODERN_SLAVERY', 'TRAFFICKING', 'CONTROLLING_PROSTITUTION']);
  const suspectIn = (x: string) => g.out(x, 'INVOLVED_IN').filter((l) => l.role === 'SUSPECT' && c.mshtOffence(l.target, cats));
  const cat = (o: string) => (g.node.get(o)?.category ?? '').toLowerCase().replace(/_/g, ' ');
  const ev: HitEvidence[] = [];
  if (g.is(id, 'PREMISES')) {
    for (const l of g.in(id, 'OCCURRED_AT').filter((x) => c.mshtOffence(x.source, cats))) ev.push(evidence(g, `A ${cat(l.source)} offence occurred here (${g.label(l.source)})`, [id, l.source], [l]));
    for (const type of ['OPERATES', 'WORKS_AT', 'LIVES_AT']) {
      for (const l of g.in(id, type).filter((x) => x.role !== 'LANDLORD')) {
        for (const s of suspectIn(l.source)) ev.push(evidence(g, `${g.label(l.source)} (${type.toLowerCase().replace('_', ' ')} here) is a suspect in a ${cat(s.target)} offence`, [id, l.source, s.target], [l, s]));
      }
    }
  } else {
    for (const l of g.out(id, 'INVOLVED_IN').filter((x) => c.mshtOffence(x.target, cats))) ev.push(evidence(g, `${(l.role ?? 'involved').toLowerCase()} in a ${cat(l.target)} offence (${g.label(l.target)})`, [id, l.target], [l]));
    for (const { link, other } of g.both(id, 'ASSOCIATE_OF')) {
      for (const s of suspectIn(other)) ev.push(evidence(g, `Associate (${(link.role ?? 'associate').toLowerCase().replace('_', ' ')}) of ${g.label(other)}, a suspect in a ${cat(s.target)} offence`, [id, other, s.target], [link, s]));
    }
  }
  return ev.length === 0 ? null : { summary: g.is(id, 'PREMISES') ? 'Linked to trafficking offences or their suspects' : 'Involved in trafficking offences or associated with their suspects', evidence: ev };
};

/** What ties a person to several premises: operating them, or driving a vehicle seen at them. */
function controls(g: IndicatorGraph, rule: IndicatorRule, person: string): { premises: Set<string>; links: ILink[]; how: string }[] {
  const out: { premises: Set<string>; links: ILink[]; how: string }[] = [];
  const ops = g.out(person, 'OPERATES').filter((l) => l.role !== 'LANDLORD' && g.is(l.target, 'PREMISES'));
  if (new Set(ops.map((l) => l.target)).size >= num(rule, 'minPremises', 2)) out.push({ premises: new Set(ops.map((l) => l.target)), links: ops, how: 'operates' });
  for (const d of g.out(person, 'DRIVES')) {
    const seen = g.out(d.target, 'VEHICLE_SEEN_AT');
    if (new Set(seen.map((l) => l.target)).size >= num(rule, 'minVehiclePremises', 3)) out.push({ premises: new Set(seen.map((l) => l.target)), links: [d, ...seen], how: `drives ${g.label(d.target)}, seen at` });
  }
  return out;
}

const multiPremises: Rule = (g, rule, id) => {
  const ev: HitEvidence[] = [];
  const people = g.is(id, 'PERSON') ? [id] : [...new Set([...g.in(id, 'OPERATES').map((l) => l.source), ...g.in(id, 'VEHICLE_SEEN_AT').flatMap((l) => g.in(l.source, 'DRIVES').map((d) => d.source))])].filter((p) => g.is(p, 'PERSON'));
  for (const p of people) {
    for (const c of controls(g, rule, p)) {
      if (g.is(id, 'PREMISES') && !c.premises.has(id)) continue;
      ev.push(evidence(g, `${g.label(p)} ${c.how} ${c.premises.size} premises`, [id, p, ...c.premises, ...c.links.filter((l) => l.type === 'DRIVES').map((l) => l.target)], c.links));
    }
  }
  if (ev.length === 0) return null;
  return { summary: g.is(id, 'PERSON') ? `Controls or drives between ${Math.max(...ev.map((e) => e.entityIds.filter((x) => g.is(x, 'PREMISES')).length))} premises` : `Controlled by or driven to by someone tied to several premises`, evidence: ev };
};

const nrmHistory: Rule = (g, rule, id) => {
  const kinds = list(rule, 'kinds', ['NRM', 'DUTY_TO_NOTIFY']);
  const referrals = (p: string) => g.in(p, 'REFERRAL_FOR').filter((l) => kinds.includes(g.node.get(l.source)?.kind ?? ''));
  const kind = (r: string) => (g.node.get(r)?.kind ?? '').replace(/_/g, ' ');
  const ev: HitEvidence[] = [];
  if (g.is(id, 'PERSON')) {
    for (const l of referrals(id)) ev.push(evidence(g, `${kind(l.source)} referral`, [id, l.source], [l]));
  } else {
    const ties: { person: string; links: ILink[]; how: string }[] = [
      ...g.in(id, 'WORKS_AT').map((l) => ({ person: l.source, links: [l], how: 'worked here' })),
      ...g.in(id, 'LIVES_AT').map((l) => ({ person: l.source, links: [l], how: 'lived here' })),
      ...g.in(id, 'VISIT_AT').flatMap((va) => g.out(va.source, 'ENCOUNTERED').filter((e) => e.role === 'POTENTIAL_VICTIM').map((e) => ({ person: e.target, links: [va, e], how: 'was encountered here as a potential victim' }))),
    ];
    for (const tie of ties) {
      for (const r of referrals(tie.person)) ev.push(evidence(g, `${g.label(tie.person)} ${tie.how} and has a ${kind(r.source)} referral`, [id, tie.person, r.source, ...tie.links.filter((l) => l.type === 'VISIT_AT').map((l) => l.source)], [...tie.links, r]));
    }
  }
  if (ev.length === 0) return null;
  const people = new Set(g.is(id, 'PERSON') ? [id] : ev.map((e) => e.entityIds[1]));
  return { summary: g.is(id, 'PERSON') ? `${ev.length} NRM or Duty to Notify referral${ev.length === 1 ? '' : 's'}` : `${people.size} ${people.size === 1 ? 'person' : 'people'} with NRM or Duty to Notify history tied to it`, evidence: ev };
};

const RULES: Record<IndicatorRule['id'], Rule> = {
  'shared-phone': sharedPhone,
  'many-workers': manyWorkers,
  'lives-at-work': livesAtWork,
  'rotating-workers': rotatingWorkers,
  'advert-number': advertNumber,
  'suspect-or-offence': suspectOrOffence,
  'multi-premises-controller': multiPremises,
  'nrm-history': nrmHistory,
};

/**
 * Every hit of the library's rules on the targets (every person and premises when null), as
 * known on asOf (links recorded later were left out by the read).
 */
export function evaluate(lib: Library, nodes: readonly INode[], links: readonly ILink[], targets: readonly string[] | null, asOf: string): Hit[] {
  const g = new IndicatorGraph(nodes, links);
  const c = shared(g, nodes, asOf);
  const ids = targets ?? nodes.filter((n) => n.type === 'PERSON' || n.type === 'PREMISES').map((n) => n.id);
  const hits: Hit[] = [];
  for (const id of ids) {
    const n = g.node.get(id);
    if (!n) continue;
    for (const rule of lib.indicators) {
      if (!(rule.appliesTo as string[]).includes(n.type)) continue;
      const r = RULES[rule.id](g, rule, id, c);
      if (!r || r.evidence.length === 0) continue;
      const evidenceList = r.evidence.sort((a, b) => b.strength - a.strength || a.summary.localeCompare(b.summary));
      hits.push({
        indicatorId: rule.id,
        indicatorVersion: rule.version,
        title: rule.title,
        entityId: id,
        entityType: n.type,
        label: n.label,
        score: round(rule.weight * evidenceList[0]!.strength),
        summary: r.summary,
        evidence: evidenceList,
        entityIds: [id, ...new Set(evidenceList.flatMap((e) => e.entityIds).filter((x) => x !== id))],
        linkIds: [...new Set(evidenceList.flatMap((e) => e.linkIds))],
      });
    }
  }
  return hits;
}
