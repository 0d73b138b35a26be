/**
 * People on the risk register fill a cell to its number of people: risk factors (combinations for
 * three in seven), homes, phones calling each other, associates, historic offences, occupants
 * met on visits; and, in a full cell, one of them recorded twice with the name order swapped.
 */
import type { Town } from '../../demo/places.ts';
import type { ScaleTruth } from '../generate.ts';
import type { Cell } from './cell.ts';
import { CORE_REGISTRY } from '../../../server/model/registry/registry.ts';

/** A risk factor's kinds, in the registry's order (the order the seeded draw depends on). */
const RISK_FACTOR_KINDS = CORE_REGISTRY.entity('RISK_FACTOR')!.properties.find((p) => p.name === 'kind')!.values!;

export function riskRegister(
  c: Cell,
  towns: Town[],
  people: number,
  full: boolean,
  truth: ScaleTruth,
): void {
  const rng = c.rng;
  const homes: string[] = [];
  const register: string[] = [];
  const registerPhones: string[] = [];
  const remaining = people - c.people.length - (full ? 1 : 0);
  for (let i = 0; i < remaining; i++) {
    const vru = c.record('VRU', c.date('2025-06-02', '2025-06-20'), 'Risk profile reviewed');
    const combination = i % 7 < 3;
    const p = c.person(
      rng.pick(['GBR', 'GBR', 'GBR', 'POL', 'ALB', 'NGA', 'ROU']),
      rng.chance(0.75) ? 'M' : 'F',
      [1975, 2006],
      vru,
      combination ? { riskScore: 0.75 } : {},
    );
    register.push(p);
    const kinds = combination
      ? rng.sample(
          [...RISK_FACTOR_KINDS],
          rng.int(2, 3),
        )
      : [rng.pick(['DRUGS', 'VIOLENCE', 'MISSING_EPISODES'])];
    for (const k of kinds) c.riskFactor(p, k);
    if (homes.length === 0 || rng.chance(0.9))
      homes.push(c.premises(rng.chance(0.8) ? 'RESIDENTIAL' : 'HMO', rng.pick(towns), vru));
    c.link('LIVES_AT', p, homes[homes.length - 1]!, vru, {
      validFrom: c.date('2019-01-01', '2024-12-31'),
    });
    c.cite(
      p,
      c.record(
        'INTEL',
        c.date('2024-01-01', '2025-06-30'),
        'Subject mentioned in intelligence report',
      ),
    );
    if (rng.chance(0.85)) {
      const ph = c.phone(vru);
      c.link('USES_PHONE', p, ph, vru);
      if (registerPhones.length > 0 && rng.chance(0.6))
        c.called(ph, rng.pick(registerPhones), c.comms());
      registerPhones.push(ph);
    }
    if (i > 0 && rng.chance(0.4))
      c.link(
        'ASSOCIATE_OF',
        p,
        rng.pick(register.slice(0, -1)),
        c.record('INTEL', c.date('2024-06-01', '2025-06-01'), 'Subjects seen together'),
        { role: rng.pick(['ASSOCIATE', 'FAMILY']) },
      );
    if (i % 3 === 0) {
      const category = rng.pick(['DRUG_SUPPLY', 'VIOLENCE', 'WEAPONS']);
      c.offence(
        category,
        c.date('2023-01-01', '2025-06-30'),
        rng.pick(['CONVICTED', 'NFA', 'CHARGED']),
        rng.chance(0.5) ? homes[homes.length - 1]! : null,
        [{ id: p, role: 'SUSPECT' }],
      );
    }
    if (full && i < 3) {
      const v = c.visit(homes[homes.length - 1]!, '2025-08-25', 'NO_CONCERNS');
      c.link('ENCOUNTERED', v.id, p, v.record, { role: 'OCCUPANT', validFrom: '2025-08-25' });
    }
  }
  // One person recorded twice, by two systems, with the name order swapped.
  if (full) {
    const original = register[0]!;
    const o = c.props(original);
    const src = c.record(
      'TVCR',
      c.date('2024-01-01', '2025-05-31'),
      'Person recorded with name order swapped',
    );
    const dup = c.entity(
      'PERSON',
      { ...o, givenName: o.familyName, familyName: o.givenName, riskScore: null },
      src,
    );
    c.people.push(dup);
    c.link('LIVES_AT', dup, homes[0]!, src);
    truth.duplicates.push({
      personIds: [original, dup],
      differences: 'given and family names swapped',
    });
  }
}
