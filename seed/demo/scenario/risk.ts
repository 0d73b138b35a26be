/**
 * The risk register: controllers, drivers and over 80 other people with combinations of risk
 * factors recorded by several systems (crime, intelligence, the violence reduction unit,
 * safeguarding), their homes, phones and associations, and the historic offences behind them.
 */
import { TOWNS } from '../places.ts';
import type { SourceCode } from '../sources.ts';
import type { Planted } from './networks.ts';
import type { Offences } from './offences.ts';
import type { Scene } from './scene.ts';

export const RISK_SOURCE: Record<string, SourceCode> = { ORGANISED_CRIME: 'INTEL', DRUGS: 'TVCR', VIOLENCE: 'TVCR', WEAPONS: 'TVCR', MULTI_AGENCY_PLAN: 'VRU', EXPLOITATION: 'SAFE', MISSING_EPISODES: 'VRU' };
export const RISK_TEXT: Record<string, string> = {
  ORGANISED_CRIME: 'Linked to an organised crime group',
  DRUGS: 'Previous involvement in drug supply',
  VIOLENCE: 'Previous violence against the person',
  WEAPONS: 'Previous possession of a bladed article',
  MULTI_AGENCY_PLAN: 'Subject to a multi-agency management plan',
  EXPLOITATION: 'Known to be at risk of exploitation',
  MISSING_EPISODES: 'Repeat missing episodes',
};

export interface RiskRegister {
  /** People with two or more distinct kinds of risk factor. */
  combination: string[];
  /** Of those, the ones outside the planted networks. */
  outsideNetworks: string[];
  /** Their homes (some shared). */
  homes: string[];
}

export function addRiskRegister(s: Scene, planted: Planted, offences: Offences): RiskRegister {
  const { rng, b } = s;
  const riskPeople: string[] = [];
  const riskFactor = (p: string, kind: string) => {
    const recordedOn = s.randomDate('2023-06-01', '2025-06-15');
    const src = b.record(RISK_SOURCE[kind]!, recordedOn, RISK_TEXT[kind]!);
    const rf = b.entity('RISK_FACTOR', { kind, recordedOn, description: RISK_TEXT[kind] }, src);
    b.link('HAS_RISK_FACTOR', p, rf, src, { validFrom: recordedOn });
    b.cite(p, src);
  };
  const vruRecord = () => b.record('VRU', s.randomDate('2025-06-02', '2025-06-20'), 'Risk profile reviewed ahead of the week of action');
  for (const p of [...planted.controllers, ...planted.drivers]) {
    const kinds = ['ORGANISED_CRIME', rng.pick(['VIOLENCE', 'DRUGS', 'WEAPONS'])];
    if (rng.chance(0.4)) kinds.push('MULTI_AGENCY_PLAN');
    for (const kind of kinds) riskFactor(p, kind);
    b.cite(p, vruRecord());
    b.get(p).props.riskScore = kinds.length * 0.25;
    riskPeople.push(p);
  }
  const COMBOS = [
    ['DRUGS', 'VIOLENCE'],
    ['ORGANISED_CRIME', 'DRUGS'],
    ['DRUGS', 'WEAPONS'],
    ['VIOLENCE', 'MULTI_AGENCY_PLAN'],
    ['ORGANISED_CRIME', 'DRUGS', 'WEAPONS'],
    ['DRUGS', 'MULTI_AGENCY_PLAN'],
    ['EXPLOITATION', 'MISSING_EPISODES'],
    ['ORGANISED_CRIME', 'VIOLENCE', 'MULTI_AGENCY_PLAN'],
  ];
  const combination = 84 - riskPeople.length;
  const homes: string[] = [];
  const riskPhones: string[] = [];
  for (let i = 0; i < combination + 26; i++) {
    const vru = vruRecord();
    const young = i % 8 === 6;
    const p = s.person(rng.pick(['GBR', 'GBR', 'GBR', 'GBR', 'ALB', 'POL', 'ROU', 'NGA']), young || rng.chance(0.85) ? 'M' : 'F', young ? [2006, 2009] : [1978, 2005], vru);
    const kinds = i < combination ? COMBOS[i % COMBOS.length]! : [rng.pick(['DRUGS', 'VIOLENCE', 'WEAPONS'])];
    for (const kind of kinds) riskFactor(p, kind);
    b.get(p).props.riskScore = Math.round(kinds.length * 0.25 * 100) / 100;
    if (i < combination) riskPeople.push(p);
    const home = homes.length > 10 && rng.chance(0.3) ? rng.pick(homes) : s.premises(rng.pick(['RESIDENTIAL', 'RESIDENTIAL', 'HMO']), rng.pick(TOWNS), vru, { name: null, unit: rng.chance(0.3) ? `Flat ${rng.int(1, 30)}` : undefined });
    homes.push(home);
    b.link('LIVES_AT', p, home, vru, { validFrom: s.randomDate('2019-01-01', '2024-12-31') });
    if (rng.chance(0.7)) {
      const ph = s.phone(vru);
      riskPhones.push(ph);
      b.link('USES_PHONE', p, ph, vru);
    }
    if (riskPeople.length > 12 && rng.chance(0.35)) {
      b.link('ASSOCIATE_OF', p, rng.pick(riskPeople.slice(11)), b.record('INTEL', s.randomDate('2024-06-01', '2025-06-01'), 'Subjects seen together'), { role: rng.pick(['ASSOCIATE', 'ASSOCIATE', 'FAMILY']) });
    }
  }
  for (let i = 0; i < 30; i++) {
    const [a, c] = rng.sample(riskPhones, 2);
    s.called(a!, c!, rng.int(2, 90), s.randomDate('2025-04-01', '2025-06-30'), s.randomDate('2025-07-01', '2025-09-14'), s.commsRecord());
  }
  const riskOnly = riskPeople.filter((p) => !planted.controllers.includes(p) && !planted.drivers.includes(p));
  // Historic offences behind the risk factors.
  for (const p of rng.sample(riskOnly, 34)) {
    const cat = rng.pick(['DRUG_SUPPLY', 'VIOLENCE', 'WEAPONS', 'DRUG_SUPPLY']);
    offences.record(cat, s.randomDate('2022-01-01', '2025-03-31'), rng.pick(['CONVICTED', 'CONVICTED', 'NFA', 'CHARGED']), rng.chance(0.5) ? null : rng.pick(homes), [{ id: p, role: 'SUSPECT' }]);
  }
  return { combination: riskPeople, outsideNetworks: riskOnly, homes };
}
