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
import crypto from 'node:crypto';
import type { Dataset } from '../../server/modules/load/load.service.ts';
import { sourceIdPrefix } from '../../server/modules/import/rows.ts';
import { Builder } from './builder.ts';
import { NAMES, PARLOUR_FIRST, PARLOUR_KIND, PARLOUR_SECOND, Places, TOWNS, town, type Town } from './places.ts';
import { Random } from './random.ts';
import type { SourceCode } from './sources.ts';

export const DEMO_SEED = 20250628;

// ---- dates ---------------------------------------------------------------------------------

const day = (d: string, n: number): string => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const isWeekday = (d: string) => {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6;
};
const weekdays = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = day(d, 1)) if (isWeekday(d)) out.push(d);
  return out;
};

const WINDOW_START = '2025-04-01';
const WINDOW_END = '2025-09-30';

// ---- truth ---------------------------------------------------------------------------------

export interface NetworkTruth {
  id: string;
  name: string;
  towns: string[];
  premisesIds: string[];
  controllerIds: string[];
  driverIds: string[];
  workerIds: string[];
  nomineeDirectorIds: string[];
  phoneIds: string[];
  vehicleIds: string[];
  advertIds: string[];
  organisationIds: string[];
  accountIds: string[];
}

export interface OperationTruth {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  visits: number;
  premisesVisited: number;
  peopleEncountered: number;
  potentialVictimsIdentified: number;
  safeguarded: number;
  referralsByKind: Record<string, number>;
  offencesByCategory: Record<string, number>;
}

export interface DemoTruth {
  scenario: 'lantern-demo';
  version: 1;
  seed: number;
  synthetic: true;
  description: string;
  networks: NetworkTruth[];
  potentialVictims: { personId: string; operationId: string; visitId: string; identifiedOn: string; safeguarded: boolean; referralIds: string[]; child: boolean }[];
  duplicates: { personIds: string[]; sources: string[]; differences: string }[];
  operations: OperationTruth[];
  /** The people planted with a combination of risk factors (two or more distinct kinds). */
  riskFactorCombination: string[];
  totals: {
    premisesOfInterest: number;
    premisesVisited: number;
    peopleWithRiskFactorCombination: number;
    potentialVictims: number;
    safeguarded: number;
    referralsByKind: Record<string, number>;
    offencesByCategory: Record<string, number>;
  };
  noise: { description: string; ids: string[] }[];
}

export interface Demo {
  data: Dataset;
  truth: DemoTruth;
}

// ---- the scenario --------------------------------------------------------------------------

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

const NETWORKS: NetworkSpec[] = [
  { name: 'Reading–Bracknell parlours', towns: ['Reading', 'Bracknell', 'Wokingham'], parlours: 7, workers: 12, controllers: 2, drivers: 1, workerNats: ['ROU'], controllerNat: 'ROU', bookingPhones: 3 },
  { name: 'Oxford–Banbury parlours', towns: ['Oxford', 'Banbury', 'Bicester', 'Abingdon'], parlours: 6, workers: 10, controllers: 1, drivers: 1, workerNats: ['CHN'], controllerNat: 'CHN', bookingPhones: 2 },
  { name: 'Milton Keynes–Aylesbury parlours', towns: ['Milton Keynes', 'Aylesbury'], parlours: 5, workers: 9, controllers: 1, drivers: 2, workerNats: ['THA', 'VNM'], controllerNat: 'GBR', bookingPhones: 2 },
  { name: 'Wycombe–Slough–Maidenhead parlours', towns: ['High Wycombe', 'Slough', 'Maidenhead', 'Windsor'], parlours: 5, workers: 9, controllers: 2, drivers: 1, workerNats: ['BRA', 'ROU'], controllerNat: 'ALB', bookingPhones: 2 },
];

const PREMISES_OF_INTEREST = 60;
const NOT_VISITED_IN_AUGUST = 3;

const OPS = {
  june: { name: 'Operation Kestrel', startDate: '2025-06-23', endDate: '2025-06-29', description: 'Week of action against modern slavery and human trafficking (Project Aidant-style, fictional).' },
  august: { name: 'Operation Harrier', startDate: '2025-08-22', endDate: '2025-09-09', description: 'Three weeks of activity focused on massage parlours (Project Aidant-style, fictional).' },
};

const JUNE_AGENCIES = ['Thames Valley Police', 'Immigration Enforcement', 'Border Force', 'HM Revenue and Customs', 'Department for Work and Pensions', 'British Transport Police'];

interface Stay {
  kind: 'WORKS_AT' | 'LIVES_AT';
  personId: string;
  premisesId: string;
  from: string;
  to: string;
  source: string;
  extraSources: string[];
}

interface Visit {
  id: string;
  opId: string;
  premisesId: string;
  date: string;
  record: string;
  encountered: { personId: string; role: string }[];
}

function hash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export function generateDemo(seed: number = DEMO_SEED): Demo {
  const rng = new Random(seed);
  const b = new Builder(rng);
  const places = new Places(rng);
  const usedVrms = new Set<string>();
  const usedNames = new Set<string>();
  const stays: Stay[] = [];
  const noise: DemoTruth['noise'] = [];
  let companySeq = 4100;
  let accountSeq = 0;

  // -- helpers ------------------------------------------------------------------------------

  const person = (nat: string, sex: 'F' | 'M', born: [number, number], src: string, extra: Record<string, unknown> = {}): string => {
    const pool = NAMES[nat]!;
    let givenName = '';
    let familyName = '';
    for (let tries = 0; tries < 50; tries++) {
      givenName = rng.pick(sex === 'F' ? pool.female : pool.male);
      familyName = rng.pick(pool.family);
      if (!usedNames.has(`${givenName} ${familyName}`)) break;
    }
    usedNames.add(`${givenName} ${familyName}`);
    const dob = `${rng.int(born[0], born[1])}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    return b.entity(
      'PERSON',
      { givenName, familyName, dateOfBirth: dob, gender: sex === 'F' ? 'FEMALE' : 'MALE', nationalities: [nat], ...extra },
      src,
    );
  };

  const phone = (src: string, fixed = false): string => b.entity('PHONE', { number: fixed ? places.fixedLine() : places.mobile() }, src);

  const premises = (kind: string, t: Town, src: string, o: { name?: string | null; unit?: string; licenceStatus?: string } = {}): string =>
    b.entity(
      'PREMISES',
      {
        name: o.name ?? null,
        kind,
        addressLine: places.addressLine(o.unit),
        town: t.name,
        postcode: places.postcode(t),
        ...places.location(t),
        licenceStatus: o.licenceStatus ?? 'NOT_REQUIRED',
      },
      src,
    );

  const usedBusinessNames = new Set<string>();
  const parlourName = (): string => {
    for (;;) {
      const n = `${rng.pick(PARLOUR_FIRST)} ${rng.pick(PARLOUR_SECOND)} ${rng.pick(PARLOUR_KIND)}`;
      if (!usedBusinessNames.has(n)) {
        usedBusinessNames.add(n);
        return n;
      }
    }
  };
  const uniqueName = (make: () => string): string => {
    for (;;) {
      const n = make();
      if (!usedBusinessNames.has(n)) {
        usedBusinessNames.add(n);
        return n;
      }
    }
  };

  const organisation = (name: string, kind: string, src: string, status = 'ACTIVE'): string =>
    b.entity('ORGANISATION', { name, kind, status, companyNumber: kind === 'COMPANY' ? `ZD${String(++companySeq).padStart(6, '0')}` : null }, src);

  const account = (src: string): string => {
    accountSeq += 1;
    return b.entity('BANK_ACCOUNT', { sortCode: `99-${String(10 + (accountSeq % 80)).padStart(2, '0')}-${String(10 + ((accountSeq * 7) % 89)).padStart(2, '0')}`, accountNumber: String(40000000 + accountSeq * 7919), bank: 'Fictional Bank plc' }, src);
  };

  const called = (a: string, c: string, count: number, first: string, last: string, src: string) =>
    b.link('CALLED', a, c, src, { count, weight: count, firstAt: `${first}T${String(rng.int(7, 22)).padStart(2, '0')}:${String(rng.int(10, 59))}:00Z`, lastAt: `${last}T${String(rng.int(7, 22)).padStart(2, '0')}:${String(rng.int(10, 59))}:00Z` });

  const randomDate = (from: string, to: string) => day(from, rng.int(0, Math.max(0, daysBetween(from, to))));
  const commsRecord = () => b.record('COMMS', '2025-09-15T11:00:00Z', 'Billing return: call counts between numbers, 1 April to 14 September 2025');

  // -- operations ---------------------------------------------------------------------------

  const opRecordJune = b.record('VISITS', '2025-06-20T09:00:00Z', `${OPS.june.name}: operation order`);
  const opJune = b.entity('OPERATION', { ...OPS.june, lead: 'Thames Valley Police' }, opRecordJune);
  const opRecordAug = b.record('VISITS', '2025-08-19T09:00:00Z', `${OPS.august.name}: operation order`);
  const opAug = b.entity('OPERATION', { ...OPS.august, lead: 'Thames Valley Police' }, opRecordAug);

  // -- shared noise: a landlord and a vehicle hire firm that touch several networks ----------

  const coregLandlord = b.record('COREG', '2025-03-03', 'Company extract: property company');
  const landlord = organisation(uniqueName(() => `${places.streetWord()} Property Holdings Ltd`), 'COMPANY', coregLandlord);
  const landlordDirector = person('GBR', 'M', [1958, 1970], coregLandlord);
  b.link('DIRECTOR_OF', landlordDirector, landlord, coregLandlord, { validFrom: '2011-05-01' });
  const coregHire = b.record('COREG', '2025-03-03', 'Company extract: vehicle hire company');
  const hireFirm = organisation(uniqueName(() => `${places.streetWord()} Vehicle Hire Ltd`), 'COMPANY', coregHire);
  noise.push({ description: 'A property company that is landlord to premises in several networks and to legitimate businesses', ids: [landlord] });
  noise.push({ description: 'A vehicle hire firm registered as keeper of vehicles used by several networks and by the public', ids: [hireFirm] });

  // -- planted networks ---------------------------------------------------------------------

  const networks: NetworkTruth[] = [];
  const workerMeta = new Map<string, { network: number; child: boolean }>();
  const networkParlours: string[] = [];
  const controllersAll: string[] = [];
  const driversAll: string[] = [];

  NETWORKS.forEach((spec, k) => {
    const net: NetworkTruth = {
      id: `network-${k + 1}`,
      name: spec.name,
      towns: spec.towns,
      premisesIds: [],
      controllerIds: [],
      driverIds: [],
      workerIds: [],
      nomineeDirectorIds: [],
      phoneIds: [],
      vehicleIds: [],
      advertIds: [],
      organisationIds: [],
      accountIds: [],
    };
    networks.push(net);
    const towns = spec.towns.map(town);

    // Parlours: some licensed, some not; licensing records or intelligence.
    const parlours: string[] = [];
    for (let i = 0; i < spec.parlours; i++) {
      const t = towns[i % towns.length]!;
      const licence = rng.pick(['LICENSED', 'UNLICENSED', 'EXPIRED', 'LICENSED']);
      const src = licence === 'UNLICENSED' ? b.record('INTEL', randomDate('2025-02-01', '2025-04-30'), 'Massage premises operating without a licence') : b.record('LICENSING', randomDate('2024-10-01', '2025-03-31'), 'Special treatment licence');
      const p = premises('MASSAGE_PARLOUR', t, src, { name: parlourName(), unit: rng.chance(0.5) ? `Unit ${rng.int(1, 9)}` : undefined, licenceStatus: licence });
      parlours.push(p);
      if (rng.chance(0.35)) b.link('OPERATES', landlord, p, coregLandlord, { role: 'LANDLORD', validFrom: '2023-01-01' });
    }
    networkParlours.push(...parlours);
    const hmos: string[] = [];
    for (let i = 0; i < (spec.workers > 9 ? 2 : 1); i++) {
      hmos.push(premises('HMO', towns[i % towns.length]!, b.record('INTEL', randomDate('2025-03-01', '2025-05-31'), 'Address used to house workers'), { name: null }));
    }
    const shortLet = premises('SHORT_LET', rng.pick(towns), b.record('ADMON', randomDate('2025-05-01', '2025-07-31'), 'Advert location resolved to a short-let flat'), { name: null, unit: `Flat ${rng.int(1, 24)}` });
    net.premisesIds.push(...parlours, ...hmos, shortLet);

    // Booking phones, each shared by several parlours.
    const booking = Array.from({ length: spec.bookingPhones }, () => phone(b.record('ADMON', randomDate('2025-04-01', '2025-04-30'), 'Number listed in adverts')));
    net.phoneIds.push(...booking);
    parlours.forEach((p, i) => {
      const ph = booking[i % booking.length]!;
      b.link('PREMISES_PHONE', p, ph, b.record(rng.chance(0.6) ? 'ADMON' : 'INTEL', randomDate('2025-04-01', '2025-05-31'), 'Number given for premises'), { validFrom: WINDOW_START });
    });

    // Controllers: run the parlours, live in their own homes, use personal and booking phones.
    for (let c = 0; c < spec.controllers; c++) {
      const intel = b.record('INTEL', randomDate('2025-01-10', '2025-04-20'), 'Subject believed to control sex workers across several premises');
      const ctl = person(spec.controllerNat, c === 1 && spec.controllers > 1 && rng.chance(0.5) ? 'F' : 'M', [1972, 1990], intel, { suspect: true, pncId: `${rng.int(10, 19)}/${rng.int(1000000, 9999999)}${rng.pick(['A', 'B', 'C', 'D', 'H', 'K'])}` });
      b.cite(ctl, b.record('TVCR', randomDate('2023-01-01', '2024-12-31'), 'Previous arrest: controlling prostitution for gain (NFA)'));
      net.controllerIds.push(ctl);
      controllersAll.push(ctl);
      const home = premises('RESIDENTIAL', rng.pick(towns), intel, { name: null });
      b.link('LIVES_AT', ctl, home, intel, { validFrom: '2022-06-01' });
      const own = phone(intel);
      net.phoneIds.push(own);
      b.link('USES_PHONE', ctl, own, intel, { validFrom: '2024-11-01' });
      b.link('USES_PHONE', ctl, booking[c % booking.length]!, b.record('INTEL', randomDate('2025-05-01', '2025-07-31'), 'Subject answers the booking number'));
      const controlled = rng.sample(parlours, Math.max(3, parlours.length - c * 2));
      for (const p of controlled) b.link('OPERATES', ctl, p, b.record('INTEL', randomDate('2025-02-01', '2025-06-15'), 'Subject seen collecting cash from premises'), { role: 'CONTROLLER', validFrom: '2025-01-01' });
      const email = b.entity('EMAIL', { address: `${(b.get(ctl).props.givenName as string).toLowerCase().replace(/[^a-z]/g, '')}.${rng.int(10, 99)}@example.net` }, intel);
      b.link('USES_EMAIL', ctl, email, intel);
      const acct = account(b.record('INTEL', randomDate('2025-03-01', '2025-07-31'), 'Financial intelligence: account receiving cash deposits'));
      b.link('HOLDS_ACCOUNT', ctl, acct, b.get(acct).sourceIds[0]!);
      net.accountIds.push(acct);
      for (const ph of booking) called(own, ph, rng.int(40, 320), randomDate('2025-04-01', '2025-04-20'), randomDate('2025-09-01', '2025-09-14'), commsRecord());
    }
    if (net.controllerIds.length > 1) b.link('ASSOCIATE_OF', net.controllerIds[0]!, net.controllerIds[1]!, b.record('INTEL', randomDate('2025-02-01', '2025-05-01'), 'Subjects are partners'), { role: 'PARTNER' });
    const boss = net.controllerIds[0]!;
    const bossPhone = net.phoneIds[spec.bookingPhones]!;

    // Companies fronting the parlours, with nominee directors related to the controller.
    const companies = spec.parlours > 5 ? 2 : 1;
    for (let c = 0; c < companies; c++) {
      const co = b.record('COREG', randomDate('2025-01-15', '2025-03-15'), 'Company extract');
      const org = organisation(uniqueName(() => `${rng.pick(PARLOUR_FIRST)} ${rng.pick(PARLOUR_SECOND)} ${rng.pick(['Wellness', 'Therapies', 'Leisure'])} Ltd`), 'COMPANY', co);
      net.organisationIds.push(org);
      const nominee = person(spec.controllerNat, 'F', [1960, 1995], co);
      net.nomineeDirectorIds.push(nominee);
      b.link('DIRECTOR_OF', nominee, org, co, { validFrom: randomDate('2023-01-01', '2024-12-31') });
      b.link('ASSOCIATE_OF', boss, nominee, b.record('INTEL', randomDate('2025-02-01', '2025-05-31'), 'Director is a relative of the subject'), { role: 'FAMILY' });
      for (const p of parlours.filter((_, i) => i % companies === c)) b.link('OPERATES', org, p, co, { role: 'OPERATOR', validFrom: '2024-01-01' });
      const email = b.entity('EMAIL', { address: `bookings.${String(b.get(org).props.name).split(' ')[0]!.toLowerCase()}${k + 1}${c}@example.org` }, co);
      b.link('USES_EMAIL', org, email, co);
      if (c === 0) {
        // The controller's email on the company's filings: a shared identifier.
        const ctlEmail = b.links.find((l) => l.type === 'USES_EMAIL' && l.from === boss)!.to;
        b.link('USES_EMAIL', org, ctlEmail, b.record('COREG', randomDate('2025-01-15', '2025-03-15'), 'Correspondence address on filings'));
      }
      const acct = account(co);
      b.link('HOLDS_ACCOUNT', org, acct, co);
      net.accountIds.push(acct);
    }

    // Drivers and vehicles seen at the parlours.
    for (let d = 0; d < spec.drivers; d++) {
      const intel = b.record('INTEL', randomDate('2025-03-01', '2025-06-10'), 'Subject drives women between premises');
      const drv = person(spec.controllerNat === 'GBR' ? 'GBR' : rng.pick([spec.controllerNat, 'GBR']), 'M', [1985, 2001], intel, { suspect: true });
      net.driverIds.push(drv);
      driversAll.push(drv);
      b.link('ASSOCIATE_OF', drv, boss, intel, { role: 'DRIVES_FOR' });
      const drvPhone = phone(intel);
      net.phoneIds.push(drvPhone);
      b.link('USES_PHONE', drv, drvPhone, intel);
      called(bossPhone, drvPhone, rng.int(30, 160), randomDate('2025-04-01', '2025-05-01'), randomDate('2025-09-01', '2025-09-14'), commsRecord());
      for (let v = 0; v < (d === 0 ? 2 : 1); v++) {
        const dvla = b.record('ANPR', randomDate('2025-04-01', '2025-05-31'), 'Vehicle check');
        const veh = b.entity('VEHICLE', { vrm: places.vrm(usedVrms), make: rng.pick(['Ford', 'Vauxhall', 'Toyota', 'Volkswagen', 'Mercedes-Benz']), model: rng.pick(['Galaxy', 'Zafira', 'Prius', 'Touran', 'Vito']), colour: rng.pick(['Black', 'Silver', 'Grey', 'White']) }, dvla);
        net.vehicleIds.push(veh);
        b.link('KEEPER_OF', v === 0 ? hireFirm : drv, veh, dvla, { validFrom: '2024-09-01' });
        b.link('DRIVES', drv, veh, b.record('INTEL', randomDate('2025-04-01', '2025-07-31'), 'Subject seen driving vehicle'));
        for (const p of rng.sample(parlours, rng.int(3, Math.min(5, parlours.length)))) {
          const first = randomDate('2025-04-10', '2025-06-20');
          const last = randomDate('2025-07-01', '2025-09-10');
          b.link('VEHICLE_SEEN_AT', veh, p, b.record('ANPR', first, 'Vehicle sighted near premises'), { validFrom: first, validTo: last, weight: rng.int(3, 25) });
        }
      }
    }

    // Workers rotating between the parlours, housed in the network's HMOs.
    const shared = account(b.record('INTEL', randomDate('2025-05-01', '2025-07-31'), 'Several workers’ wages paid into one account'));
    net.accountIds.push(shared);
    b.link('HOLDS_ACCOUNT', boss, shared, b.get(shared).sourceIds[0]!);
    for (let w = 0; w < spec.workers; w++) {
      const early = w < Math.ceil(spec.workers * 0.68);
      const child = k < 2 && w === 1;
      const start = early ? randomDate('2025-04-01', '2025-05-31') : randomDate('2025-06-30', '2025-08-05');
      const intel = b.record('INTEL', day(start, rng.int(3, 15)), 'New worker seen at premises');
      const worker = person(rng.pick(spec.workerNats), 'F', child ? [2008, 2008] : [1991, 2004], intel, rng.chance(0.3) ? { passportNumber: String(rng.int(100000000, 999999999)) } : {});
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
        const ph = phone(intel);
        b.link('USES_PHONE', worker, ph, intel, { validFrom: start });
        called(bossPhone, ph, rng.int(4, 45), day(start, 1), randomDate('2025-08-15', '2025-09-14'), commsRecord());
      }
      if (rng.chance(0.4)) b.link('ASSOCIATE_OF', boss, worker, b.record('INTEL', day(start, rng.int(10, 40)), 'Subject controls the worker’s movements and money'), { role: 'CONTROLS' });
      if (w < 3) b.link('HOLDS_ACCOUNT', worker, shared, b.get(shared).sourceIds[0]!);
    }

    // Adverts for the parlours and the short-let flat, listing the booking phones.
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
        advertAt(p, ph, randomDate('2025-04-05', '2025-09-05'));
      }
    });
    for (let a = 0; a < 2; a++) advertAt(shortLet, rng.pick(booking), randomDate('2025-05-01', '2025-08-31'));
  });

  // -- premises of interest outside the networks: the noise ---------------------------------

  const legit: { id: string; kind: string; staff: string[]; org: string }[] = [];
  const otherTowns = TOWNS;
  const legitKinds: string[] = [
    ...Array<string>(PREMISES_OF_INTEREST - networkParlours.length - 11).fill('MASSAGE_PARLOUR'),
    ...Array<string>(6).fill('NAIL_BAR'),
    ...Array<string>(3).fill('CAR_WASH'),
    ...Array<string>(2).fill('BUSINESS'),
  ];
  for (const kind of legitKinds) {
    const t = rng.pick(otherTowns);
    const name =
      kind === 'MASSAGE_PARLOUR'
        ? parlourName()
        : kind === 'NAIL_BAR'
          ? uniqueName(() => `${rng.pick(PARLOUR_FIRST)} ${rng.pick(['Nails', 'Nail Lounge', 'Nail Studio'])}`)
          : kind === 'CAR_WASH'
            ? uniqueName(() => `${places.streetWord()} Hand Car Wash`)
            : uniqueName(() => `${places.streetWord()} ${rng.pick(['Beauty Rooms', 'Barbers', 'Tanning Studio'])}`);
    const licSrc = b.record('LICENSING', randomDate('2024-06-01', '2025-03-31'), 'Premises licence record');
    const p = premises(kind, t, licSrc, { name, licenceStatus: kind === 'MASSAGE_PARLOUR' || kind === 'NAIL_BAR' ? rng.pick(['LICENSED', 'LICENSED', 'LICENSED', 'EXPIRED']) : 'NOT_REQUIRED' });
    const co = b.record('COREG', randomDate('2025-01-15', '2025-03-15'), 'Company extract');
    const sole = rng.chance(0.4);
    const org = organisation(sole ? `${name}` : `${name} Ltd`, sole ? 'SOLE_TRADER' : 'COMPANY', co);
    const ownerNat = rng.pick(['GBR', 'GBR', 'CHN', 'VNM', 'THA', 'POL', 'IND', 'ROU']);
    const owner = person(ownerNat, rng.chance(0.5) ? 'F' : 'M', [1962, 1992], co);
    b.link('DIRECTOR_OF', owner, org, co, { validFrom: randomDate('2015-01-01', '2024-06-30') });
    b.link('OPERATES', org, p, co, { role: sole ? 'OWNER' : 'OPERATOR', validFrom: '2024-01-01' });
    const ph = phone(licSrc, true);
    b.link('PREMISES_PHONE', p, ph, licSrc);
    b.link('USES_PHONE', org, ph, licSrc);
    if (rng.chance(0.15)) b.link('OPERATES', landlord, p, coregLandlord, { role: 'LANDLORD', validFrom: '2022-01-01' });
    const staff = [owner];
    b.link('WORKS_AT', owner, p, co, { validFrom: '2024-01-01' });
    const more = kind === 'CAR_WASH' ? 2 : rng.chance(0.3) ? 1 : 0;
    for (let s = 0; s < more; s++) {
      const src = b.record('LICENSING', randomDate('2025-01-01', '2025-05-31'), 'Staff listed on licence application');
      const st = person(kind === 'CAR_WASH' ? rng.pick(['ALB', 'VNM', 'ROU']) : ownerNat, kind === 'CAR_WASH' ? 'M' : 'F', [1985, 2003], src);
      b.link('WORKS_AT', st, p, src, { validFrom: randomDate('2024-06-01', '2025-03-31') });
      staff.push(st);
    }
    if (kind === 'MASSAGE_PARLOUR' && rng.chance(0.4)) {
      const postedOn = randomDate('2025-04-01', '2025-09-01');
      const src = b.record('ADMON', postedOn, 'Advert captured');
      const ad = b.entity('ADVERT', { site: 'localservices-directory.example', title: `${name}: therapeutic massage, ${t.name}`, postedOn, contentHash: hash(`${name}|${postedOn}`), obscuredNumber: false }, src);
      b.link('ADVERT_LISTS_PHONE', ad, ph, src);
      b.link('ADVERT_LOCATED_AT', ad, p, src);
    }
    legit.push({ id: p, kind, staff, org });
  }

  // Coincidental links: a customer phone calling booking numbers of two networks; a taxi seen at
  // parlours; a legitimate parlour advertised through a number a network used before.
  const allBooking = networks.flatMap((n, k) => n.phoneIds.slice(0, NETWORKS[k]!.bookingPhones));
  for (let c = 0; c < 14; c++) {
    const src = b.record('COMMS', '2025-09-15T11:00:00Z', 'Billing return: other parties');
    const cust = phone(src);
    for (const ph of rng.sample(allBooking, c < 3 ? 2 : 1)) called(cust, ph, rng.int(1, 6), randomDate('2025-04-01', '2025-06-30'), randomDate('2025-07-01', '2025-09-14'), src);
    if (c < 3) noise.push({ description: 'A customer’s phone that called booking numbers of two different networks', ids: [cust] });
  }
  {
    const src = b.record('ANPR', '2025-05-12', 'Vehicle check');
    const taxiFirm = organisation(uniqueName(() => `${places.streetWord()} Cars Ltd`), 'COMPANY', b.record('COREG', '2025-02-10', 'Company extract'));
    const taxi = b.entity('VEHICLE', { vrm: places.vrm(usedVrms), make: 'Skoda', model: 'Octavia', colour: 'Silver' }, src);
    b.link('KEEPER_OF', taxiFirm, taxi, src, { validFrom: '2023-03-01' });
    for (const p of rng.sample(networkParlours, 3)) {
      const d = randomDate('2025-04-15', '2025-09-01');
      b.link('VEHICLE_SEEN_AT', taxi, p, b.record('ANPR', d, 'Vehicle sighted near premises'), { validFrom: d, validTo: d, weight: 1 });
    }
    noise.push({ description: 'A licensed taxi seen once each at parlours of different networks', ids: [taxi, taxiFirm] });
    const hireVan = b.entity('VEHICLE', { vrm: places.vrm(usedVrms), make: 'Ford', model: 'Transit', colour: 'White' }, src);
    b.link('KEEPER_OF', hireFirm, hireVan, src, { validFrom: '2024-02-01' });
    const legitParlour = legit.find((l) => l.kind === 'MASSAGE_PARLOUR')!;
    const legitPhone = b.links.find((l) => l.type === 'PREMISES_PHONE' && l.from === legitParlour.id)!.to;
    const recycled = networks[1]!.phoneIds[0]!;
    const postedOn = '2025-03-02';
    const adSrc = b.record('ADMON', postedOn, 'Advert captured');
    const ad = b.entity('ADVERT', { site: 'localservices-directory.example', title: `${b.get(legitParlour.id).props.name as string}: grand opening offer`, postedOn, contentHash: hash(`recycled|${postedOn}`), obscuredNumber: false }, adSrc);
    b.link('ADVERT_LISTS_PHONE', ad, recycled, adSrc, { validFrom: postedOn, validTo: '2025-03-20' });
    b.link('ADVERT_LISTS_PHONE', ad, legitPhone, adSrc);
    b.link('ADVERT_LOCATED_AT', ad, legitParlour.id, adSrc);
    noise.push({ description: 'A legitimate parlour’s old advert listing a number later used as a network booking phone (recycled number)', ids: [ad, legitParlour.id] });
  }

  // -- risk register: people with combinations of risk factors from several systems --------

  const riskPeople: string[] = [];
  const RISK_SOURCE: Record<string, SourceCode> = { ORGANISED_CRIME: 'INTEL', DRUGS: 'TVCR', VIOLENCE: 'TVCR', WEAPONS: 'TVCR', MULTI_AGENCY_PLAN: 'VRU', EXPLOITATION: 'SAFE', MISSING_EPISODES: 'VRU' };
  const RISK_TEXT: Record<string, string> = {
    ORGANISED_CRIME: 'Linked to an organised crime group',
    DRUGS: 'Previous involvement in drug supply',
    VIOLENCE: 'Previous violence against the person',
    WEAPONS: 'Previous possession of a bladed article',
    MULTI_AGENCY_PLAN: 'Subject to a multi-agency management plan',
    EXPLOITATION: 'Known to be at risk of exploitation',
    MISSING_EPISODES: 'Repeat missing episodes',
  };
  const riskFactor = (p: string, kind: string) => {
    const recordedOn = randomDate('2023-06-01', '2025-06-15');
    const src = b.record(RISK_SOURCE[kind]!, recordedOn, RISK_TEXT[kind]!);
    const rf = b.entity('RISK_FACTOR', { kind, recordedOn, description: RISK_TEXT[kind] }, src);
    b.link('HAS_RISK_FACTOR', p, rf, src, { validFrom: recordedOn });
    b.cite(p, src);
  };
  const vruRecord = () => b.record('VRU', randomDate('2025-06-02', '2025-06-20'), 'Risk profile reviewed ahead of the week of action');
  for (const p of [...controllersAll, ...driversAll]) {
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
    const p = person(rng.pick(['GBR', 'GBR', 'GBR', 'GBR', 'ALB', 'POL', 'ROU', 'NGA']), young || rng.chance(0.85) ? 'M' : 'F', young ? [2006, 2009] : [1978, 2005], vru);
    const kinds = i < combination ? COMBOS[i % COMBOS.length]! : [rng.pick(['DRUGS', 'VIOLENCE', 'WEAPONS'])];
    for (const kind of kinds) riskFactor(p, kind);
    b.get(p).props.riskScore = Math.round(kinds.length * 0.25 * 100) / 100;
    if (i < combination) riskPeople.push(p);
    const home = homes.length > 10 && rng.chance(0.3) ? rng.pick(homes) : premises(rng.pick(['RESIDENTIAL', 'RESIDENTIAL', 'HMO']), rng.pick(TOWNS), vru, { name: null, unit: rng.chance(0.3) ? `Flat ${rng.int(1, 30)}` : undefined });
    homes.push(home);
    b.link('LIVES_AT', p, home, vru, { validFrom: randomDate('2019-01-01', '2024-12-31') });
    if (rng.chance(0.7)) {
      const ph = phone(vru);
      riskPhones.push(ph);
      b.link('USES_PHONE', p, ph, vru);
    }
    if (riskPeople.length > 12 && rng.chance(0.35)) {
      b.link('ASSOCIATE_OF', p, rng.pick(riskPeople.slice(11)), b.record('INTEL', randomDate('2024-06-01', '2025-06-01'), 'Subjects seen together'), { role: rng.pick(['ASSOCIATE', 'ASSOCIATE', 'FAMILY']) });
    }
  }
  for (let i = 0; i < 30; i++) {
    const [a, c] = rng.sample(riskPhones, 2);
    called(a!, c!, rng.int(2, 90), randomDate('2025-04-01', '2025-06-30'), randomDate('2025-07-01', '2025-09-14'), commsRecord());
  }
  const riskOnly = riskPeople.filter((p) => !controllersAll.includes(p) && !driversAll.includes(p));

  // -- offences ---------------------------------------------------------------------------

  const offences: { id: string; category: string; occurredOn: string }[] = [];
  const LEGISLATION: Record<string, string> = {
    MODERN_SLAVERY: 'Modern Slavery Act 2015 s.1',
    TRAFFICKING: 'Modern Slavery Act 2015 s.2',
    CONTROLLING_PROSTITUTION: 'Sexual Offences Act 2003 s.53',
    DRUG_SUPPLY: 'Misuse of Drugs Act 1971 s.4(3)',
    IMMIGRATION: 'Immigration, Asylum and Nationality Act 2006 s.21',
    VIOLENCE: 'Offences Against the Person Act 1861 s.47',
    WEAPONS: 'Criminal Justice Act 1988 s.139',
  };
  let crimeSeq = 0;
  const offence = (category: string, occurredOn: string, status: string, at: string | null, parties: { id: string; role: string }[], code: SourceCode = 'TVCR') => {
    const src = b.record(code, occurredOn, `Crime recorded: ${category.toLowerCase().replace(/_/g, ' ')}`);
    crimeSeq += 1;
    const o = b.entity('OFFENCE', { category, legislation: LEGISLATION[category], occurredOn, status, reference: `43/${String(20000 + crimeSeq * 37)}/25` }, src);
    if (at) b.link('OCCURRED_AT', o, at, src);
    for (const p of parties) {
      b.link('INVOLVED_IN', p.id, o, src, { role: p.role });
      if (b.get(p.id).type === 'PERSON') b.cite(p.id, src);
    }
    offences.push({ id: o, category, occurredOn });
    return o;
  };
  // Historic offences behind the risk factors.
  for (const p of rng.sample(riskOnly, 34)) {
    const cat = rng.pick(['DRUG_SUPPLY', 'VIOLENCE', 'WEAPONS', 'DRUG_SUPPLY']);
    offence(cat, randomDate('2022-01-01', '2025-03-31'), rng.pick(['CONVICTED', 'CONVICTED', 'NFA', 'CHARGED']), rng.chance(0.5) ? null : rng.pick(homes), [{ id: p, role: 'SUSPECT' }]);
  }

  // -- operations: visits in date order, encounters from who was there that day -------------

  const visits: Visit[] = [];
  const pvs: DemoTruth['potentialVictims'] = [];
  const removedOn = new Map<string, string>();
  const pvSet = new Set<string>();

  const presentAt = (p: string, date: string): string[] =>
    stays
      .filter((s) => s.kind === 'WORKS_AT' && s.premisesId === p && s.from <= date && s.to >= date && !(removedOn.has(s.personId) && removedOn.get(s.personId)! < date))
      .map((s) => s.personId);

  const juneDays = weekdays(OPS.june.startDate, OPS.june.endDate);
  const augDays = weekdays(OPS.august.startDate, OPS.august.endDate);
  const carWashes = legit.filter((l) => l.kind === 'CAR_WASH');
  const juneLegit = [carWashes[0]!, ...rng.sample(legit.filter((l) => l.kind === 'NAIL_BAR'), 2), ...rng.sample(legit.filter((l) => l.kind === 'MASSAGE_PARLOUR'), 2)];
  const notVisitedInAugust = new Set(rng.sample(legit.filter((l) => l !== carWashes[0]).map((l) => l.id), NOT_VISITED_IN_AUGUST));
  const plan: { opId: string; premisesId: string; date: string }[] = [
    ...[...networkParlours, ...juneLegit.map((l) => l.id)].map((p) => ({ opId: opJune, premisesId: p, date: rng.pick(juneDays) })),
    ...[...networkParlours, ...legit.map((l) => l.id)].filter((p) => !notVisitedInAugust.has(p)).map((p) => ({ opId: opAug, premisesId: p, date: rng.pick(augDays) })),
  ].sort((x, y) => (x.date === y.date ? x.premisesId.localeCompare(y.premisesId) : x.date.localeCompare(y.date)));

  const target = { [opJune]: 17, [opAug]: 5 };
  const identified = { [opJune]: 0, [opAug]: 0 };
  const declined = new Set<string>();
  const juneDeclineBudget = { n: 2 };
  const referralsOf = new Map<string, string[]>();

  const referral = (pv: string, kind: string, referredOn: string, outcome: string, visitRecord: string) => {
    const src = b.record('SAFE', referredOn, `${kind.replace(/_/g, ' ')} referral made`);
    const r = b.entity('REFERRAL', { kind, referredOn, outcome }, [src]);
    b.link('REFERRAL_FOR', r, pv, src);
    b.cite(pv, src);
    void visitRecord;
    referralsOf.set(pv, [...(referralsOf.get(pv) ?? []), r]);
  };

  const identify = (pv: string, v: Visit, o: { safeguarded: boolean }) => {
    pvSet.add(pv);
    const meta = workerMeta.get(pv);
    const child = meta?.child ?? false;
    const e = b.get(pv);
    e.props.potentialVictim = true;
    e.props.safeguarded = o.safeguarded;
    const safeRec = b.record('SAFE', v.date, 'Potential victim identified at a visit');
    b.cite(pv, safeRec);
    if (child) referral(pv, 'NRM', v.date, 'Reasonable grounds: positive', v.record);
    else if (o.safeguarded && rng.chance(0.75)) referral(pv, 'NRM', day(v.date, rng.int(0, 2)), rng.pick(['Reasonable grounds: positive', 'Awaiting decision']), v.record);
    else referral(pv, 'DUTY_TO_NOTIFY', day(v.date, rng.int(0, 3)), 'Adult declined NRM; Home Office notified', v.record);
    if (o.safeguarded && !child && rng.chance(0.6)) referral(pv, 'VICTIMS_FIRST', day(v.date, rng.int(1, 5)), 'Specialist support accepted', v.record);
    if (child) referral(pv, 'SAFEGUARDING', v.date, 'Children’s social care strategy meeting', v.record);
    pvs.push({ personId: pv, operationId: v.opId, visitId: v.id, identifiedOn: v.date, safeguarded: o.safeguarded, referralIds: [], child });
    identified[v.opId] = (identified[v.opId] ?? 0) + 1;
    // Safeguarded or not, a potential victim identified leaves the network's rota.
    removedOn.set(pv, v.date);
  };

  for (const step of plan) {
    const isNetwork = networkParlours.includes(step.premisesId);
    const leg = legit.find((l) => l.id === step.premisesId);
    const agencies = step.opId === opJune ? rng.sample(JUNE_AGENCIES, rng.int(2, 4)) : ['Thames Valley Police', 'Immigration Enforcement', TOWNS.find((t) => t.name === b.get(step.premisesId).props.town)!.council];
    if (!agencies.includes('Thames Valley Police')) agencies.unshift('Thames Valley Police');
    const record = b.record('VISITS', step.date, `Visit to ${String(b.get(step.premisesId).props.name ?? b.get(step.premisesId).props.addressLine)}`);
    const v: Visit = { id: '', opId: step.opId, premisesId: step.premisesId, date: step.date, record, encountered: [] };
    const noAccess = !isNetwork && rng.chance(step.opId === opAug ? 0.14 : 0.05);
    let outcome = 'NO_CONCERNS';
    if (noAccess) outcome = rng.chance(0.5) ? 'NO_ACCESS' : 'CLOSED';
    else if (isNetwork) {
      const there = presentAt(step.premisesId, step.date);
      const fresh = rng.shuffle(there.filter((p) => !pvSet.has(p)));
      let pending = 0;
      for (const w of fresh) {
        if (identified[step.opId]! + pending < target[step.opId]! && rng.chance(step.opId === opJune ? 0.85 : 0.3)) {
          pending += 1;
          v.encountered.push({ personId: w, role: 'POTENTIAL_VICTIM' });
        } else v.encountered.push({ personId: w, role: 'WORKER' });
        b.cite(w, record);
      }
      outcome = v.encountered.some((e) => e.role === 'POTENTIAL_VICTIM') ? 'SAFEGUARDING' : 'CONCERNS_RAISED';
    } else if (leg) {
      const staff = leg.staff.slice(0, leg.kind === 'CAR_WASH' ? 3 : rng.chance(0.8) ? 1 : leg.staff.length);
      for (const s of staff) {
        v.encountered.push({ personId: s, role: s === leg.staff[0] ? 'MANAGER' : 'WORKER' });
        b.cite(s, record);
      }
    }
    const visitId = b.entity('VISIT', { visitedOn: step.date, outcome, agencies }, record);
    v.id = visitId;
    b.link('INCLUDES_VISIT', step.opId, visitId, record);
    b.link('VISIT_AT', visitId, step.premisesId, record, { validFrom: step.date });
    visits.push(v);
    for (const e of v.encountered) {
      if (e.role === 'POTENTIAL_VICTIM') {
        const safeguarded = !(step.opId === opJune && juneDeclineBudget.n > 0 && rng.chance(0.2));
        if (!safeguarded) {
          juneDeclineBudget.n -= 1;
          declined.add(e.personId);
        }
        identify(e.personId, v, { safeguarded });
      }
    }
    // Stays seen at the visit are confirmed by its record.
    for (const e of v.encountered) {
      for (const s of stays) if (s.personId === e.personId && s.premisesId === step.premisesId && s.from <= step.date && s.to >= step.date) s.extraSources.push(record);
    }
  }

  // The car wash: labour exploitation found in June; its workers become potential victims.
  {
    const cw = carWashes[0]!;
    const juneVisit = visits.find((v) => v.opId === opJune && v.premisesId === cw.id)!;
    const workers = cw.staff.slice(1);
    for (const w of workers) {
      const enc = juneVisit.encountered.find((e) => e.personId === w);
      if (enc) enc.role = 'POTENTIAL_VICTIM';
      else juneVisit.encountered.push({ personId: w, role: 'POTENTIAL_VICTIM' });
      identify(w, juneVisit, { safeguarded: true });
    }
    b.get(juneVisit.id).props.outcome = 'SAFEGUARDING';
    b.get(cw.staff[0]!).props.suspect = true;
    offence('MODERN_SLAVERY', juneVisit.date, 'UNDER_INVESTIGATION', cw.id, [{ id: cw.staff[0]!, role: 'SUSPECT' }, { id: cw.org, role: 'SUSPECT' }, ...workers.map((w) => ({ id: w, role: 'VICTIM' }))]);
    // The workers no longer appear at the car wash in August.
    const augVisit = visits.find((v) => v.opId === opAug && v.premisesId === cw.id);
    if (augVisit) augVisit.encountered = augVisit.encountered.filter((e) => !workers.includes(e.personId));
    noise.push({ description: 'A car wash outside the planted networks where labour exploitation was found', ids: [cw.id] });
  }

  // Offences established during the operations.
  networks.forEach((net, k) => {
    const juneVisits = visits.filter((v) => v.opId === opJune && net.premisesIds.includes(v.premisesId));
    const withVictims = juneVisits.filter((v) => v.encountered.some((e) => e.role === 'POTENTIAL_VICTIM'));
    const site = (withVictims[0] ?? juneVisits[0])!;
    const victims = site.encountered.filter((e) => e.role === 'POTENTIAL_VICTIM').map((e) => ({ id: e.personId, role: 'VICTIM' }));
    offence('CONTROLLING_PROSTITUTION', site.date, 'UNDER_INVESTIGATION', site.premisesId, [...net.controllerIds.map((id) => ({ id, role: 'SUSPECT' })), ...victims]);
    offence(k % 2 === 0 ? 'TRAFFICKING' : 'MODERN_SLAVERY', site.date, 'UNDER_INVESTIGATION', site.premisesId, [{ id: net.controllerIds[0]!, role: 'SUSPECT' }, ...net.driverIds.map((id) => ({ id, role: 'SUSPECT' })), ...victims]);
    const aug = visits.filter((v) => v.opId === opAug && net.premisesIds.includes(v.premisesId));
    const augSite = aug.find((v) => v.encountered.some((e) => e.role === 'POTENTIAL_VICTIM')) ?? aug[0]!;
    if (k < 2) {
      offence('CONTROLLING_PROSTITUTION', augSite.date, 'REPORTED', augSite.premisesId, [
        { id: net.controllerIds[net.controllerIds.length - 1]!, role: 'SUSPECT' },
        ...augSite.encountered.filter((e) => e.role === 'POTENTIAL_VICTIM').map((e) => ({ id: e.personId, role: 'VICTIM' })),
      ]);
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
    offence('IMMIGRATION', v.date, 'UNDER_INVESTIGATION', l.id, [{ id: l.org, role: 'SUSPECT' }], 'VISITS');
    if (b.get(v.id).props.outcome === 'NO_CONCERNS') b.get(v.id).props.outcome = 'CONCERNS_RAISED';
  }
  for (const d of juneDays.slice(0, 4)) {
    const [dealer, other] = rng.sample(riskOnly, 2);
    offence('DRUG_SUPPLY', d, 'CHARGED', rng.pick(homes), [{ id: dealer!, role: 'SUSPECT' }, { id: other!, role: 'SUSPECT' }]);
  }
  {
    const [dealer] = rng.sample(riskOnly, 1);
    offence('DRUG_SUPPLY', rng.pick(augDays), 'UNDER_INVESTIGATION', rng.pick(homes), [{ id: dealer!, role: 'SUSPECT' }]);
  }

  // Encounter links, with the visit's record.
  for (const v of visits) {
    for (const e of v.encountered) b.link('ENCOUNTERED', v.id, e.personId, v.record, { role: e.role, validFrom: v.date });
  }

  // Stays as dated links, cut short where a potential victim was taken out of the rota.
  for (const s of stays) {
    const cut = removedOn.get(s.personId);
    if (cut && s.from > cut) continue;
    const to = cut && s.to > cut ? cut : s.to;
    b.link(s.kind, s.personId, s.premisesId, [s.source, ...s.extraSources], { validFrom: s.from, validTo: to });
  }

  // -- duplicates: the same person recorded twice by two systems with spelling variants -----

  const duplicates: DemoTruth['duplicates'] = [];
  const VARIANTS: [RegExp, string][] = [
    [/ț/g, 't'],
    [/ă/g, 'a'],
    [/ea$/, 'a'],
    [/ai$/, 'ail'],
    [/ll/g, 'l'],
    [/^Zh/, 'Ch'],
    [/y/g, 'i'],
    [/ph/g, 'f'],
    [/a$/, 'ah'],
    [/ie/g, 'ei'],
    [/([aeiou])/, '$1$1'],
  ];
  const variant = (name: string): string => {
    for (const [re, rep] of VARIANTS) {
      const v = name.replace(re, rep);
      if (v !== name) return v;
    }
    return `${name.slice(0, -1)}${name.slice(-1) === 'e' ? 'a' : 'e'}`;
  };
  const dupCandidates = [...riskOnly.slice(0, 5), ...networks.map((n) => n.workerIds[n.workerIds.length - 1]!).slice(0, 2), networks[3]!.controllerIds[0]!];
  dupCandidates.forEach((orig, i) => {
    const o = b.get(orig).props;
    const code: SourceCode = b.get(orig).sourceIds.some((s) => s.startsWith(sourceIdPrefix('INTEL'))) ? 'TVCR' : 'INTEL';
    const src = b.record(code, randomDate('2025-04-01', '2025-08-31'), 'Person recorded');
    const given = o.givenName as string;
    const family = o.familyName as string;
    let props: Record<string, unknown>;
    let differences: string;
    if (i % 4 === 1) {
      // Given and family names swapped, same date of birth.
      props = { givenName: family, familyName: given, dateOfBirth: o.dateOfBirth, gender: o.gender, nationalities: o.nationalities };
      differences = 'given and family names swapped; same date of birth';
    } else if (i % 4 === 2) {
      // Day and month of birth transposed, family name spelt differently.
      const [y, m, d] = String(o.dateOfBirth).split('-');
      const dob = Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : `${y}-${m}-${String(Math.min(28, Number(d) + 1)).padStart(2, '0')}`;
      props = { givenName: given, familyName: variant(family), dateOfBirth: dob, gender: o.gender, nationalities: o.nationalities };
      differences = 'family name spelt differently; date of birth day and month transposed (or off by a day)';
    } else {
      props = { givenName: variant(given), familyName: family, dateOfBirth: o.dateOfBirth, gender: o.gender, nationalities: o.nationalities };
      differences = 'given name spelt differently (transliteration or diacritics); same date of birth';
    }
    if (o.suspect) props.suspect = true;
    const dup = b.entity('PERSON', props, src);
    // Something they share besides the name: a phone or an address.
    const ph = b.links.find((l) => l.type === 'USES_PHONE' && l.from === orig);
    const home = b.links.find((l) => l.type === 'LIVES_AT' && l.from === orig);
    if (ph && i % 2 === 0) b.link('USES_PHONE', dup, ph.to, src);
    else if (home) b.link('LIVES_AT', dup, home.to, src, { validFrom: home.validFrom ?? undefined });
    else if (ph) b.link('USES_PHONE', dup, ph.to, src);
    duplicates.push({ personIds: [orig, dup], sources: [b.get(orig).sourceIds[0]!.split('-')[1]!.toUpperCase(), code], differences });
  });

  // -- truth --------------------------------------------------------------------------------

  for (const p of pvs) p.referralIds = referralsOf.get(p.personId) ?? [];
  const referralKind = (id: string) => String(b.get(id).props.kind);
  const opTruth = (opId: string): OperationTruth => {
    const e = b.get(opId).props;
    const vs = visits.filter((v) => v.opId === opId);
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
      offencesByCategory: countBy(offences.filter((o) => o.occurredOn >= String(e.startDate) && o.occurredOn <= String(e.endDate)), (o) => o.category),
    };
  };
  const truth: DemoTruth = {
    scenario: 'lantern-demo',
    version: 1,
    seed,
    synthetic: true,
    description: 'Synthetic, fictional data. Towns and postcode districts are real; people, businesses, addresses, phone numbers and vehicles are not.',
    networks,
    potentialVictims: pvs,
    duplicates,
    operations: [opTruth(opJune), opTruth(opAug)],
    riskFactorCombination: [...riskPeople].sort(),
    totals: {
      premisesOfInterest: networkParlours.length + legit.length,
      premisesVisited: new Set(visits.map((v) => v.premisesId)).size,
      peopleWithRiskFactorCombination: riskPeople.length,
      potentialVictims: pvs.length,
      safeguarded: pvs.filter((p) => p.safeguarded).length,
      referralsByKind: countBy(pvs.flatMap((p) => p.referralIds), referralKind),
      offencesByCategory: countBy(offences, (o) => o.category),
    },
    noise,
  };
  return { data: b.dataset(), truth };
}
