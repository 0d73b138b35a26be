/**
 * The scale generator: a synthetic graph of the demo's shape for any number of people, for
 * benchmarks (`lantern seed scale --people N`).
 *
 * The graph is made of cells of 50 people. Each cell is a small copy of the demo scenario in
 * the demo's proportions (docs/demo.md): one planted network (parlours sharing booking phones,
 * a controller and partner, a nominee director and front company, a driver and vehicles, nine
 * workers rotating between the parlours in dated stays and living in an HMO, adverts listing
 * the booking phones), legitimate businesses with their own companies, staff and fixed lines,
 * people on the risk register with homes, phones, associates and risk factors, offences,
 * visits of an operation (one operation per two cells), potential victims with referrals, a
 * duplicate person, and noise that crosses cells (a customer calling booking phones of two
 * networks, a taxi seen at parlours of two networks).
 *
 * Each cell is generated from its own seeded generator (seed, cell number), so it is the same
 * whatever N is and whatever was generated before it, and the generator never holds more than
 * one chunk of cells: memory stays flat as N grows. Ids are `<prefix>-s<cell>-<n>`.
 *
 * Nothing real: towns and postcode districts are real, postcode units use only C, I, K, M, O, V;
 * phone numbers are in the UK's unallocated 04 range (Ofcom's drama ranges hold only about
 * 3,000 numbers, too few for a million people); vehicle marks start with ZZ, company numbers
 * with ZS, emails use the reserved example.net/example.org, advert sites .example.
 */
import crypto from 'node:crypto';
import { ID_PREFIX, type EntityType, type LinkType } from '../../server/model/model.ts';
import type { PhoneForms } from '../../server/model/normalise.ts';
import type { Dataset, EntityInput, LinkInput, SourceRecordInput } from '../../server/modules/load/load.service.ts';
import { Random } from '../demo/random.ts';
import { NAMES, PARLOUR_FIRST, PARLOUR_KIND, PARLOUR_SECOND, TOWNS, type Town } from '../demo/places.ts';
import { SOURCE_SYSTEMS, type SourceCode } from '../demo/sources.ts';
import type { NetworkTruth } from '../demo/generate.ts';
import { LEGISLATION } from '../demo/scenario/offences.ts';
import { RISK_SOURCE } from '../demo/scenario/risk.ts';

export const SCALE_SEED = 20250915;
export const PEOPLE_PER_CELL = 50;
/** Cells per chunk handed to the loader: about 1,000 people, 17,000 rows. */
export const CELLS_PER_CHUNK = 20;

export interface ScaleVictim {
  personId: string;
  networkId: string;
  visitId: string;
  identifiedOn: string;
  referralIds: string[];
}

export interface ScaleTruth {
  networks: NetworkTruth[];
  potentialVictims: ScaleVictim[];
  duplicates: { personIds: string[]; differences: string }[];
  noise: { description: string; ids: string[] }[];
}

export interface ScaleChunk {
  /** Position of the chunk in the whole stream (0, 1, ...). */
  index: number;
  /** First and one-past-last cell of the chunk. */
  cells: [number, number];
  people: number;
  data: Dataset;
  truth: ScaleTruth;
}

export function cellCount(people: number): number {
  return Math.ceil(people / PEOPLE_PER_CELL);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const tagOf = (cell: number) => `s${pad(cell, 6)}`;

const day = (d: string, n: number): string => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};
const WINDOW_START = '2025-04-01';
const WINDOW_END = '2025-09-30';

const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';
const UNIT_LETTERS = 'CIKMOV';
const STREETS = ['Amberwick', 'Brackfold', 'Cornmere', 'Dapplecombe', 'Elderstead', 'Fallowhithe', 'Gorseley', 'Hazelthorne', 'Ivelwick', 'Kestlefold', 'Linnetmere', 'Marlcombe', 'Nettlestead', 'Orrinley', 'Pebblethorne', 'Quillwick', 'Rookmere', 'Sorrelley'];
const STREET_KINDS = ['Row', 'Lane', 'Yard', 'Parade', 'Mews', 'Walk', 'Close', 'Court', 'Terrace', 'Road'];
const SITES = ['citymassage-listings.example', 'thamesvalley-adults.example', 'pleasurepages.example'];

/** One cell's rows, with ids scoped to the cell. */
class Cell {
  readonly sources: SourceRecordInput[] = [];
  readonly entities: EntityInput[] = [];
  readonly links: LinkInput[] = [];
  readonly people: string[] = [];
  private readonly byId = new Map<string, EntityInput>();
  private readonly seq = new Map<string, number>();
  readonly tag: string;

  constructor(
    readonly rng: Random,
    readonly cell: number,
  ) {
    this.tag = tagOf(cell);
  }

  next(key: string): number {
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    return n;
  }

  date(from: string, to: string): string {
    const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
    return day(from, this.rng.int(0, Math.max(0, span)));
  }

  record(code: SourceCode, at: string, summary: string): string {
    const sys = SOURCE_SYSTEMS[code];
    let grading = sys.gradings[0]!.grading;
    if (sys.gradings.length > 1) {
      let r = this.rng.next() * sys.gradings.reduce((s, g) => s + g.weight, 0);
      for (const g of sys.gradings) {
        r -= g.weight;
        if (r < 0) {
          grading = g.grading;
          break;
        }
      }
    }
    const n = this.next(`src-${code}`);
    const id = `src-${code.toLowerCase()}-${this.tag}-${pad(n, 3)}`;
    const recordedAt = `${at}T${pad(this.rng.int(8, 18), 2)}:${pad(this.rng.int(0, 59), 2)}:00Z`;
    this.sources.push({ id, source: code, recordKey: `${code}-S-${this.tag}-${pad(n, 3)}`, file: sys.file, line: null, recordedAt, summary, ...grading });
    return id;
  }

  entity(type: EntityType, props: Record<string, unknown>, source: string): string {
    const id = `${ID_PREFIX[type]}-${this.tag}-${pad(this.next(type), 3)}`;
    const e: EntityInput = { type, id, props, sourceIds: [source] };
    this.entities.push(e);
    this.byId.set(id, e);
    if (type === 'PERSON') this.people.push(id);
    return id;
  }

  props(id: string): Record<string, unknown> {
    return this.byId.get(id)!.props;
  }

  cite(id: string, source: string): void {
    const e = this.byId.get(id);
    if (e && !e.sourceIds.includes(source)) e.sourceIds.push(source);
  }

  link(type: LinkType, from: string, to: string, source: string, extra: Omit<LinkInput, 'type' | 'id' | 'from' | 'to' | 'sourceIds'> = {}): string {
    const id = `link-${type.toLowerCase()}-${this.tag}-${pad(this.next(`link-${type}`), 3)}`;
    this.links.push({ type, id, from, to, sourceIds: [source], ...extra });
    return id;
  }
}

/** The generator's phone numbers: 04, then the cell (6 digits) and a sequence number (3 digits). */
const SCALE_PHONE = /^04\d{9}$/;

/**
 * The forms parsePhone gives the generator's own phone numbers, without a libphonenumber parse of
 * each (the bulk path shapes millions): the range has no national format, so the national form
 * is the ten digits after the 0, the country GB and the line type UNKNOWN. Undefined for any
 * other number, which is then parsed. generate.test.ts checks it against parsePhone.
 */
export function scalePhoneForms(written: string): PhoneForms | undefined {
  if (written.length !== 11 || !SCALE_PHONE.test(written)) return undefined;
  const national = written.slice(1);
  const e164 = `+44${national}`;
  return { e164, national, country: 'GB', lineType: 'UNKNOWN', searchForms: [e164, e164.slice(1), national] };
}

/** Ids of entities in earlier cells that a cell links to, computed without generating them. */
const bookingPhoneOf = (cell: number) => `phone-${tagOf(cell)}-001`;
const parlourOf = (cell: number) => `premises-${tagOf(cell)}-001`;
const operationOf = (cell: number) => `operation-${tagOf(cell - (cell % 2))}-001`;

/** Generates one cell of `people` people (PEOPLE_PER_CELL, or fewer for the last cell). */
export function generateCell(cell: number, people: number = PEOPLE_PER_CELL, seed: number = SCALE_SEED): { data: Dataset; truth: ScaleTruth } {
  const rng = new Random((seed ^ Math.imul(cell + 1, 0x9e3779b1)) >>> 0);
  const c = new Cell(rng, cell);
  const truth: ScaleTruth = { networks: [], potentialVictims: [], duplicates: [], noise: [] };
  const towns = rng.sample(TOWNS, 2);
  let phoneSeq = 0;

  const person = (nat: string, sex: 'F' | 'M', born: [number, number], src: string, extra: Record<string, unknown> = {}) => {
    const pool = NAMES[nat]!;
    const dob = `${rng.int(born[0], born[1])}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
    return c.entity('PERSON', { givenName: rng.pick(sex === 'F' ? pool.female : pool.male), familyName: rng.pick(pool.family), dateOfBirth: dob, gender: sex === 'F' ? 'FEMALE' : 'MALE', nationalities: [nat], ...extra }, src);
  };
  // The UK's 04 range is not allocated: 04 + cell (6 digits) + 3 digits, unique across cells.
  const phone = (src: string) => c.entity('PHONE', { number: `04${pad(cell, 6)}${pad(++phoneSeq, 3)}` }, src);
  const premises = (kind: string, t: Town, src: string, name: string | null = null, licenceStatus = 'NOT_REQUIRED') => {
    const round = (x: number) => Math.round(x * 100000) / 100000;
    return c.entity(
      'PREMISES',
      {
        name,
        kind,
        addressLine: `${rng.int(1, 140)} ${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)}`,
        town: t.name,
        postcode: `${rng.pick(t.districts)} ${rng.int(1, 9)}${rng.pick([...UNIT_LETTERS])}${rng.pick([...UNIT_LETTERS])}`,
        latitude: round(t.lat + (rng.next() - 0.5) * 0.03),
        longitude: round(t.lon + (rng.next() - 0.5) * 0.05),
        licenceStatus,
      },
      src,
    );
  };
  const organisation = (name: string, kind: string, src: string) => {
    const n = c.next('company');
    return c.entity('ORGANISATION', { name, kind, status: 'ACTIVE', companyNumber: kind === 'COMPANY' ? `ZS${pad(cell, 6)}${pad(n, 2)}` : null }, src);
  };
  const account = (src: string) => {
    const n = c.next('account');
    return c.entity('BANK_ACCOUNT', { sortCode: `99-${pad(10 + (cell % 80), 2)}-${pad(10 + n, 2)}`, accountNumber: `${pad(cell, 6)}${pad(n, 2)}`, bank: 'Fictional Bank plc' }, src);
  };
  const email = (local: string, domain: string, src: string) => c.entity('EMAIL', { address: `${local.toLowerCase().replace(/[^a-z]/g, '')}.${c.tag}${c.next('email')}@${domain}` }, src);
  const vehicle = (make: string, model: string, colour: string, src: string) => {
    // ZZ + two digits + three letters, a bijection of (cell, n): unique without a global set.
    const k = cell * 8 + c.next('vehicle');
    const letters = [Math.floor(k / 100) % 23, Math.floor(k / 2300) % 23, Math.floor(k / 52900) % 23].map((i) => LETTERS[i]).join('');
    return c.entity('VEHICLE', { vrm: `ZZ${pad(k % 100, 2)}${letters}`, make, model, colour }, src);
  };
  const called = (a: string, b: string, src: string) => {
    const count = rng.int(3, 60);
    c.link('CALLED', a, b, src, { count, weight: count, firstAt: `${c.date('2025-04-01', '2025-05-31')}T${pad(rng.int(7, 22), 2)}:10:00Z`, lastAt: `${c.date('2025-08-01', '2025-09-14')}T${pad(rng.int(7, 22), 2)}:40:00Z` });
  };
  const comms = () => c.record('COMMS', '2025-09-15', 'Billing return: call counts between numbers');
  const riskFactor = (p: string, kind: string) => {
    const recordedOn = c.date('2023-06-01', '2025-06-15');
    const src = c.record(RISK_SOURCE[kind]!, recordedOn, `Risk factor recorded: ${kind.toLowerCase().replace(/_/g, ' ')}`);
    const rf = c.entity('RISK_FACTOR', { kind, recordedOn, description: `Risk factor: ${kind.toLowerCase().replace(/_/g, ' ')}` }, src);
    c.link('HAS_RISK_FACTOR', p, rf, src, { validFrom: recordedOn });
  };
  const offence = (category: string, occurredOn: string, status: string, at: string | null, parties: { id: string; role: string }[]) => {
    const src = c.record('TVCR', occurredOn, `Crime recorded: ${category.toLowerCase().replace(/_/g, ' ')}`);
    const o = c.entity('OFFENCE', { category, legislation: LEGISLATION[category], occurredOn, status, reference: `43/S${pad(cell, 6)}${pad(c.next('crime'), 2)}/25` }, src);
    if (at) c.link('OCCURRED_AT', o, at, src);
    for (const p of parties) c.link('INVOLVED_IN', p.id, o, src, { role: p.role });
    return o;
  };

  // A cell too small for a network (the last cell of an odd N) holds only people on the register.
  const full = people >= PEOPLE_PER_CELL;
  const operation =
    full && cell % 2 === 0
      ? c.entity('OPERATION', { name: `Operation Scale ${pad(cell / 2 + 1, 5)}`, startDate: '2025-08-22', endDate: '2025-09-09', description: 'Synthetic week of action (scale data)', lead: 'Thames Valley Police' }, c.record('VISITS', '2025-08-20', 'Operation order'))
      : full
        ? operationOf(cell)
        : null;
  const visit = (premisesId: string, date: string, outcome: string) => {
    const record = c.record('VISITS', date, 'Visit record');
    const id = c.entity('VISIT', { visitedOn: date, outcome, agencies: ['Thames Valley Police', 'Immigration Enforcement'] }, record);
    c.link('INCLUDES_VISIT', operation!, id, record);
    c.link('VISIT_AT', id, premisesId, record, { validFrom: date });
    return { id, record, date };
  };

  const homes: string[] = [];
  if (full) {
    // ---- the planted network --------------------------------------------------------------
    const net: NetworkTruth = { id: `network-${c.tag}`, name: `Network ${c.tag}`, towns: towns.map((t) => t.name), premisesIds: [], controllerIds: [], driverIds: [], workerIds: [], nomineeDirectorIds: [], phoneIds: [], vehicleIds: [], advertIds: [], organisationIds: [], accountIds: [] };
    truth.networks.push(net);
    const parlours: string[] = [];
    for (let i = 0; i < 5; i++) {
      const licence = rng.pick(['LICENSED', 'UNLICENSED', 'EXPIRED', 'LICENSED']);
      const src = licence === 'UNLICENSED' ? c.record('INTEL', c.date('2025-02-01', '2025-04-30'), 'Massage premises operating without a licence') : c.record('LICENSING', c.date('2024-10-01', '2025-03-31'), 'Special treatment licence');
      parlours.push(premises('MASSAGE_PARLOUR', towns[i % 2]!, src, `${rng.pick(PARLOUR_FIRST)} ${rng.pick(PARLOUR_SECOND)} ${rng.pick(PARLOUR_KIND)} ${c.tag}-${i + 1}`, licence));
    }
    const hmo = premises('HMO', towns[0]!, c.record('INTEL', c.date('2025-03-01', '2025-05-31'), 'Address used to house workers'));
    const shortLet = premises('SHORT_LET', towns[1]!, c.record('ADMON', c.date('2025-05-01', '2025-07-31'), 'Advert location resolved to a short-let flat'));
    net.premisesIds.push(...parlours, hmo, shortLet);
    const booking = [0, 1].map(() => phone(c.record('ADMON', c.date('2025-04-01', '2025-04-30'), 'Number listed in adverts')));
    net.phoneIds.push(...booking);
    parlours.forEach((p, i) => c.link('PREMISES_PHONE', p, booking[i % 2]!, c.record('ADMON', c.date('2025-04-01', '2025-05-31'), 'Number given for premises'), { validFrom: WINDOW_START }));

    const nat = rng.pick(['ALB', 'ROU', 'CHN', 'VNM', 'GBR']);
    const intel = c.record('INTEL', c.date('2025-01-10', '2025-04-20'), 'Subject believed to control sex workers across several premises');
    const ctl = person(nat, 'M', [1972, 1990], intel, { suspect: true, pncId: `${rng.int(10, 19)}/${rng.int(1000000, 9999999)}${rng.pick(['A', 'B', 'C', 'D'])}`, riskScore: 0.5 });
    const partner = person(nat, 'F', [1975, 1992], intel, { suspect: true });
    c.link('ASSOCIATE_OF', ctl, partner, c.record('INTEL', c.date('2025-02-01', '2025-05-01'), 'Subjects are partners'), { role: 'PARTNER' });
    net.controllerIds.push(ctl, partner);
    const home = premises('RESIDENTIAL', towns[0]!, intel);
    c.link('LIVES_AT', ctl, home, intel, { validFrom: '2022-06-01' });
    c.link('LIVES_AT', partner, home, intel, { validFrom: '2022-06-01' });
    net.premisesIds.push(home);
    const own = phone(intel);
    net.phoneIds.push(own);
    c.link('USES_PHONE', ctl, own, intel, { validFrom: '2024-11-01' });
    c.link('USES_PHONE', ctl, booking[0]!, c.record('INTEL', c.date('2025-05-01', '2025-07-31'), 'Subject answers the booking number'));
    c.link('USES_PHONE', partner, booking[1]!, c.record('INTEL', c.date('2025-05-01', '2025-07-31'), 'Subject answers the booking number'));
    for (const p of parlours) c.link('OPERATES', ctl, p, c.record('INTEL', c.date('2025-02-01', '2025-06-15'), 'Subject seen collecting cash from premises'), { role: 'CONTROLLER', validFrom: '2025-01-01' });
    for (const b of booking) called(own, b, comms());
    c.cite(ctl, c.record('TVCR', c.date('2023-01-01', '2024-12-31'), 'Previous arrest: controlling prostitution for gain (NFA)'));
    c.cite(ctl, c.record('VRU', c.date('2025-06-02', '2025-06-20'), 'Risk profile reviewed'));
    const ctlEmail = email(String(c.props(ctl).givenName), 'example.net', intel);
    c.link('USES_EMAIL', ctl, ctlEmail, intel);
    const ctlAccount = account(intel);
    c.link('HOLDS_ACCOUNT', ctl, ctlAccount, intel);
    for (const k of ['ORGANISED_CRIME', rng.pick(['VIOLENCE', 'DRUGS', 'WEAPONS'])]) riskFactor(ctl, k);

    // Front company with a nominee director related to the controller.
    const co = c.record('COREG', c.date('2024-06-01', '2025-02-28'), 'Company extract: officers and registered office');
    const nominee = person(nat, 'F', [1950, 1970], co);
    net.nomineeDirectorIds.push(nominee);
    const org = organisation(`${rng.pick(PARLOUR_FIRST)} Wellness ${c.tag} Ltd`, 'COMPANY', co);
    net.organisationIds.push(org);
    c.link('DIRECTOR_OF', nominee, org, co, { validFrom: c.date('2023-01-01', '2024-12-31') });
    c.link('ASSOCIATE_OF', ctl, nominee, c.record('INTEL', c.date('2025-02-01', '2025-05-31'), 'Director is a relative of the subject'), { role: 'FAMILY' });
    for (const p of parlours.slice(0, 3)) c.link('OPERATES', org, p, co, { role: 'OPERATOR', validFrom: '2024-01-01' });
    c.link('USES_EMAIL', org, ctlEmail, c.record('COREG', c.date('2025-01-15', '2025-03-15'), 'Correspondence address on filings'));
    const shared = account(co);
    c.link('HOLDS_ACCOUNT', org, shared, co);
    const co2 = c.record('COREG', c.date('2024-06-01', '2025-02-28'), 'Company extract: officers and registered office');
    const org2 = organisation(`${rng.pick(PARLOUR_FIRST)} Leisure ${c.tag} Ltd`, 'COMPANY', co2);
    net.organisationIds.push(org2);
    c.link('DIRECTOR_OF', nominee, org2, co2, { validFrom: c.date('2023-01-01', '2024-12-31') });
    for (const p of parlours.slice(3)) c.link('OPERATES', org2, p, co2, { role: 'OPERATOR', validFrom: '2024-01-01' });
    const orgEmail = email('bookings', 'example.org', co2);
    c.link('USES_EMAIL', org2, orgEmail, co2);
    const acct2 = account(co2);
    c.link('HOLDS_ACCOUNT', org2, acct2, co2);
    net.accountIds.push(acct2);
    net.accountIds.push(ctlAccount, shared);

    // Driver and vehicles seen at the parlours.
    const dIntel = c.record('INTEL', c.date('2025-03-01', '2025-06-30'), 'Subject drives workers between premises');
    const driver = person(nat, 'M', [1985, 2000], dIntel, { suspect: true });
    net.driverIds.push(driver);
    c.link('ASSOCIATE_OF', driver, ctl, dIntel, { role: 'DRIVES_FOR' });
    const dPhone = phone(dIntel);
    net.phoneIds.push(dPhone);
    c.link('USES_PHONE', driver, dPhone, dIntel);
    called(own, dPhone, comms());
    for (const b of booking) called(dPhone, b, comms());
    riskFactor(driver, rng.pick(['DRUGS', 'VIOLENCE']));
    const hireSrc = c.record('COREG', c.date('2024-01-01', '2025-01-31'), 'Company extract: vehicle hire company');
    const hireFirm = organisation(`${rng.pick(STREETS)} Vehicle Hire ${c.tag} Ltd`, 'COMPANY', hireSrc);
    truth.noise.push({ description: 'A vehicle hire firm registered as keeper of a network vehicle', ids: [hireFirm] });
    for (let v = 0; v < 2; v++) {
      const dvla = c.record('ANPR', c.date('2025-03-01', '2025-05-31'), 'Keeper details');
      const veh = vehicle(rng.pick(['Ford', 'Vauxhall', 'Toyota']), rng.pick(['Galaxy', 'Zafira', 'Prius']), rng.pick(['Black', 'Silver', 'Grey']), dvla);
      net.vehicleIds.push(veh);
      c.link('KEEPER_OF', v === 0 ? hireFirm : driver, veh, dvla, { validFrom: '2024-09-01' });
      c.link('DRIVES', driver, veh, c.record('INTEL', c.date('2025-04-01', '2025-07-31'), 'Subject seen driving vehicle'));
      for (const p of rng.sample(parlours, 2)) {
        const first = c.date('2025-04-01', '2025-06-30');
        c.link('VEHICLE_SEEN_AT', veh, p, c.record('ANPR', first, 'Vehicle sighted near premises'), { validFrom: first, validTo: day(first, rng.int(5, 60)), weight: rng.int(3, 25) });
      }
    }

    // Workers rotating between the parlours, living in the HMO.
    const stays: { personId: string; premisesId: string; from: string; to: string }[] = [];
    for (let w = 0; w < 9; w++) {
      const start = c.date('2025-04-01', '2025-06-15');
      const wIntel = c.record('INTEL', day(start, rng.int(3, 15)), 'New worker seen at premises');
      const worker = person(rng.pick(['ROU', 'CHN', 'VNM', 'THA']), 'F', [1991, 2004], wIntel);
      net.workerIds.push(worker);
      let at = start;
      let prev = '';
      for (let s = 0; s < 6 && at < WINDOW_END; s++) {
        const p = rng.pick(parlours.filter((x) => x !== prev));
        const to = day(at, rng.int(10, 26));
        c.link('WORKS_AT', worker, p, s === 0 ? wIntel : c.record('INTEL', day(at, rng.int(2, 10)), 'Worker seen at different premises'), { validFrom: at, validTo: to });
        stays.push({ personId: worker, premisesId: p, from: at, to });
        prev = p;
        at = day(to, 1);
      }
      c.link('LIVES_AT', worker, hmo, c.record('INTEL', day(start, rng.int(5, 20)), 'Worker living at address'), { validFrom: start });
      if (rng.chance(0.55)) {
        const ph = phone(wIntel);
        c.link('USES_PHONE', worker, ph, wIntel, { validFrom: start });
        called(own, ph, comms());
      }
      if (rng.chance(0.4)) c.link('ASSOCIATE_OF', ctl, worker, c.record('INTEL', day(start, rng.int(10, 40)), 'Subject controls the worker’s movements and money'), { role: 'CONTROLS' });
      if (w < 3) c.link('HOLDS_ACCOUNT', worker, shared, co);
    }
    // Adverts for the parlours and the short let, listing the booking phones.
    for (const [i, p] of [...parlours, shortLet].entries()) {
      for (let a = 0; a < (p === shortLet ? 1 : 3); a++) {
        const postedOn = c.date('2025-04-15', '2025-09-20');
        const src = c.record('ADMON', postedOn, 'Advert captured');
        const site = rng.pick(SITES);
        const ad = c.entity('ADVERT', { site, title: `${rng.pick(['New girls this week', 'Relaxing full body massage', 'Open late, discreet parking'])} – ${String(c.props(p).town)}`, postedOn, contentHash: crypto.createHash('sha256').update(`scale|${c.tag}|${i}|${a}`).digest('hex'), obscuredNumber: rng.chance(0.25) }, src);
        net.advertIds.push(ad);
        c.link('ADVERT_LISTS_PHONE', ad, booking[(i + a) % 2]!, src);
        c.link('ADVERT_LOCATED_AT', ad, p, src);
        const there = stays.filter((s) => s.premisesId === p && s.from <= postedOn && s.to >= postedOn);
        for (const s of rng.sample(there.length ? there : stays.slice(0, 2), rng.int(1, 2))) c.link('ADVERT_FEATURES', ad, s.personId, src);
      }
    }
    // Offences established against the network.
    offence('CONTROLLING_PROSTITUTION', c.date('2025-06-01', '2025-09-09'), 'UNDER_INVESTIGATION', parlours[0]!, [{ id: ctl, role: 'SUSPECT' }, { id: partner, role: 'SUSPECT' }]);
    offence('TRAFFICKING', c.date('2025-06-01', '2025-09-09'), 'UNDER_INVESTIGATION', hmo, [{ id: ctl, role: 'SUSPECT' }, { id: driver, role: 'SUSPECT' }, ...net.workerIds.slice(0, 2).map((id) => ({ id, role: 'VICTIM' }))]);
    offence('IMMIGRATION', c.date('2025-08-22', '2025-09-09'), 'CHARGED', parlours[1]!, [{ id: ctl, role: 'SUSPECT' }]);

    // Visits of the operation: each parlour twice, the HMO once; workers there are encountered,
    // and two are identified as potential victims, with referrals.
    const augDays = Array.from({ length: 19 }, (_, i) => day('2025-08-22', i));
    let identified = 0;
    for (const p of [...parlours, ...parlours, hmo]) {
      const date = rng.pick(augDays);
      const present = p === hmo ? net.workerIds.slice(0, 3) : stays.filter((s) => s.premisesId === p && s.from <= date && s.to >= date).map((s) => s.personId);
      const pv = identified < 4 && present.length > 0 && p !== hmo;
      const v = visit(p, date, pv ? 'SAFEGUARDING' : rng.pick(['CONCERNS_RAISED', 'NO_CONCERNS', 'NO_ACCESS']));
      for (const [k, who] of [...new Set(present)].entries()) {
        const victim = pv && k === 0;
        c.link('ENCOUNTERED', v.id, who, v.record, { role: victim ? 'POTENTIAL_VICTIM' : 'WORKER', validFrom: date });
        if (victim) {
          identified += 1;
          c.props(who).potentialVictim = true;
          c.props(who).safeguarded = true;
          const referralIds = ['NRM', 'VICTIMS_FIRST', ...(identified === 1 ? ['SAFEGUARDING'] : [])].map((kind) => {
            const src = c.record('SAFE', day(date, rng.int(0, 3)), `${kind.replace(/_/g, ' ')} referral made`);
            const r = c.entity('REFERRAL', { kind, referredOn: day(date, 1), outcome: 'PENDING' }, src);
            c.link('REFERRAL_FOR', r, who, src);
            c.cite(who, src);
            return r;
          });
          truth.potentialVictims.push({ personId: who, networkId: net.id, visitId: v.id, identifiedOn: date, referralIds });
        }
      }
    }

    // ---- legitimate businesses (noise) ----------------------------------------------------
    const landlordSrc = c.record('COREG', c.date('2024-01-01', '2025-01-31'), 'Company extract: property company');
    const landlord = organisation(`${rng.pick(STREETS)} Property ${c.tag} Ltd`, 'COMPANY', landlordSrc);
    for (const p of rng.sample(parlours, 2)) c.link('OPERATES', landlord, p, landlordSrc, { role: 'LANDLORD', validFrom: '2023-01-01' });
    for (const [i, kind] of ['MASSAGE_PARLOUR', 'NAIL_BAR', 'NAIL_BAR', 'CAR_WASH', 'BUSINESS', 'MASSAGE_PARLOUR'].entries()) {
      const lic = c.record('LICENSING', c.date('2024-06-01', '2025-03-31'), 'Premises licence');
      const t = towns[i % 2]!;
      const name = `${rng.pick(STREETS)} ${kind === 'NAIL_BAR' ? 'Nails' : kind === 'CAR_WASH' ? 'Hand Car Wash' : kind === 'BUSINESS' ? 'Convenience Store' : 'Therapies'} ${c.tag}-${i + 1}`;
      const p = premises(kind, t, lic, name, kind === 'MASSAGE_PARLOUR' ? 'LICENSED' : 'NOT_REQUIRED');
      const coSrc = c.record('COREG', c.date('2015-01-01', '2025-01-31'), 'Company extract');
      const o = organisation(`${name} Ltd`, i === 4 ? 'SOLE_TRADER' : 'COMPANY', coSrc);
      const owner = person(rng.pick(['GBR', 'IND', 'POL', 'VNM']), rng.chance(0.5) ? 'F' : 'M', [1960, 1995], coSrc);
      c.link('DIRECTOR_OF', owner, o, coSrc, { validFrom: c.date('2015-01-01', '2024-06-30') });
      c.link('OPERATES', o, p, coSrc, { role: 'OPERATOR', validFrom: '2024-01-01' });
      const ph = phone(lic);
      c.link('PREMISES_PHONE', p, ph, lic);
      c.link('USES_PHONE', o, ph, lic);
      c.link('WORKS_AT', owner, p, coSrc, { validFrom: '2024-01-01' });
      if (i === 0) {
        const e = email('info', 'example.org', coSrc);
        c.link('USES_EMAIL', o, e, coSrc);
        c.link('HOLDS_ACCOUNT', o, account(coSrc), coSrc);
      }
      const staff = person(rng.pick(['GBR', 'POL', 'VNM', 'BRA', 'ROU']), rng.chance(0.6) ? 'F' : 'M', [1980, 2004], lic);
      c.link('WORKS_AT', staff, p, lic, { validFrom: c.date('2024-06-01', '2025-03-31') });
      if (i < 2) c.link('OPERATES', landlord, p, landlordSrc, { role: 'LANDLORD', validFrom: '2022-01-01' });
      if (kind === 'MASSAGE_PARLOUR') {
        const postedOn = c.date('2024-09-01', '2025-06-30');
        const src = c.record('ADMON', postedOn, 'Advert captured');
        const ad = c.entity('ADVERT', { site: 'localservices-directory.example', title: `${name}: therapeutic massage`, postedOn, contentHash: crypto.createHash('sha256').update(`scale-legit|${c.tag}|${i}`).digest('hex'), obscuredNumber: false }, src);
        c.link('ADVERT_LISTS_PHONE', ad, ph, src);
        c.link('ADVERT_LOCATED_AT', ad, p, src);
      }
      const v = visit(p, rng.pick(augDays), i === 3 ? 'ARRESTS' : 'NO_CONCERNS');
      c.link('ENCOUNTERED', v.id, owner, v.record, { role: 'MANAGER', validFrom: v.date });
      c.link('ENCOUNTERED', v.id, staff, v.record, { role: 'WORKER', validFrom: v.date });
      if (i === 3) offence('IMMIGRATION', v.date, 'CHARGED', p, [{ id: owner, role: 'SUSPECT' }, { id: staff, role: 'VICTIM' }]);
    }
    truth.noise.push({ description: 'A property company that is landlord to network parlours and to legitimate businesses', ids: [landlord] });

    // Cross-cell noise: a customer calling booking phones of this network and the previous one;
    // a taxi seen at parlours of both.
    const custSrc = comms();
    let customer = '';
    let custPhone = '';
    for (let k = 0; k < 3; k++) {
      customer = person('GBR', 'M', [1960, 2000], custSrc);
      custPhone = phone(custSrc);
      c.link('USES_PHONE', customer, custPhone, custSrc);
      called(custPhone, booking[k % 2]!, custSrc);
      called(custPhone, booking[(k + 1) % 2]!, custSrc);
    }
    const taxiSrc = c.record('ANPR', c.date('2025-04-01', '2025-08-31'), 'Vehicle sighted near premises');
    const taxi = vehicle('Skoda', 'Octavia', 'Silver', taxiSrc);
    c.link('VEHICLE_SEEN_AT', taxi, parlours[2]!, taxiSrc, { weight: 1 });
    if (cell > 0) {
      called(custPhone, bookingPhoneOf(cell - 1), custSrc);
      c.link('VEHICLE_SEEN_AT', taxi, parlourOf(cell - 1), taxiSrc, { weight: 1 });
      truth.noise.push({ description: 'A customer calling booking phones of two networks; a taxi seen at parlours of two networks', ids: [customer, custPhone, taxi, bookingPhoneOf(cell - 1), parlourOf(cell - 1)] });
    }
  }

  // ---- people on the risk register fill the cell ----------------------------------------
  const register: string[] = [];
  const registerPhones: string[] = [];
  const remaining = people - c.people.length - (full ? 1 : 0);
  for (let i = 0; i < remaining; i++) {
    const vru = c.record('VRU', c.date('2025-06-02', '2025-06-20'), 'Risk profile reviewed');
    const combination = i % 7 < 3;
    const p = person(rng.pick(['GBR', 'GBR', 'GBR', 'POL', 'ALB', 'NGA', 'ROU']), rng.chance(0.75) ? 'M' : 'F', [1975, 2006], vru, combination ? { riskScore: 0.75 } : {});
    register.push(p);
    const kinds = combination ? rng.sample(['ORGANISED_CRIME', 'DRUGS', 'VIOLENCE', 'WEAPONS', 'MULTI_AGENCY_PLAN', 'EXPLOITATION', 'MISSING_EPISODES'], rng.int(2, 3)) : [rng.pick(['DRUGS', 'VIOLENCE', 'MISSING_EPISODES'])];
    for (const k of kinds) riskFactor(p, k);
    if (homes.length === 0 || rng.chance(0.9)) homes.push(premises(rng.chance(0.8) ? 'RESIDENTIAL' : 'HMO', rng.pick(towns), vru));
    c.link('LIVES_AT', p, homes[homes.length - 1]!, vru, { validFrom: c.date('2019-01-01', '2024-12-31') });
    c.cite(p, c.record('INTEL', c.date('2024-01-01', '2025-06-30'), 'Subject mentioned in intelligence report'));
    if (rng.chance(0.85)) {
      const ph = phone(vru);
      c.link('USES_PHONE', p, ph, vru);
      if (registerPhones.length > 0 && rng.chance(0.6)) called(ph, rng.pick(registerPhones), comms());
      registerPhones.push(ph);
    }
    if (i > 0 && rng.chance(0.4)) c.link('ASSOCIATE_OF', p, rng.pick(register.slice(0, -1)), c.record('INTEL', c.date('2024-06-01', '2025-06-01'), 'Subjects seen together'), { role: rng.pick(['ASSOCIATE', 'FAMILY']) });
    if (i % 3 === 0) {
      const category = rng.pick(['DRUG_SUPPLY', 'VIOLENCE', 'WEAPONS']);
      offence(category, c.date('2023-01-01', '2025-06-30'), rng.pick(['CONVICTED', 'NFA', 'CHARGED']), rng.chance(0.5) ? homes[homes.length - 1]! : null, [{ id: p, role: 'SUSPECT' }]);
    }
    if (full && i < 3) {
      const v = visit(homes[homes.length - 1]!, '2025-08-25', 'NO_CONCERNS');
      c.link('ENCOUNTERED', v.id, p, v.record, { role: 'OCCUPANT', validFrom: '2025-08-25' });
    }
  }
  // One person recorded twice, by two systems, with the name order swapped.
  if (full) {
    const original = register[0]!;
    const o = c.props(original);
    const src = c.record('TVCR', c.date('2024-01-01', '2025-05-31'), 'Person recorded with name order swapped');
    const dup = c.entity('PERSON', { ...o, givenName: o.familyName, familyName: o.givenName, riskScore: null }, src);
    c.people.push(dup);
    c.link('LIVES_AT', dup, homes[0]!, src);
    truth.duplicates.push({ personIds: [original, dup], differences: 'given and family names swapped' });
  }
  return { data: { sources: c.sources, entities: c.entities, links: c.links }, truth };
}

export interface ScaleOptions {
  people: number;
  seed?: number;
  /** Cells per chunk: bounds what is held at once. */
  cellsPerChunk?: number;
  /** Only the chunks whose index % parts === part (default: all), for writers working in parallel. */
  part?: number;
  parts?: number;
}

/**
 * The scale graph as a stream of chunks of whole cells, in cell order; a chunk is made only when
 * the caller asks for it, so at most one chunk is held at a time.
 */
export async function* generateScale(o: ScaleOptions): AsyncGenerator<ScaleChunk> {
  const seed = o.seed ?? SCALE_SEED;
  const per = o.cellsPerChunk ?? CELLS_PER_CHUNK;
  const cells = cellCount(o.people);
  const parts = o.parts ?? 1;
  const part = o.part ?? 0;
  for (let first = 0, index = 0; first < cells; first += per, index++) {
    if (index % parts !== part) continue;
    const last = Math.min(cells, first + per);
    const chunk: ScaleChunk = { index, cells: [first, last], people: 0, data: { sources: [], entities: [], links: [] }, truth: { networks: [], potentialVictims: [], duplicates: [], noise: [] } };
    for (let cell = first; cell < last; cell++) {
      const people = Math.min(PEOPLE_PER_CELL, o.people - cell * PEOPLE_PER_CELL);
      const g = generateCell(cell, people, seed);
      chunk.people += people;
      chunk.data.sources.push(...g.data.sources);
      chunk.data.entities.push(...g.data.entities);
      chunk.data.links.push(...g.data.links);
      chunk.truth.networks.push(...g.truth.networks);
      chunk.truth.potentialVictims.push(...g.truth.potentialVictims);
      chunk.truth.duplicates.push(...g.truth.duplicates);
      chunk.truth.noise.push(...g.truth.noise);
    }
    yield chunk;
  }
}
