/**
 * One cell of the scale graph being built: its rows, ids scoped to the cell (`<prefix>-s<cell>-<n>`),
 * its seeded generator, and the builders of the entities and links every phase of a cell uses.
 * Every random draw goes through `rng` in call order, so the phases must keep their order
 * (generate.ts) for a cell to come out the same.
 */
import { ID_PREFIX, type EntityType, type LinkType } from '../../../server/model/model.ts';
import type {
  EntityInput,
  LinkInput,
  SourceRecordInput,
} from '../../../server/modules/load/load.service.ts';
import { NAMES, type Town } from '../../demo/places.ts';
import { gradingAt, SOURCE_SYSTEMS, type SourceCode } from '../../demo/sources.ts';
import { LEGISLATION } from '../../demo/scenario/offences.ts';
import { RISK_SOURCE } from '../../demo/scenario/risk.ts';
import type { Random } from '../../../server/kernel/random.ts';

export const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const tagOf = (cell: number) => `s${pad(cell, 6)}`;

/** The date `n` days after `d` (ISO dates). */
export const day = (d: string, n: number): string => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};

/** The days of the operations' weeks of action. */
export const AUG_DAYS = Array.from({ length: 19 }, (_, i) => day('2025-08-22', i));

export const STREETS = [
  'Amberwick',
  'Brackfold',
  'Cornmere',
  'Dapplecombe',
  'Elderstead',
  'Fallowhithe',
  'Gorseley',
  'Hazelthorne',
  'Ivelwick',
  'Kestlefold',
  'Linnetmere',
  'Marlcombe',
  'Nettlestead',
  'Orrinley',
  'Pebblethorne',
  'Quillwick',
  'Rookmere',
  'Sorrelley',
];
const STREET_KINDS = [
  'Row',
  'Lane',
  'Yard',
  'Parade',
  'Mews',
  'Walk',
  'Close',
  'Court',
  'Terrace',
  'Road',
];
const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';
const UNIT_LETTERS = 'CIKMOV';

/** Ids of entities in earlier cells that a cell links to, computed without generating them. */
export const bookingPhoneOf = (cell: number) => `phone-${tagOf(cell)}-001`;
export const parlourOf = (cell: number) => `premises-${tagOf(cell)}-001`;
export const operationOf = (cell: number) => `operation-${tagOf(cell - (cell % 2))}-001`;

type LinkExtra = Omit<LinkInput, 'type' | 'id' | 'from' | 'to' | 'sourceIds'>;

export class Cell {
  readonly sources: SourceRecordInput[] = [];
  readonly entities: EntityInput[] = [];
  readonly links: LinkInput[] = [];
  readonly people: string[] = [];
  private readonly byId = new Map<string, EntityInput>();
  private readonly seq = new Map<string, number>();
  private phoneSeq = 0;
  readonly tag: string;
  /** The operation whose visits this cell's premises receive (set once the cell has one). */
  operation: string | null = null;

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
    const span = Math.round(
      (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000,
    );
    return day(from, this.rng.int(0, Math.max(0, span)));
  }

  record(code: SourceCode, at: string, summary: string): string {
    const sys = SOURCE_SYSTEMS[code];
    const grading =
      sys.gradings.length > 1 ? gradingAt(sys, this.rng.next()) : sys.gradings[0]!.grading;
    const n = this.next(`src-${code}`);
    const id = `src-${code.toLowerCase()}-${this.tag}-${pad(n, 3)}`;
    const recordedAt = `${at}T${pad(this.rng.int(8, 18), 2)}:${pad(this.rng.int(0, 59), 2)}:00Z`;
    this.sources.push({
      id,
      source: code,
      recordKey: `${code}-S-${this.tag}-${pad(n, 3)}`,
      file: sys.file,
      line: null,
      recordedAt,
      summary,
      ...grading,
    });
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

  link(type: LinkType, from: string, to: string, source: string, extra: LinkExtra = {}): string {
    const id = `link-${type.toLowerCase()}-${this.tag}-${pad(this.next(`link-${type}`), 3)}`;
    this.links.push({ type, id, from, to, sourceIds: [source], ...extra });
    return id;
  }

  // ---- builders ------------------------------------------------------------------------------

  person(
    nat: string,
    sex: 'F' | 'M',
    born: [number, number],
    src: string,
    extra: Record<string, unknown> = {},
  ): string {
    const pool = NAMES[nat]!;
    const rng = this.rng;
    const dob = `${rng.int(born[0], born[1])}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
    return this.entity(
      'PERSON',
      {
        givenName: rng.pick(sex === 'F' ? pool.female : pool.male),
        familyName: rng.pick(pool.family),
        dateOfBirth: dob,
        gender: sex === 'F' ? 'FEMALE' : 'MALE',
        nationalities: [nat],
        ...extra,
      },
      src,
    );
  }

  /** The UK's 04 range is not allocated: 04 + cell (6 digits) + 3 digits, unique across cells. */
  phone(src: string): string {
    return this.entity(
      'PHONE',
      { number: `04${pad(this.cell, 6)}${pad(++this.phoneSeq, 3)}` },
      src,
    );
  }

  premises(
    kind: string,
    t: Town,
    src: string,
    name: string | null = null,
    licenceStatus = 'NOT_REQUIRED',
  ): string {
    const rng = this.rng;
    const round = (x: number) => Math.round(x * 100000) / 100000;
    return this.entity(
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
  }

  organisation(name: string, kind: string, src: string): string {
    const n = this.next('company');
    return this.entity(
      'ORGANISATION',
      {
        name,
        kind,
        status: 'ACTIVE',
        companyNumber: kind === 'COMPANY' ? `ZS${pad(this.cell, 6)}${pad(n, 2)}` : null,
      },
      src,
    );
  }

  account(src: string): string {
    const n = this.next('account');
    return this.entity(
      'BANK_ACCOUNT',
      {
        sortCode: `99-${pad(10 + (this.cell % 80), 2)}-${pad(10 + n, 2)}`,
        accountNumber: `${pad(this.cell, 6)}${pad(n, 2)}`,
        bank: 'Fictional Bank plc',
      },
      src,
    );
  }

  email(local: string, domain: string, src: string): string {
    return this.entity(
      'EMAIL',
      {
        address: `${local.toLowerCase().replace(/[^a-z]/g, '')}.${this.tag}${this.next('email')}@${domain}`,
      },
      src,
    );
  }

  vehicle(make: string, model: string, colour: string, src: string): string {
    // ZZ + two digits + three letters, a bijection of (cell, n): unique without a global set.
    const k = this.cell * 8 + this.next('vehicle');
    const letters = [
      Math.floor(k / 100) % 23,
      Math.floor(k / 2300) % 23,
      Math.floor(k / 52900) % 23,
    ]
      .map((i) => LETTERS[i])
      .join('');
    return this.entity(
      'VEHICLE',
      { vrm: `ZZ${pad(k % 100, 2)}${letters}`, make, model, colour },
      src,
    );
  }

  called(a: string, b: string, src: string): void {
    const rng = this.rng;
    const count = rng.int(3, 60);
    this.link('CALLED', a, b, src, {
      count,
      weight: count,
      firstAt: `${this.date('2025-04-01', '2025-05-31')}T${pad(rng.int(7, 22), 2)}:10:00Z`,
      lastAt: `${this.date('2025-08-01', '2025-09-14')}T${pad(rng.int(7, 22), 2)}:40:00Z`,
    });
  }

  /** A billing return: the source of call counts. */
  comms(): string {
    return this.record('COMMS', '2025-09-15', 'Billing return: call counts between numbers');
  }

  riskFactor(p: string, kind: string): void {
    const recordedOn = this.date('2023-06-01', '2025-06-15');
    const src = this.record(
      RISK_SOURCE[kind]!,
      recordedOn,
      `Risk factor recorded: ${kind.toLowerCase().replace(/_/g, ' ')}`,
    );
    const rf = this.entity(
      'RISK_FACTOR',
      { kind, recordedOn, description: `Risk factor: ${kind.toLowerCase().replace(/_/g, ' ')}` },
      src,
    );
    this.link('HAS_RISK_FACTOR', p, rf, src, { validFrom: recordedOn });
  }

  offence(
    category: string,
    occurredOn: string,
    status: string,
    at: string | null,
    parties: { id: string; role: string }[],
  ): string {
    const src = this.record(
      'TVCR',
      occurredOn,
      `Crime recorded: ${category.toLowerCase().replace(/_/g, ' ')}`,
    );
    const o = this.entity(
      'OFFENCE',
      {
        category,
        legislation: LEGISLATION[category],
        occurredOn,
        status,
        reference: `43/S${pad(this.cell, 6)}${pad(this.next('crime'), 2)}/25`,
      },
      src,
    );
    if (at) this.link('OCCURRED_AT', o, at, src);
    for (const p of parties) this.link('INVOLVED_IN', p.id, o, src, { role: p.role });
    return o;
  }

  /** A visit of the cell's operation to premises, with its record. */
  visit(
    premisesId: string,
    date: string,
    outcome: string,
  ): { id: string; record: string; date: string } {
    const record = this.record('VISITS', date, 'Visit record');
    const id = this.entity(
      'VISIT',
      { visitedOn: date, outcome, agencies: ['Thames Valley Police', 'Immigration Enforcement'] },
      record,
    );
    this.link('INCLUDES_VISIT', this.operation!, id, record);
    this.link('VISIT_AT', id, premisesId, record, { validFrom: date });
    return { id, record, date };
  }
}
