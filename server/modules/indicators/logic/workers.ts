/**
 * Indicators on workers: many workers at one premises, living where they work, rotating between premises.
 */
import { findCircuits } from '../../stays/index.ts';
import { evidence, type HitEvidence, type ILink, type IndicatorGraph, maxInWindow, overlaps, type Rule, type Window, windowOf } from '../graph.ts';
import { num } from '../library.ts';

export const manyWorkers: Rule = (g, rule, id) => {
  const min = num(rule, 'minWorkers', 5);
  const days = num(rule, 'windowDays', 180);
  const items: { key: string; window: Window; item: ILink[] }[] = g.in(id, 'WORKS_AT').map((l) => ({ key: l.source, window: windowOf(l), item: [l] }));
  for (const la of g.in(id, 'ADVERT_LOCATED_AT')) {
    const posted = g.node.get(la.source)?.postedOn ?? null;
    for (const lf of g.out(la.source, 'ADVERT_FEATURES')) items.push({ key: lf.target, window: { from: posted, to: posted }, item: [la, lf] });
  }
  const workers = maxInWindow(items, days);
  if (workers.length < min) return null;
  // Each worker's items, in order (filtering every item per worker was quadratic at a busy premises).
  const byKey = new Map<string, ILink[]>();
  for (const x of items) {
    const list = byKey.get(x.key);
    if (list) list.push(...x.item);
    else byKey.set(x.key, [...x.item]);
  }
  const ev = workers.map((w) => {
    const all = byKey.get(w.key) ?? [];
    return evidence(g, `${g.label(w.key)} worked here (${all.filter((l) => l.type === 'WORKS_AT').length} stays, ${all.filter((l) => l.type === 'ADVERT_FEATURES').length} adverts)`, [id, w.key, ...all.filter((l) => l.type === 'ADVERT_LOCATED_AT').map((l) => l.source)], all);
  });
  return { summary: `${workers.length} different workers within ${days} days`, evidence: ev };
};

export const livesAtWork: Rule = (g, _rule, id) => {
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

/**
 * A person's longest circuit (through `through`, when given) of at least `minPremises` premises, or null: the circuits
 * finder's own rule (stays/circuits.ts, decision 0034), a chain of consecutive WORKS_AT stays
 * each beginning once the one before ended, all within `days` of the first. Stays held at once (an
 * owner at two of her businesses) are not a move.
 */
function rotation(g: IndicatorGraph, person: string, minPremises: number, days: number, through?: string): ILink[] | null {
  const links = g.out(person, 'WORKS_AT').filter((l) => l.validFrom);
  const byId = new Map(links.map((l) => [l.id, l]));
  const stays = links.map((l) => ({ id: l.id, person, premises: l.target, from: l.validFrom!.slice(0, 10), to: l.validTo?.slice(0, 10) ?? null }));
  const best = findCircuits(stays, { windowDays: days, minPremises, minTogether: Number.MAX_SAFE_INTEGER }).find((c) => !through || c.premises.includes(through));
  return best ? best.stays.map((s) => byId.get(s.id)!) : null;
}

export const rotatingWorkers: Rule = (g, rule, id) => {
  const minPremises = num(rule, 'minPremises', 3);
  const days = num(rule, 'windowDays', 120);
  if (g.is(id, 'PERSON')) {
    const stays = rotation(g, id, minPremises, days);
    if (!stays) return null;
    const premises = [...new Set(stays.map((l) => l.target))];
    return { summary: `Moved through ${premises.length} premises within ${days} days`, evidence: [evidence(g, `Stays in turn at ${premises.map((p) => g.label(p)).join(', ')}`, [id, ...premises], stays)] };
  }
  const ev: HitEvidence[] = [];
  for (const p of new Set(g.in(id, 'WORKS_AT').map((l) => l.source))) {
    const stays = rotation(g, p, minPremises, days, id);
    if (!stays) continue;
    const premises = [...new Set(stays.map((l) => l.target))];
    ev.push(evidence(g, `${g.label(p)} moved through ${premises.length} premises within ${days} days`, [id, p, ...premises], stays));
  }
  if (ev.length < num(rule, 'minWorkers', 2)) return null;
  return { summary: `${ev.length} workers rotating between premises`, evidence: ev };
};
