/**
 * What the operations established: labour exploitation at a car wash, the offences at the
 * networks' parlours and elsewhere, then the encounter links and the stays as dated links,
 * cut short where a potential victim was taken out of the rota.
 */
import type { Campaign } from './operations.ts';
import type { Offences } from './offences.ts';
import type { Business } from './premises.ts';
import type { RiskRegister } from './risk.ts';
import type { Scene } from './scene.ts';
import type { NetworkTruth } from './truth.ts';

/** The car wash visited in June: labour exploitation found; its workers become potential victims. */
export function exploitationAtCarWash(s: Scene, campaign: Campaign, legit: Business[], offences: Offences): void {
  const { b } = s;
  const { june, august } = campaign.ops;
  const cw = legit.find((l) => l.kind === 'CAR_WASH')!;
  const juneVisit = campaign.visits.find((v) => v.opId === june && v.premisesId === cw.id)!;
  const workers = cw.staff.slice(1);
  for (const w of workers) {
    const enc = juneVisit.encountered.find((e) => e.personId === w);
    if (enc) enc.role = 'POTENTIAL_VICTIM';
    else juneVisit.encountered.push({ personId: w, role: 'POTENTIAL_VICTIM' });
    campaign.identify(w, juneVisit, { safeguarded: true });
  }
  b.get(juneVisit.id).props.outcome = 'SAFEGUARDING';
  b.get(cw.staff[0]!).props.suspect = true;
  offences.record('MODERN_SLAVERY', juneVisit.date, 'UNDER_INVESTIGATION', cw.id, [{ id: cw.staff[0]!, role: 'SUSPECT' }, { id: cw.org, role: 'SUSPECT' }, ...workers.map((w) => ({ id: w, role: 'VICTIM' }))]);
  // The workers no longer appear at the car wash in August.
  const augVisit = campaign.visits.find((v) => v.opId === august && v.premisesId === cw.id);
  if (augVisit) augVisit.encountered = augVisit.encountered.filter((e) => !workers.includes(e.personId));
  s.noise.push({ description: 'A car wash outside the planted networks where labour exploitation was found', ids: [cw.id] });
}

/** Offences established during the operations: at the networks' parlours, nail bars, and drug supply among the risk register. */
export function offencesEstablished(s: Scene, campaign: Campaign, networks: NetworkTruth[], legit: Business[], risk: RiskRegister, offences: Offences): void {
  const { rng, b } = s;
  const { june, august } = campaign.ops;
  const { visits } = campaign;
  const victimsAt = (v: { encountered: { personId: string; role: string }[] }) => v.encountered.filter((e) => e.role === 'POTENTIAL_VICTIM').map((e) => ({ id: e.personId, role: 'VICTIM' }));
  networks.forEach((net, k) => {
    const juneVisits = visits.filter((v) => v.opId === june && net.premisesIds.includes(v.premisesId));
    const withVictims = juneVisits.filter((v) => v.encountered.some((e) => e.role === 'POTENTIAL_VICTIM'));
    const site = (withVictims[0] ?? juneVisits[0])!;
    const victims = victimsAt(site);
    offences.record('CONTROLLING_PROSTITUTION', site.date, 'UNDER_INVESTIGATION', site.premisesId, [...net.controllerIds.map((id) => ({ id, role: 'SUSPECT' })), ...victims]);
    offences.record(k % 2 === 0 ? 'TRAFFICKING' : 'MODERN_SLAVERY', site.date, 'UNDER_INVESTIGATION', site.premisesId, [{ id: net.controllerIds[0]!, role: 'SUSPECT' }, ...net.driverIds.map((id) => ({ id, role: 'SUSPECT' })), ...victims]);
    const aug = visits.filter((v) => v.opId === august && net.premisesIds.includes(v.premisesId));
    const augSite = aug.find((v) => v.encountered.some((e) => e.role === 'POTENTIAL_VICTIM')) ?? aug[0]!;
    if (k < 2) {
      offences.record('CONTROLLING_PROSTITUTION', augSite.date, 'REPORTED', augSite.premisesId, [{ id: net.controllerIds[net.controllerIds.length - 1]!, role: 'SUSPECT' }, ...victimsAt(augSite)]);
    }
    if (k === 0) {
      // A controller turns up during an August visit and is arrested.
      const ctl = net.controllerIds[0]!;
      augSite.encountered.push({ personId: ctl, role: 'SUSPECT' });
      b.cite(ctl, augSite.record);
      b.get(augSite.id).props.outcome = 'ARRESTS';
    }
  });
  for (const l of rng.sample(legit.filter((x) => x.kind === 'NAIL_BAR'), 3)) {
    const v = visits.find((x) => x.premisesId === l.id);
    if (!v || v.encountered.length === 0) continue;
    offences.record('IMMIGRATION', v.date, 'UNDER_INVESTIGATION', l.id, [{ id: l.org, role: 'SUSPECT' }], 'VISITS');
    if (b.get(v.id).props.outcome === 'NO_CONCERNS') b.get(v.id).props.outcome = 'CONCERNS_RAISED';
  }
  for (const d of campaign.juneDays.slice(0, 4)) {
    const [dealer, other] = rng.sample(risk.outsideNetworks, 2);
    offences.record('DRUG_SUPPLY', d, 'CHARGED', rng.pick(risk.homes), [{ id: dealer!, role: 'SUSPECT' }, { id: other!, role: 'SUSPECT' }]);
  }
  const [dealer] = rng.sample(risk.outsideNetworks, 1);
  offences.record('DRUG_SUPPLY', rng.pick(campaign.augustDays), 'UNDER_INVESTIGATION', rng.pick(risk.homes), [{ id: dealer!, role: 'SUSPECT' }]);
}

/** Encounter links with each visit's record, and the stays as dated links. */
export function writeEncountersAndStays(s: Scene, campaign: Campaign): void {
  const { b } = s;
  for (const v of campaign.visits) {
    for (const e of v.encountered) b.link('ENCOUNTERED', v.id, e.personId, v.record, { role: e.role, validFrom: v.date });
  }
  for (const stay of s.stays) {
    const cut = campaign.removedOn.get(stay.personId);
    if (cut && stay.from > cut) continue;
    const to = cut && stay.to > cut ? cut : stay.to;
    b.link(stay.kind, stay.personId, stay.premisesId, [stay.source, ...stay.extraSources], { validFrom: stay.from, validTo: to });
  }
}
