/**
 * Premises of interest outside the networks (legitimate parlours, nail bars, car washes and
 * other businesses, each with its company, owner and staff), and the coincidental links that
 * make the picture realistic: customers' phones, a taxi, a recycled advert number.
 */
import { PARLOUR_FIRST, TOWNS } from '../places.ts';
import { hash, type Scene } from './scene.ts';
import { NETWORKS, type Planted, type SharedNoise } from './networks.ts';

const PREMISES_OF_INTEREST = 60;

/** A business outside the networks: its premises, kind, staff (the owner first) and organisation. */
export interface Business {
  id: string;
  kind: string;
  staff: string[];
  org: string;
}

export function addOtherPremises(s: Scene, shared: SharedNoise, planted: Planted): Business[] {
  const { rng, b } = s;
  const { landlord, landlordRecord } = shared;
  const legit: Business[] = [];
  const otherTowns = TOWNS;
  const legitKinds: string[] = [
    ...Array<string>(PREMISES_OF_INTEREST - planted.parlours.length - 11).fill('MASSAGE_PARLOUR'),
    ...Array<string>(6).fill('NAIL_BAR'),
    ...Array<string>(3).fill('CAR_WASH'),
    ...Array<string>(2).fill('BUSINESS'),
  ];
  for (const kind of legitKinds) {
    const t = rng.pick(otherTowns);
    const name =
      kind === 'MASSAGE_PARLOUR'
        ? s.parlourName()
        : kind === 'NAIL_BAR'
          ? s.uniqueName(() => `${rng.pick(PARLOUR_FIRST)} ${rng.pick(['Nails', 'Nail Lounge', 'Nail Studio'])}`)
          : kind === 'CAR_WASH'
            ? s.uniqueName(() => `${s.places.streetWord()} Hand Car Wash`)
            : s.uniqueName(() => `${s.places.streetWord()} ${rng.pick(['Beauty Rooms', 'Barbers', 'Tanning Studio'])}`);
    const licSrc = b.record('LICENSING', s.randomDate('2024-06-01', '2025-03-31'), 'Premises licence record');
    const p = s.premises(kind, t, licSrc, { name, licenceStatus: kind === 'MASSAGE_PARLOUR' || kind === 'NAIL_BAR' ? rng.pick(['LICENSED', 'LICENSED', 'LICENSED', 'EXPIRED']) : 'NOT_REQUIRED' });
    const co = b.record('COREG', s.randomDate('2025-01-15', '2025-03-15'), 'Company extract');
    const sole = rng.chance(0.4);
    const org = s.organisation(sole ? `${name}` : `${name} Ltd`, sole ? 'SOLE_TRADER' : 'COMPANY', co);
    const ownerNat = rng.pick(['GBR', 'GBR', 'CHN', 'VNM', 'THA', 'POL', 'IND', 'ROU']);
    const owner = s.person(ownerNat, rng.chance(0.5) ? 'F' : 'M', [1962, 1992], co);
    b.link('DIRECTOR_OF', owner, org, co, { validFrom: s.randomDate('2015-01-01', '2024-06-30') });
    b.link('OPERATES', org, p, co, { role: sole ? 'OWNER' : 'OPERATOR', validFrom: '2024-01-01' });
    const ph = s.phone(licSrc, true);
    b.link('PREMISES_PHONE', p, ph, licSrc);
    b.link('USES_PHONE', org, ph, licSrc);
    if (rng.chance(0.15)) b.link('OPERATES', landlord, p, landlordRecord, { role: 'LANDLORD', validFrom: '2022-01-01' });
    const staff = [owner];
    b.link('WORKS_AT', owner, p, co, { validFrom: '2024-01-01' });
    const more = kind === 'CAR_WASH' ? 2 : rng.chance(0.3) ? 1 : 0;
    for (let n = 0; n < more; n++) {
      const src = b.record('LICENSING', s.randomDate('2025-01-01', '2025-05-31'), 'Staff listed on licence application');
      const st = s.person(kind === 'CAR_WASH' ? rng.pick(['ALB', 'VNM', 'ROU']) : ownerNat, kind === 'CAR_WASH' ? 'M' : 'F', [1985, 2003], src);
      b.link('WORKS_AT', st, p, src, { validFrom: s.randomDate('2024-06-01', '2025-03-31') });
      staff.push(st);
    }
    if (kind === 'MASSAGE_PARLOUR' && rng.chance(0.4)) {
      const postedOn = s.randomDate('2025-04-01', '2025-09-01');
      const src = b.record('ADMON', postedOn, 'Advert captured');
      const ad = b.entity('ADVERT', { site: 'localservices-directory.example', title: `${name}: therapeutic massage, ${t.name}`, postedOn, contentHash: hash(`${name}|${postedOn}`), obscuredNumber: false }, src);
      b.link('ADVERT_LISTS_PHONE', ad, ph, src);
      b.link('ADVERT_LOCATED_AT', ad, p, src);
    }
    legit.push({ id: p, kind, staff, org });
  }
  return legit;
}

/** A customer phone calling booking numbers of two networks; a taxi seen at parlours; a legitimate parlour advertised through a number a network used before. */
export function addCoincidences(s: Scene, shared: SharedNoise, planted: Planted, legit: Business[]): void {
  const { rng, b } = s;
  const { hireFirm } = shared;
  const allBooking = planted.networks.flatMap((n, k) => n.phoneIds.slice(0, NETWORKS[k]!.bookingPhones));
  for (let c = 0; c < 14; c++) {
    const src = b.record('COMMS', '2025-09-15T11:00:00Z', 'Billing return: other parties');
    const cust = s.phone(src);
    for (const ph of rng.sample(allBooking, c < 3 ? 2 : 1)) s.called(cust, ph, rng.int(1, 6), s.randomDate('2025-04-01', '2025-06-30'), s.randomDate('2025-07-01', '2025-09-14'), src);
    if (c < 3) s.noise.push({ description: 'A customer’s phone that called booking numbers of two different networks', ids: [cust] });
  }
  {
    const src = b.record('ANPR', '2025-05-12', 'Vehicle check');
    const taxiFirm = s.organisation(s.uniqueName(() => `${s.places.streetWord()} Cars Ltd`), 'COMPANY', b.record('COREG', '2025-02-10', 'Company extract'));
    const taxi = b.entity('VEHICLE', { vrm: s.vehicleRegistration(), make: 'Skoda', model: 'Octavia', colour: 'Silver' }, src);
    b.link('KEEPER_OF', taxiFirm, taxi, src, { validFrom: '2023-03-01' });
    for (const p of rng.sample(planted.parlours, 3)) {
      const d = s.randomDate('2025-04-15', '2025-09-01');
      b.link('VEHICLE_SEEN_AT', taxi, p, b.record('ANPR', d, 'Vehicle sighted near premises'), { validFrom: d, validTo: d, weight: 1 });
    }
    s.noise.push({ description: 'A licensed taxi seen once each at parlours of different networks', ids: [taxi, taxiFirm] });
    const hireVan = b.entity('VEHICLE', { vrm: s.vehicleRegistration(), make: 'Ford', model: 'Transit', colour: 'White' }, src);
    b.link('KEEPER_OF', hireFirm, hireVan, src, { validFrom: '2024-02-01' });
    const legitParlour = legit.find((l) => l.kind === 'MASSAGE_PARLOUR')!;
    const legitPhone = b.links.find((l) => l.type === 'PREMISES_PHONE' && l.from === legitParlour.id)!.to;
    const recycled = planted.networks[1]!.phoneIds[0]!;
    const postedOn = '2025-03-02';
    const adSrc = b.record('ADMON', postedOn, 'Advert captured');
    const ad = b.entity('ADVERT', { site: 'localservices-directory.example', title: `${b.get(legitParlour.id).props.name as string}: grand opening offer`, postedOn, contentHash: hash(`recycled|${postedOn}`), obscuredNumber: false }, adSrc);
    b.link('ADVERT_LISTS_PHONE', ad, recycled, adSrc, { validFrom: postedOn, validTo: '2025-03-20' });
    b.link('ADVERT_LISTS_PHONE', ad, legitPhone, adSrc);
    b.link('ADVERT_LOCATED_AT', ad, legitParlour.id, adSrc);
    s.noise.push({ description: 'A legitimate parlour’s old advert listing a number later used as a network booking phone (recycled number)', ids: [ad, legitParlour.id] });
  }
}
