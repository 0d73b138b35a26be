import { describe, expect, it } from 'vitest';
import { LINK_TYPES, type EntityType } from '../../server/model/model.ts';
import { parsePhone } from '../../server/model/normalise.ts';
import { prepare } from '../../server/modules/load/load.service.ts';
import { generateDemo } from './generate.ts';
import { SOURCE_SYSTEMS } from './sources.ts';

const demo = generateDemo();
const { data, truth } = demo;
const byId = new Map(data.entities.map((e) => [e.id, e]));
const ofType = (t: EntityType) => data.entities.filter((e) => e.type === t);
const linksOf = (t: keyof typeof LINK_TYPES) => data.links.filter((l) => l.type === t);

/** Ofcom's drama ranges: 07700 900000-900999, 0118 496 0000-0999, 01632 960000-960999. */
const DRAMA = /^\+44(7700900\d{3}|1184960\d{3}|1632960\d{3})$/;

describe('the demo scenario', () => {
  it('comes out the same on every run', () => {
    expect(JSON.stringify(generateDemo())).toBe(JSON.stringify(demo));
  });

  it('comes out differently with another seed', () => {
    expect(JSON.stringify(generateDemo(7).data.entities.slice(0, 20))).not.toBe(JSON.stringify(data.entities.slice(0, 20)));
  });

  it('passes the loader’s checks: every entity shapes and every row cites known sources', () => {
    const prepared = prepare(data, { synthetic: true });
    const rows = [...prepared.entities.values()].flat();
    expect(rows).toHaveLength(data.entities.length);
    expect(rows.every((r) => r.props.synthetic === true)).toBe(true);
  });

  it('uses only phone numbers from Ofcom’s drama ranges', () => {
    const phones = ofType('PHONE');
    expect(phones.length).toBeGreaterThan(100);
    for (const p of phones) expect(parsePhone(String(p.props.number))?.e164).toMatch(DRAMA);
    // No phone-like text anywhere else in the data (titles, summaries, addresses).
    const text = JSON.stringify([data.sources, data.entities.filter((e) => e.type !== 'PHONE')]);
    const found = text.match(/\b0\d{3,4} ?\d{3} ?\d{3,4}\b/g) ?? [];
    expect(found).toEqual([]);
  });

  it('uses postcodes that cannot exist and vehicle marks no GB plate has', () => {
    for (const p of ofType('PREMISES')) expect(String(p.props.postcode)).toMatch(/^[A-Z]{1,2}\d{1,2} \d[CIKMOV]{2}$/);
    for (const v of ofType('VEHICLE')) expect(String(v.props.vrm)).toMatch(/^Z[A-HJ-PR-Y]\d{2}[A-HJ-PR-Y]{3}$/);
    for (const o of ofType('ORGANISATION').filter((x) => x.props.companyNumber)) expect(String(o.props.companyNumber)).toMatch(/^ZD\d{6}$/);
    for (const e of ofType('EMAIL')) expect(String(e.props.address)).toMatch(/@example\.(net|org)$/);
  });

  it('is at the scale of the press releases', () => {
    const [june, august] = truth.operations;
    expect(august!.premisesVisited).toBe(57);
    expect(august!.peopleEncountered).toBeGreaterThan(50);
    expect(august!.potentialVictimsIdentified).toBe(5);
    expect(august!.safeguarded).toBe(5);
    expect(june!.potentialVictimsIdentified).toBeGreaterThanOrEqual(15);
    expect(june!.potentialVictimsIdentified).toBeLessThanOrEqual(25);
    expect(truth.totals.premisesOfInterest).toBe(60);
    expect(truth.networks.length).toBeGreaterThanOrEqual(3);
    expect(truth.networks.length).toBeLessThanOrEqual(5);
    expect(Object.keys(truth.totals.offencesByCategory)).toEqual(expect.arrayContaining(['DRUG_SUPPLY', 'IMMIGRATION', 'TRAFFICKING', 'CONTROLLING_PROSTITUTION']));
    expect(truth.totals.referralsByKind.NRM).toBeGreaterThan(0);
    expect(truth.totals.referralsByKind.VICTIMS_FIRST).toBeGreaterThan(0);
  });

  it('has more than 80 people with a combination of risk factors, from several source systems', () => {
    const kinds = new Map<string, Set<string>>();
    for (const l of linksOf('HAS_RISK_FACTOR')) {
      const set = kinds.get(l.from) ?? new Set();
      set.add(String(byId.get(l.to)!.props.kind));
      kinds.set(l.from, set);
    }
    const combos = [...kinds.values()].filter((s) => s.size >= 2).length;
    expect(combos).toBeGreaterThan(80);
    expect(combos).toBe(truth.totals.peopleWithRiskFactorCombination);
    const systems = new Set(linksOf('HAS_RISK_FACTOR').flatMap((l) => l.sourceIds.map((s) => s.split('-')[1])));
    expect(systems.size).toBeGreaterThanOrEqual(3);
  });

  it('joins every link to entities of the types its link type allows, with allowed roles', () => {
    const ids = new Set<string>();
    for (const l of data.links) {
      const spec = LINK_TYPES[l.type] as { from: readonly string[]; to: readonly string[]; roles?: readonly string[] };
      expect(spec.from, `${l.id} from`).toContain(byId.get(l.from)?.type);
      expect(spec.to, `${l.id} to`).toContain(byId.get(l.to)?.type);
      if (l.role !== undefined) expect(spec.roles, l.id).toContain(l.role);
      expect(ids.has(l.id), `duplicate ${l.id}`).toBe(false);
      ids.add(l.id);
    }
    for (const t of ['OPERATES', 'ENCOUNTERED', 'INVOLVED_IN'] as const) expect(linksOf(t).every((l) => l.role), t).toBe(true);
  });

  it('draws its grading from several source systems, some with handling conditions and some sensitive', () => {
    const used = new Set(data.sources.map((s) => s.source));
    expect([...used].sort()).toEqual(Object.keys(SOURCE_SYSTEMS).sort());
    expect(data.sources.some((s) => s.handlingCode === 'C' && s.handlingConditions)).toBe(true);
    expect(data.sources.some((s) => s.classification === 'OFFICIAL-SENSITIVE')).toBe(true);
    const intel = data.sources.filter((s) => s.source === 'INTEL');
    expect(new Set(intel.map((s) => `${s.sourceEvaluation}${s.intelligenceAssessment}`)).size).toBeGreaterThan(1);
  });

  it('rotates workers between premises with dated stays', () => {
    for (const n of truth.networks) {
      const rotating = n.workerIds.filter((w) => new Set(linksOf('WORKS_AT').filter((l) => l.from === w).map((l) => l.to)).size >= 2);
      expect(rotating.length, n.id).toBeGreaterThan(n.workerIds.length / 2);
    }
    for (const l of [...linksOf('WORKS_AT'), ...linksOf('LIVES_AT')]) {
      expect(l.validFrom, l.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (l.validTo) expect(l.validTo >= l.validFrom!, l.id).toBe(true);
    }
  });

  it('names every rotating worker in the truth, with the WORKS_AT stays as written', () => {
    const rotating = truth.networks.flatMap((n) => n.workerIds.filter((w) => new Set(linksOf('WORKS_AT').filter((l) => l.from === w).map((l) => l.to)).size >= 2));
    expect(truth.rotations.map((r) => r.personId).sort()).toEqual(rotating.sort());
    for (const r of truth.rotations) {
      const written = linksOf('WORKS_AT').filter((l) => l.from === r.personId).map((l) => `${l.to}|${l.validFrom}|${l.validTo}`).sort();
      expect(r.stays.map((s) => `${s.premisesId}|${s.from}|${s.to}`).sort(), r.personId).toEqual(written);
      expect(new Set(r.premisesIds)).toEqual(new Set(r.stays.map((s) => s.premisesId)));
    }
  });

  it('ties each planted network together by shared phones, a controller and a vehicle', () => {
    for (const n of truth.networks) {
      const parlours = n.premisesIds.filter((p) => byId.get(p)!.props.kind === 'MASSAGE_PARLOUR');
      const phoneOf = new Map(linksOf('PREMISES_PHONE').filter((l) => parlours.includes(l.from)).map((l) => [l.from, l.to]));
      const phones = [...phoneOf.values()];
      expect(new Set(phones).size, n.id).toBeLessThan(phones.length);
      const controlled = linksOf('OPERATES').filter((l) => l.role === 'CONTROLLER' && n.controllerIds.includes(l.from));
      expect(new Set(controlled.map((l) => l.to)).size, n.id).toBeGreaterThanOrEqual(3);
      expect(linksOf('VEHICLE_SEEN_AT').some((l) => n.vehicleIds.includes(l.from) && n.premisesIds.includes(l.to)), n.id).toBe(true);
      for (const p of n.premisesIds) expect(byId.get(p)?.type).toBe('PREMISES');
    }
  });

  it('has a ground truth consistent with the data', () => {
    for (const pv of truth.potentialVictims) {
      const p = byId.get(pv.personId)!;
      expect(p.props.potentialVictim).toBe(true);
      expect(p.props.safeguarded).toBe(pv.safeguarded);
      expect(linksOf('ENCOUNTERED').some((l) => l.from === pv.visitId && l.to === pv.personId && l.role === 'POTENTIAL_VICTIM')).toBe(true);
      expect(linksOf('INCLUDES_VISIT').some((l) => l.from === pv.operationId && l.to === pv.visitId)).toBe(true);
      const referrals = linksOf('REFERRAL_FOR').filter((l) => l.to === pv.personId).map((l) => l.from);
      expect(referrals.sort()).toEqual([...pv.referralIds].sort());
    }
    expect(ofType('PERSON').filter((p) => p.props.potentialVictim === true)).toHaveLength(truth.potentialVictims.length);
    for (const op of truth.operations) {
      const visits = linksOf('INCLUDES_VISIT').filter((l) => l.from === op.id).map((l) => l.to);
      expect(visits).toHaveLength(op.visits);
      expect(new Set(linksOf('VISIT_AT').filter((l) => visits.includes(l.from)).map((l) => l.to)).size).toBe(op.premisesVisited);
      expect(new Set(linksOf('ENCOUNTERED').filter((l) => visits.includes(l.from)).map((l) => l.to)).size).toBe(op.peopleEncountered);
    }
    const offences = ofType('OFFENCE');
    expect(Object.values(truth.totals.offencesByCategory).reduce((a, b) => a + b, 0)).toBe(offences.length);
  });

  it('plants duplicates: the same person recorded by two systems under spelling variants', () => {
    expect(truth.duplicates.length).toBeGreaterThanOrEqual(5);
    for (const d of truth.duplicates) {
      const [a, b] = d.personIds.map((id) => byId.get(id)!);
      expect(a!.type).toBe('PERSON');
      expect(b!.type).toBe('PERSON');
      expect(`${a!.props.givenName} ${a!.props.familyName}`).not.toBe(`${b!.props.givenName} ${b!.props.familyName}`);
      expect(a!.sourceIds.some((s) => b!.sourceIds.includes(s))).toBe(false);
      // Something besides the name links them: a phone or an address.
      const ends = (id: string) => new Set(data.links.filter((l) => l.from === id && (l.type === 'USES_PHONE' || l.type === 'LIVES_AT')).map((l) => l.to));
      expect([...ends(b!.id)].some((x) => ends(a!.id).has(x)), d.personIds.join()).toBe(true);
    }
  });
});
