/**
 * Indicators on phones and adverts: a phone given for several premises, and adverts that hide or share their number.
 */
import { evidence, type HitEvidence, type ILink, type IndicatorGraph, overlaps, type Rule, type Window, windowOf } from '../graph.ts';
import { num } from '../library.ts';

export const sharedPhone: Rule = (g, rule, id, c) => {
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

/** How long an advert's listing of a number holds: from its posting (or validFrom) until a validTo ends it. */
function listingWindow(g: IndicatorGraph, l: ILink): Window {
  return { from: l.validFrom ?? g.node.get(l.source)?.postedOn ?? null, to: l.validTo ?? null };
}

export const advertNumber: Rule = (g, rule, id, c) => {
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
