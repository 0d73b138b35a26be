/**
 * The demo scenario: a deterministic, fictional picture at the scale of the Thames Valley
 * Project Aidant press releases (shared/context/): a week of action in late June and three
 * weeks from 22 August focused on massage parlours; about 60 premises of interest, 57 visited;
 * over 50 people encountered; potential victims safeguarded and referred; over 80 people with
 * a combination of risk factors from several source systems; four planted networks of premises
 * tied by shared phones, adverts, rotating workers, controllers and vehicles, amid noise.
 *
 * generateDemo() returns the data set the bulk loader writes and the ground truth.
 */
import type { Dataset } from '../../server/modules/load/load.service.ts';
import { addDuplicates } from './scenario/duplicates.ts';
import { addSharedNoise, plantNetworks } from './scenario/networks.ts';
import { Offences } from './scenario/offences.ts';
import { addOperations, Campaign } from './scenario/operations.ts';
import { exploitationAtCarWash, offencesEstablished, writeEncountersAndStays } from './scenario/outcomes.ts';
import { addCoincidences, addOtherPremises } from './scenario/premises.ts';
import { addRiskRegister } from './scenario/risk.ts';
import { Scene } from './scenario/scene.ts';
import type { DemoTruth, NetworkTruth, OperationTruth, RotationTruth } from './scenario/truth.ts';

export type { DemoTruth, NetworkTruth, OperationTruth, RotationTruth } from './scenario/truth.ts';

export const DEMO_SEED = 20250628;

export interface Demo {
  data: Dataset;
  truth: DemoTruth;
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** The networks' workers moved through two or more premises, with their WORKS_AT stays in order. */
// As written (writeEncountersAndStays): a worker's stays end on the day they were safeguarded.
function rotationsOf(s: Scene, networks: NetworkTruth[], removedOn: ReadonlyMap<string, string>): RotationTruth[] {
  const out: RotationTruth[] = [];
  for (const n of networks)
    for (const personId of n.workerIds) {
      const cut = removedOn.get(personId);
      const stays = s.stays
        .filter((st) => st.kind === 'WORKS_AT' && st.personId === personId && !(cut && st.from > cut))
        .map((st) => ({ ...st, to: cut && st.to > cut ? cut : st.to }))
        .sort((a, b) => a.from.localeCompare(b.from));
      const premisesIds = [...new Set(stays.map((st) => st.premisesId))];
      if (premisesIds.length >= 2) out.push({ personId, networkId: n.id, premisesIds, stays: stays.map((st) => ({ premisesId: st.premisesId, from: st.from, to: st.to })) });
    }
  return out;
}

/** The phases draw from one random stream in this order; changing the order changes the demo. */
export function generateDemo(seed: number = DEMO_SEED): Demo {
  const s = new Scene(seed);
  const ops = addOperations(s);
  const shared = addSharedNoise(s);
  const planted = plantNetworks(s, shared);
  const legit = addOtherPremises(s, shared, planted);
  addCoincidences(s, shared, planted, legit);
  const offences = new Offences(s);
  const risk = addRiskRegister(s, planted, offences);
  const campaign = new Campaign(s, ops, planted, legit);
  campaign.visitAll();
  exploitationAtCarWash(s, campaign, legit, offences);
  offencesEstablished(s, campaign, planted.networks, legit, risk, offences);
  writeEncountersAndStays(s, campaign);
  const duplicates = addDuplicates(s, planted.networks, risk);

  const { b } = s;
  const pvs = campaign.potentialVictims;
  for (const p of pvs) p.referralIds = campaign.referralsOf.get(p.personId) ?? [];
  const referralKind = (id: string) => String(b.get(id).props.kind);
  const opTruth = (opId: string): OperationTruth => {
    const e = b.get(opId).props;
    const vs = campaign.visits.filter((v) => v.opId === opId);
    const opPvs = pvs.filter((p) => p.operationId === opId);
    return {
      id: opId,
      name: String(e.name),
      startDate: String(e.startDate),
      endDate: String(e.endDate),
      visits: vs.length,
      premisesVisited: new Set(vs.map((v) => v.premisesId)).size,
      peopleEncountered: new Set(vs.flatMap((v) => v.encountered.map((x) => x.personId))).size,
      potentialVictimsIdentified: opPvs.length,
      safeguarded: opPvs.filter((p) => p.safeguarded).length,
      referralsByKind: countBy(opPvs.flatMap((p) => p.referralIds), referralKind),
      offencesByCategory: countBy(offences.recorded.filter((o) => o.occurredOn >= String(e.startDate) && o.occurredOn <= String(e.endDate)), (o) => o.category),
    };
  };
  const truth: DemoTruth = {
    scenario: 'lantern-demo',
    version: 1,
    seed,
    synthetic: true,
    description: 'Synthetic, fictional data. Towns and postcode districts are real; people, businesses, addresses, phone numbers and vehicles are not.',
    networks: planted.networks,
    potentialVictims: pvs,
    duplicates,
    operations: [opTruth(ops.june), opTruth(ops.august)],
    rotations: rotationsOf(s, planted.networks, campaign.removedOn),
    riskFactorCombination: [...risk.combination].sort(),
    totals: {
      premisesOfInterest: planted.parlours.length + legit.length,
      premisesVisited: new Set(campaign.visits.map((v) => v.premisesId)).size,
      peopleWithRiskFactorCombination: risk.combination.length,
      potentialVictims: pvs.length,
      safeguarded: pvs.filter((p) => p.safeguarded).length,
      referralsByKind: countBy(pvs.flatMap((p) => p.referralIds), referralKind),
      offencesByCategory: countBy(offences.recorded, (o) => o.category),
    },
    noise: s.noise,
  };
  return { data: b.dataset(), truth };
}
