/**
 * What every phase of the demo scenario shares: the random stream, the builder of records,
 * entities and links, the fictional places, and the helpers that make one person, phone,
 * premises, organisation or account. The phases (networks.ts, premises.ts, risk.ts,
 * operations.ts, duplicates.ts) draw from the one stream in a fixed order, so the demo is the
 * same on every run.
 */
import crypto from 'node:crypto';
import { Builder } from '../builder.ts';
import { NAMES, PARLOUR_FIRST, PARLOUR_KIND, PARLOUR_SECOND, Places, type Town } from '../places.ts';
import { Random } from '../../../server/kernel/random.ts';
import type { NoiseTruth } from './truth.ts';

// ---- dates ---------------------------------------------------------------------------------

export const day = (d: string, n: number): string => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const isWeekday = (d: string) => {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6;
};
export const weekdays = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = day(d, 1)) if (isWeekday(d)) out.push(d);
  return out;
};

export function hash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export const WINDOW_START = '2025-04-01';
export const WINDOW_END = '2025-09-30';

/** A spell of work or residence; written as a dated link once the operations have cut it short. */
export interface Stay {
  kind: 'WORKS_AT' | 'LIVES_AT';
  personId: string;
  premisesId: string;
  from: string;
  to: string;
  source: string;
  extraSources: string[];
}

export class Scene {
  readonly rng: Random;
  readonly b: Builder;
  readonly places: Places;
  readonly stays: Stay[] = [];
  readonly noise: NoiseTruth[] = [];
  private readonly usedVrms = new Set<string>();
  private readonly usedNames = new Set<string>();
  private readonly usedBusinessNames = new Set<string>();
  private companySeq = 4100;
  private accountSeq = 0;

  constructor(seed: number) {
    this.rng = new Random(seed);
    this.b = new Builder(this.rng);
    this.places = new Places(this.rng);
  }

  randomDate(from: string, to: string): string {
    return day(from, this.rng.int(0, Math.max(0, daysBetween(from, to))));
  }

  person(nat: string, sex: 'F' | 'M', born: [number, number], src: string, extra: Record<string, unknown> = {}): string {
    const { rng } = this;
    const pool = NAMES[nat]!;
    let givenName = '';
    let familyName = '';
    for (let tries = 0; tries < 50; tries++) {
      givenName = rng.pick(sex === 'F' ? pool.female : pool.male);
      familyName = rng.pick(pool.family);
      if (!this.usedNames.has(`${givenName} ${familyName}`)) break;
    }
    this.usedNames.add(`${givenName} ${familyName}`);
    const dob = `${rng.int(born[0], born[1])}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    return this.b.entity(
      'PERSON',
      { givenName, familyName, dateOfBirth: dob, gender: sex === 'F' ? 'FEMALE' : 'MALE', nationalities: [nat], ...extra },
      src,
    );
  }

  phone(src: string, fixed = false): string {
    return this.b.entity('PHONE', { number: fixed ? this.places.fixedLine() : this.places.mobile() }, src);
  }

  premises(kind: string, t: Town, src: string, o: { name?: string | null; unit?: string; licenceStatus?: string } = {}): string {
    const { places } = this;
    return this.b.entity(
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
  }

  vehicleRegistration(): string {
    return this.places.vrm(this.usedVrms);
  }

  /** A business name not used before, from `make`. */
  uniqueName(make: () => string): string {
    for (;;) {
      const n = make();
      if (!this.usedBusinessNames.has(n)) {
        this.usedBusinessNames.add(n);
        return n;
      }
    }
  }

  parlourName(): string {
    return this.uniqueName(() => `${this.rng.pick(PARLOUR_FIRST)} ${this.rng.pick(PARLOUR_SECOND)} ${this.rng.pick(PARLOUR_KIND)}`);
  }

  organisation(name: string, kind: string, src: string, status = 'ACTIVE'): string {
    return this.b.entity('ORGANISATION', { name, kind, status, companyNumber: kind === 'COMPANY' ? `ZD${String(++this.companySeq).padStart(6, '0')}` : null }, src);
  }

  account(src: string): string {
    const n = ++this.accountSeq;
    return this.b.entity('BANK_ACCOUNT', { sortCode: `99-${String(10 + (n % 80)).padStart(2, '0')}-${String(10 + ((n * 7) % 89)).padStart(2, '0')}`, accountNumber: String(40000000 + n * 7919), bank: 'Fictional Bank plc' }, src);
  }

  called(a: string, c: string, count: number, first: string, last: string, src: string): string {
    const { rng } = this;
    return this.b.link('CALLED', a, c, src, { count, weight: count, firstAt: `${first}T${String(rng.int(7, 22)).padStart(2, '0')}:${String(rng.int(10, 59))}:00Z`, lastAt: `${last}T${String(rng.int(7, 22)).padStart(2, '0')}:${String(rng.int(10, 59))}:00Z` });
  }

  commsRecord(): string {
    return this.b.record('COMMS', '2025-09-15T11:00:00Z', 'Billing return: call counts between numbers, 1 April to 14 September 2025');
  }
}
