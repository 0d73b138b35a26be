/**
 * A cell's noise: legitimate businesses with their own companies, staff, fixed lines and adverts
 * (one landlord shared with the network), and links that cross cells: a customer calling
 * booking phones of this network and the previous cell's, a taxi seen at parlours of both.
 */
import crypto from 'node:crypto';
import type { Town } from '../../demo/places.ts';
import type { ScaleTruth } from '../generate.ts';
import { AUG_DAYS, bookingPhoneOf, parlourOf, STREETS, type Cell } from './cell.ts';
import type { Planted } from './network.ts';

export function legitimateBusinesses(
  c: Cell,
  towns: Town[],
  parlours: string[],
  truth: ScaleTruth,
): void {
  const rng = c.rng;
  const landlordSrc = c.record(
    'COREG',
    c.date('2024-01-01', '2025-01-31'),
    'Company extract: property company',
  );
  const landlord = c.organisation(
    `${rng.pick(STREETS)} Property ${c.tag} Ltd`,
    'COMPANY',
    landlordSrc,
  );
  for (const p of rng.sample(parlours, 2))
    c.link('OPERATES', landlord, p, landlordSrc, { role: 'LANDLORD', validFrom: '2023-01-01' });
  for (const [i, kind] of [
    'MASSAGE_PARLOUR',
    'NAIL_BAR',
    'NAIL_BAR',
    'CAR_WASH',
    'BUSINESS',
    'MASSAGE_PARLOUR',
  ].entries()) {
    const lic = c.record('LICENSING', c.date('2024-06-01', '2025-03-31'), 'Premises licence');
    const t = towns[i % 2]!;
    const name = `${rng.pick(STREETS)} ${kind === 'NAIL_BAR' ? 'Nails' : kind === 'CAR_WASH' ? 'Hand Car Wash' : kind === 'BUSINESS' ? 'Convenience Store' : 'Therapies'} ${c.tag}-${i + 1}`;
    const p = c.premises(
      kind,
      t,
      lic,
      name,
      kind === 'MASSAGE_PARLOUR' ? 'LICENSED' : 'NOT_REQUIRED',
    );
    const coSrc = c.record('COREG', c.date('2015-01-01', '2025-01-31'), 'Company extract');
    const o = c.organisation(`${name} Ltd`, i === 4 ? 'SOLE_TRADER' : 'COMPANY', coSrc);
    const owner = c.person(
      rng.pick(['GBR', 'IND', 'POL', 'VNM']),
      rng.chance(0.5) ? 'F' : 'M',
      [1960, 1995],
      coSrc,
    );
    c.link('DIRECTOR_OF', owner, o, coSrc, { validFrom: c.date('2015-01-01', '2024-06-30') });
    c.link('OPERATES', o, p, coSrc, { role: 'OPERATOR', validFrom: '2024-01-01' });
    const ph = c.phone(lic);
    c.link('PREMISES_PHONE', p, ph, lic);
    c.link('USES_PHONE', o, ph, lic);
    c.link('WORKS_AT', owner, p, coSrc, { validFrom: '2024-01-01' });
    if (i === 0) {
      const e = c.email('info', 'example.org', coSrc);
      c.link('USES_EMAIL', o, e, coSrc);
      c.link('HOLDS_ACCOUNT', o, c.account(coSrc), coSrc);
    }
    // Staff come from their own record, as in the demo: the premises licence names the
    // premises, not who works there.
    const staffSrc = c.record(
      'LICENSING',
      c.date('2025-01-01', '2025-05-31'),
      'Staff listed on licence application',
    );
    const staff = c.person(
      rng.pick(['GBR', 'POL', 'VNM', 'BRA', 'ROU']),
      rng.chance(0.6) ? 'F' : 'M',
      [1980, 2004],
      staffSrc,
    );
    c.link('WORKS_AT', staff, p, staffSrc, { validFrom: c.date('2024-06-01', '2025-03-31') });
    if (i < 2)
      c.link('OPERATES', landlord, p, landlordSrc, { role: 'LANDLORD', validFrom: '2022-01-01' });
    if (kind === 'MASSAGE_PARLOUR') {
      const postedOn = c.date('2024-09-01', '2025-06-30');
      const src = c.record('ADMON', postedOn, 'Advert captured');
      const ad = c.entity(
        'ADVERT',
        {
          site: 'localservices-directory.example',
          title: `${name}: therapeutic massage`,
          postedOn,
          contentHash: crypto
            .createHash('sha256')
            .update(`scale-legit|${c.tag}|${i}`)
            .digest('hex'),
          obscuredNumber: false,
        },
        src,
      );
      c.link('ADVERT_LISTS_PHONE', ad, ph, src);
      c.link('ADVERT_LOCATED_AT', ad, p, src);
    }
    const v = c.visit(p, rng.pick(AUG_DAYS), i === 3 ? 'ARRESTS' : 'NO_CONCERNS');
    c.link('ENCOUNTERED', v.id, owner, v.record, { role: 'MANAGER', validFrom: v.date });
    c.link('ENCOUNTERED', v.id, staff, v.record, { role: 'WORKER', validFrom: v.date });
    if (i === 3)
      c.offence('IMMIGRATION', v.date, 'CHARGED', p, [
        { id: owner, role: 'SUSPECT' },
        { id: staff, role: 'VICTIM' },
      ]);
  }
  truth.noise.push({
    description:
      'A property company that is landlord to network parlours and to legitimate businesses',
    ids: [landlord],
  });
}

export function crossCellNoise(c: Cell, { parlours, booking }: Planted, truth: ScaleTruth): void {
  const cell = c.cell;
  // Cross-cell noise: a customer calling booking phones of this network and the previous one;
  // a taxi seen at parlours of both.
  const custSrc = c.comms();
  let customer = '';
  let custPhone = '';
  for (let k = 0; k < 3; k++) {
    customer = c.person('GBR', 'M', [1960, 2000], custSrc);
    custPhone = c.phone(custSrc);
    c.link('USES_PHONE', customer, custPhone, custSrc);
    c.called(custPhone, booking[k % 2]!, custSrc);
    c.called(custPhone, booking[(k + 1) % 2]!, custSrc);
  }
  const taxiSrc = c.record(
    'ANPR',
    c.date('2025-04-01', '2025-08-31'),
    'Vehicle sighted near premises',
  );
  const taxi = c.vehicle('Skoda', 'Octavia', 'Silver', taxiSrc);
  c.link('VEHICLE_SEEN_AT', taxi, parlours[2]!, taxiSrc, { weight: 1 });
  if (cell > 0) {
    c.called(custPhone, bookingPhoneOf(cell - 1), custSrc);
    c.link('VEHICLE_SEEN_AT', taxi, parlourOf(cell - 1), taxiSrc, { weight: 1 });
    truth.noise.push({
      description:
        'A customer calling booking phones of two networks; a taxi seen at parlours of two networks',
      ids: [customer, custPhone, taxi, bookingPhoneOf(cell - 1), parlourOf(cell - 1)],
    });
  }
}
