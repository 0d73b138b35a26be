/**
 * Indicators on control: suspects and offences tied to an entity, one person controlling several premises, NRM and Duty to Notify history.
 */
import { evidence, type HitEvidence, type ILink, type IndicatorGraph, type Rule } from '../graph.ts';
import { list, num, type IndicatorRule } from '../library.ts';

export const suspectOrOffence: Rule = (g, rule, id, c) => {
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

export const multiPremises: Rule = (g, rule, id) => {
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

export const nrmHistory: Rule = (g, rule, id) => {
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
