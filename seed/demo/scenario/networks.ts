/**
 * The four planted networks: parlours tied by booking phones, adverts, controllers, drivers and
 * vehicles, companies with nominee directors, and workers rotating between the parlours and
 * living in the network's houses in multiple occupation.
 */
import { PARLOUR_FIRST, PARLOUR_SECOND, town, type Town } from '../places.ts';
import { day, hash, WINDOW_END, WINDOW_START, type Scene } from './scene.ts';
import { emptyNetwork, type NetworkTruth } from './truth.ts';

interface NetworkSpec {
  name: string;
  towns: string[];
  parlours: number;
  workers: number;
  controllers: number;
  drivers: number;
  workerNats: string[];
  controllerNat: string;
  bookingPhones: number;
}

export const NETWORKS: NetworkSpec[] = [
  { name: 'Reading–Bracknell parlours', towns: ['Reading', 'Bracknell', 'Wokingham'], parlours: 7, workers: 12, controllers: 2, drivers: 1, workerNats: ['ROU'], controllerNat: 'ROU', bookingPhones: 3 },
  { name: 'Oxford–Banbury parlours', towns: ['Oxford', 'Banbury', 'Bicester', 'Abingdon'], parlours: 6, workers: 10, controllers: 1, drivers: 1, workerNats: ['CHN'], controllerNat: 'CHN', bookingPhones: 2 },
  { name: 'Milton Keynes–Aylesbury parlours', towns: ['Milton Keynes', 'Aylesbury'], parlours: 5, workers: 9, controllers: 1, drivers: 2, workerNats: ['THA', 'VNM'], controllerNat: 'GBR', bookingPhones: 2 },
  { name: 'Wycombe–Slough–Maidenhead parlours', towns: ['High Wycombe', 'Slough', 'Maidenhead', 'Windsor'], parlours: 5, workers: 9, controllers: 2, drivers: 1, workerNats: ['BRA', 'ROU'], controllerNat: 'ALB', bookingPhones: 2 },
];

/** Organisations outside the networks that several of them use. */
export interface SharedNoise {
  landlord: string;
  landlordRecord: string;
  hireFirm: string;
}

export interface Planted {
  networks: NetworkTruth[];
  /** Each worker's network, and whether the worker is a child. */
  workerMeta: Map<string, { network: number; child: boolean }>;
  parlours: string[];
  controllers: string[];
  drivers: string[];
}

/** A landlord and a vehicle hire firm that touch several networks and legitimate businesses. */
export function addSharedNoise(s: Scene): SharedNoise {
  const { b } = s;
  const landlordRecord = b.record('COREG', '2025-03-03', 'Company extract: property company');
  const landlord = s.organisation(s.uniqueName(() => `${s.places.streetWord()} Property Holdings Ltd`), 'COMPANY', landlordRecord);
  const landlordDirector = s.person('GBR', 'M', [1958, 1970], landlordRecord);
  b.link('DIRECTOR_OF', landlordDirector, landlord, landlordRecord, { validFrom: '2011-05-01' });
  const hireRecord = b.record('COREG', '2025-03-03', 'Company extract: vehicle hire company');
  const hireFirm = s.organisation(s.uniqueName(() => `${s.places.streetWord()} Vehicle Hire Ltd`), 'COMPANY', hireRecord);
  s.noise.push({ description: 'A property company that is landlord to premises in several networks and to legitimate businesses', ids: [landlord] });
  s.noise.push({ description: 'A vehicle hire firm registered as keeper of vehicles used by several networks and by the public', ids: [hireFirm] });
  return { landlord, landlordRecord, hireFirm };
}

export function plantNetworks(s: Scene, shared: SharedNoise): Planted {
  const planted: Planted = { networks: [], workerMeta: new Map(), parlours: [], controllers: [], drivers: [] };
  NETWORKS.forEach((spec, k) => plantNetwork(s, shared, planted, spec, k));
  return planted;
}

/** One network being planted: its spec and truth record, towns, premises and booking phones. */
interface NetworkBase {
  spec: NetworkSpec;
  k: number;
  net: NetworkTruth;
  towns: Town[];
  parlours: string[];
  hmos: string[];
  shortLet: string;
  booking: string[];
}

/** ... and, once its controllers are planted, the one in charge and that controller's own phone. */
interface NetworkBuild extends NetworkBase {
  boss: string;
  bossPhone: string;
}

function plantNetwork(s: Scene, shared: SharedNoise, planted: Planted, spec: NetworkSpec, k: number): void {
  const net = emptyNetwork(`network-${k + 1}`, spec.name, spec.towns);
  planted.networks.push(net);
  const towns = spec.towns.map(town);
  const { parlours, hmos, shortLet } = addPremises(s, shared, planted, spec, net, towns);
  const booking = addBookingPhones(s, spec, net, parlours);
  const base: NetworkBase = { spec, k, net, towns, parlours, hmos, shortLet, booking };
  addControllers(s, base, planted);
  const n: NetworkBuild = { ...base, boss: net.controllerIds[0]!, bossPhone: net.phoneIds[spec.bookingPhones]! };
  addCompanies(s, n);
  addDrivers(s, n, shared, planted);
  addWorkers(s, n, planted);
  addAdverts(s, n);
}

/** Parlours (some licensed, some not; licensing records or intelligence), houses in multiple occupation for the workers, and a short-let flat. */
function addPremises(s: Scene, shared: SharedNoise, planted: Planted, spec: NetworkSpec, net: NetworkTruth, towns: Town[]): { parlours: string[]; hmos: string[]; shortLet: string } {
  const { rng, b } = s;
  const { landlord, landlordRecord } = shared;
  const parlours: string[] = [];
  for (let i = 0; i < spec.parlours; i++) {
    const t = towns[i % towns.length]!;
    const licence = rng.pick(['LICENSED', 'UNLICENSED', 'EXPIRED', 'LICENSED']);
    const src = licence === 'UNLICENSED' ? b.record('INTEL', s.randomDate('2025-02-01', '2025-04-30'), 'Massage premises operating without a licence') : b.record('LICENSING', s.randomDate('2024-10-01', '2025-03-31'), 'Special treatment licence');
    const p = s.premises('MASSAGE_PARLOUR', t, src, { name: s.parlourName(), unit: rng.chance(0.5) ? `Unit ${rng.int(1, 9)}` : undefined, licenceStatus: licence });
    parlours.push(p);
    if (rng.chance(0.35)) b.link('OPERATES', landlord, p, landlordRecord, { role: 'LANDLORD', validFrom: '2023-01-01' });
  }
  planted.parlours.push(...parlours);
  const hmos: string[] = [];
  for (let i = 0; i < (spec.workers > 9 ? 2 : 1); i++) {
    hmos.push(s.premises('HMO', towns[i % towns.length]!, b.record('INTEL', s.randomDate('2025-03-01', '2025-05-31'), 'Address used to house workers'), { name: null }));
  }
  const shortLet = s.premises('SHORT_LET', rng.pick(towns), b.record('ADMON', s.randomDate('2025-05-01', '2025-07-31'), 'Advert location resolved to a short-let flat'), { name: null, unit: `Flat ${rng.int(1, 24)}` });
  net.premisesIds.push(...parlours, ...hmos, shortLet);
  return { parlours, hmos, shortLet };
}

/** Booking phones, each shared by several parlours. */
function addBookingPhones(s: Scene, spec: NetworkSpec, net: NetworkTruth, parlours: string[]): string[] {
  const { rng, b } = s;
  const booking = Array.from({ length: spec.bookingPhones }, () => s.phone(b.record('ADMON', s.randomDate('2025-04-01', '2025-04-30'), 'Number listed in adverts')));
  net.phoneIds.push(...booking);
  parlours.forEach((p, i) => {
    const ph = booking[i % booking.length]!;
    b.link('PREMISES_PHONE', p, ph, b.record(rng.chance(0.6) ? 'ADMON' : 'INTEL', s.randomDate('2025-04-01', '2025-05-31'), 'Number given for premises'), { validFrom: WINDOW_START });
  });
  return booking;
}

/** Controllers: run the parlours, live in their own homes, use personal and booking phones. */
function addControllers(s: Scene, n: NetworkBase, planted: Planted): void {
  const { rng, b } = s;
  const { spec, net, towns, parlours, booking } = n;
  for (let c = 0; c < spec.controllers; c++) {
    const intel = b.record('INTEL', s.randomDate('2025-01-10', '2025-04-20'), 'Subject believed to control sex workers across several premises');
    const ctl = s.person(spec.controllerNat, c === 1 && spec.controllers > 1 && rng.chance(0.5) ? 'F' : 'M', [1972, 1990], intel, { suspect: true, pncId: `${rng.int(10, 19)}/${rng.int(1000000, 9999999)}${rng.pick(['A', 'B', 'C', 'D', 'H', 'K'])}` });
    b.cite(ctl, b.record('TVCR', s.randomDate('2023-01-01', '2024-12-31'), 'Previous arrest: controlling prostitution for gain (NFA)'));
    net.controllerIds.push(ctl);
    planted.controllers.push(ctl);
    const home = s.premises('RESIDENTIAL', rng.pick(towns), intel, { name: null });
    b.link('LIVES_AT', ctl, home, intel, { validFrom: '2022-06-01' });
    const own = s.phone(intel);
    net.phoneIds.push(own);
    b.link('USES_PHONE', ctl, own, intel, { validFrom: '2024-11-01' });
    b.link('USES_PHONE', ctl, booking[c % booking.length]!, b.record('INTEL', s.randomDate('2025-05-01', '2025-07-31'), 'Subject answers the booking number'));
    const controlled = rng.sample(parlours, Math.max(3, parlours.length - c * 2));
    for (const p of controlled) b.link('OPERATES', ctl, p, b.record('INTEL', s.randomDate('2025-02-01', '2025-06-15'), 'Subject seen collecting cash from premises'), { role: 'CONTROLLER', validFrom: '2025-01-01' });
    const email = b.entity('EMAIL', { address: `${(b.get(ctl).props.givenName as string).toLowerCase().replace(/[^a-z]/g, '')}.${rng.int(10, 99)}@example.net` }, intel);
    b.link('USES_EMAIL', ctl, email, intel);
    const acct = s.account(b.record('INTEL', s.randomDate('2025-03-01', '2025-07-31'), 'Financial intelligence: account receiving cash deposits'));
    b.link('HOLDS_ACCOUNT', ctl, acct, b.get(acct).sourceIds[0]!);
    net.accountIds.push(acct);
    for (const ph of booking) s.called(own, ph, rng.int(40, 320), s.randomDate('2025-04-01', '2025-04-20'), s.randomDate('2025-09-01', '2025-09-14'), s.commsRecord());
  }
  if (net.controllerIds.length > 1) b.link('ASSOCIATE_OF', net.controllerIds[0]!, net.controllerIds[1]!, b.record('INTEL', s.randomDate('2025-02-01', '2025-05-01'), 'Subjects are partners'), { role: 'PARTNER' });
}

/** Companies fronting the parlours, with nominee directors related to the controller. */
function addCompanies(s: Scene, n: NetworkBuild): void {
  const { rng, b } = s;
  const { spec, k, net, parlours, boss } = n;
  const companies = spec.parlours > 5 ? 2 : 1;
  for (let c = 0; c < companies; c++) {
    const co = b.record('COREG', s.randomDate('2025-01-15', '2025-03-15'), 'Company extract');
    const org = s.organisation(s.uniqueName(() => `${rng.pick(PARLOUR_FIRST)} ${rng.pick(PARLOUR_SECOND)} ${rng.pick(['Wellness', 'Therapies', 'Leisure'])} Ltd`), 'COMPANY', co);
    net.organisationIds.push(org);
    const nominee = s.person(spec.controllerNat, 'F', [1960, 1995], co);
    net.nomineeDirectorIds.push(nominee);
    b.link('DIRECTOR_OF', nominee, org, co, { validFrom: s.randomDate('2023-01-01', '2024-12-31') });
    b.link('ASSOCIATE_OF', boss, nominee, b.record('INTEL', s.randomDate('2025-02-01', '2025-05-31'), 'Director is a relative of the subject'), { role: 'FAMILY' });
    for (const p of parlours.filter((_, i) => i % companies === c)) b.link('OPERATES', org, p, co, { role: 'OPERATOR', validFrom: '2024-01-01' });
    const email = b.entity('EMAIL', { address: `bookings.${String(b.get(org).props.name).split(' ')[0]!.toLowerCase()}${k + 1}${c}@example.org` }, co);
    b.link('USES_EMAIL', org, email, co);
    if (c === 0) {
      // The controller's email on the company's filings: a shared identifier.
      const ctlEmail = b.links.find((l) => l.type === 'USES_EMAIL' && l.from === boss)!.to;
      b.link('USES_EMAIL', org, ctlEmail, b.record('COREG', s.randomDate('2025-01-15', '2025-03-15'), 'Correspondence address on filings'));
    }
    const acct = s.account(co);
    b.link('HOLDS_ACCOUNT', org, acct, co);
    net.accountIds.push(acct);
  }
}

/** Drivers and vehicles seen at the parlours. */
function addDrivers(s: Scene, n: NetworkBuild, shared: SharedNoise, planted: Planted): void {
  const { rng, b } = s;
  const { spec, net, parlours, boss, bossPhone } = n;
  const { hireFirm } = shared;
  for (let d = 0; d < spec.drivers; d++) {
    const intel = b.record('INTEL', s.randomDate('2025-03-01', '2025-06-10'), 'Subject drives women between premises');
    const drv = s.person(spec.controllerNat === 'GBR' ? 'GBR' : rng.pick([spec.controllerNat, 'GBR']), 'M', [1985, 2001], intel, { suspect: true });
    net.driverIds.push(drv);
    planted.drivers.push(drv);
    b.link('ASSOCIATE_OF', drv, boss, intel, { role: 'DRIVES_FOR' });
    const drvPhone = s.phone(intel);
    net.phoneIds.push(drvPhone);
    b.link('USES_PHONE', drv, drvPhone, intel);
    s.called(bossPhone, drvPhone, rng.int(30, 160), s.randomDate('2025-04-01', '2025-05-01'), s.randomDate('2025-09-01', '2025-09-14'), s.commsRecord());
    for (let v = 0; v < (d === 0 ? 2 : 1); v++) {
      const dvla = b.record('ANPR', s.randomDate('2025-04-01', '2025-05-31'), 'Vehicle check');
      const veh = b.entity('VEHICLE', { vrm: s.vehicleRegistration(), make: rng.pick(['Ford', 'Vauxhall', 'Toyota', 'Volkswagen', 'Mercedes-Benz']), model: rng.pick(['Galaxy', 'Zafira', 'Prius', 'Touran', 'Vito']), colour: rng.pick(['Black', 'Silver', 'Grey', 'White']) }, dvla);
      net.vehicleIds.push(veh);
      b.link('KEEPER_OF', v === 0 ? hireFirm : drv, veh, dvla, { validFrom: '2024-09-01' });
      b.link('DRIVES', drv, veh, b.record('INTEL', s.randomDate('2025-04-01', '2025-07-31'), 'Subject seen driving vehicle'));
      for (const p of rng.sample(parlours, rng.int(3, Math.min(5, parlours.length)))) {
        const first = s.randomDate('2025-04-10', '2025-06-20');
        const last = s.randomDate('2025-07-01', '2025-09-10');
        b.link('VEHICLE_SEEN_AT', veh, p, b.record('ANPR', first, 'Vehicle sighted near premises'), { validFrom: first, validTo: last, weight: rng.int(3, 25) });
      }
    }
  }
}

/** Workers rotating between the parlours, housed in the network's HMOs. */
function addWorkers(s: Scene, n: NetworkBuild, planted: Planted): void {
  const { rng, b, stays } = s;
  const { spec, k, net, parlours, hmos, boss, bossPhone } = n;
  const { workerMeta } = planted;
  const wages = s.account(b.record('INTEL', s.randomDate('2025-05-01', '2025-07-31'), 'Several workers’ wages paid into one account'));
  net.accountIds.push(wages);
  b.link('HOLDS_ACCOUNT', boss, wages, b.get(wages).sourceIds[0]!);
  for (let w = 0; w < spec.workers; w++) {
    const early = w < Math.ceil(spec.workers * 0.68);
    const child = k < 2 && w === 1;
    const start = early ? s.randomDate('2025-04-01', '2025-05-31') : s.randomDate('2025-06-30', '2025-08-05');
    const intel = b.record('INTEL', day(start, rng.int(3, 15)), 'New worker seen at premises');
    const worker = s.person(rng.pick(spec.workerNats), 'F', child ? [2008, 2008] : [1991, 2004], intel, rng.chance(0.3) ? { passportNumber: String(rng.int(100000000, 999999999)) } : {});
    net.workerIds.push(worker);
    workerMeta.set(worker, { network: k, child });
    let at = start;
    let prev = '';
    while (at < WINDOW_END) {
      const p = rng.pick(parlours.filter((x) => x !== prev));
      const to = day(at, rng.int(10, 26));
      const src = at === start ? intel : b.record('INTEL', day(at, rng.int(2, 10)), 'Worker seen at different premises');
      b.cite(worker, src);
      stays.push({ kind: 'WORKS_AT', personId: worker, premisesId: p, from: at, to: to > WINDOW_END ? WINDOW_END : to, source: src, extraSources: [] });
      prev = p;
      at = day(to, 1);
    }
    const hmo = rng.pick(hmos);
    stays.push({ kind: 'LIVES_AT', personId: worker, premisesId: hmo, from: start, to: WINDOW_END, source: b.record('INTEL', day(start, rng.int(5, 20)), 'Worker living at address'), extraSources: [] });
    if (rng.chance(0.55)) {
      const ph = s.phone(intel);
      b.link('USES_PHONE', worker, ph, intel, { validFrom: start });
      s.called(bossPhone, ph, rng.int(4, 45), day(start, 1), s.randomDate('2025-08-15', '2025-09-14'), s.commsRecord());
    }
    if (rng.chance(0.4)) b.link('ASSOCIATE_OF', boss, worker, b.record('INTEL', day(start, rng.int(10, 40)), 'Subject controls the worker’s movements and money'), { role: 'CONTROLS' });
    if (w < 3) b.link('HOLDS_ACCOUNT', worker, wages, b.get(wages).sourceIds[0]!);
  }
}

/** Adverts for the parlours and the short-let flat, listing the booking phones. */
function addAdverts(s: Scene, n: NetworkBuild): void {
  const { rng, b, stays } = s;
  const { net, parlours, shortLet, booking } = n;
  const sites = ['citymassage-listings.example', 'thamesvalley-adults.example', 'pleasurepages.example'];
  const advertAt = (p: string, ph: string, postedOn: string) => {
    const src = b.record('ADMON', postedOn, 'Advert captured');
    const t = b.get(p).props.town as string;
    const title = rng.pick(['New girls this week', 'Relaxing full body massage', 'Young Asian ladies', 'Sweet new masseuse', 'Open late, discreet parking', 'Beautiful new girl just arrived']) + ` – ${t}`;
    const site = rng.pick(sites);
    const obscured = rng.chance(0.25);
    const ad = b.entity('ADVERT', { site, title, postedOn, contentHash: hash(`${site}|${title}|${postedOn}|${p}|${ph}|${b.entities.size}`), obscuredNumber: obscured }, src);
    net.advertIds.push(ad);
    b.link('ADVERT_LISTS_PHONE', ad, ph, src);
    b.link('ADVERT_LOCATED_AT', ad, p, src);
    const there = stays.filter((s) => s.kind === 'WORKS_AT' && s.premisesId === p && s.from <= postedOn && s.to >= postedOn);
    for (const s of rng.sample(there, rng.int(1, 2))) b.link('ADVERT_FEATURES', ad, s.personId, src);
    return ad;
  };
  parlours.forEach((p, i) => {
    const n = rng.int(2, 3);
    for (let a = 0; a < n; a++) {
      // Mostly the parlour's own booking phone, sometimes another of the network's.
      const ph = a === n - 1 && rng.chance(0.5) ? rng.pick(booking) : booking[i % booking.length]!;
      advertAt(p, ph, s.randomDate('2025-04-05', '2025-09-05'));
    }
  });
  for (let a = 0; a < 2; a++) advertAt(shortLet, rng.pick(booking), s.randomDate('2025-05-01', '2025-08-31'));
}
