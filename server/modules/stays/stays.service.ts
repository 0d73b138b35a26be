/** Stays and circuits over what the caller may see (docs/analytics.md#circuits). */
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { toEntity, toGrading, toGraphNode, type EntityOut, type GraphNodeOut } from '../entity/index.ts';
import { findCircuits, type StayFact } from './circuits.ts';
import { stayPeople, stayRows, type StayRow } from './stays.repository.ts';

export const MAX_IDS = 1000;
/** Stays one occupancy read may return. */
export const MAX_STAYS = 20_000;
/**
 * Stays a circuits query may weigh: pairing people into groups compares every two circuits, so
 * its time grows with the square of this (5000 stays of 1250 people: 0.7 s of one core, under load). A
 * query reaching more is refused, naming the number, rather than holding the server.
 */
export const MAX_CIRCUIT_STAYS = 5_000;

export interface StayOut extends StayFact {
  type: string;
  validFrom: string;
  validTo: string | null;
  /** When the stay was recorded (ISO), null when not known. */
  recordedAt: string | null;
  personEntity: EntityOut;
  premisesEntity: EntityOut;
  personRow: Record<string, unknown>;
  premisesRow: Record<string, unknown>;
  grading: ReturnType<typeof toGrading>;
}

const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).slice(0, 10));

function checkIds(ids: readonly string[]): string[] {
  if (ids.length === 0 || ids.length > MAX_IDS) throw badInput('ids', `give 1 to ${MAX_IDS} ids (got ${ids.length}).`);
  const bad = ids.findIndex((id) => id.length === 0 || id.length > 200);
  if (bad >= 0) throw badInput(`ids[${bad}]`, 'an id has 1 to 200 characters.');
  return [...new Set(ids)];
}

function checkRange(from?: string | null, to?: string | null): void {
  if (from && to && from > to) throw badInput('from', `${from} is after to (${to}).`);
}

function toStay(r: StayRow): StayOut {
  const person = toEntity(r.person), premises = toEntity(r.premises);
  const validFrom = day(r.link.validFrom)!;
  return { id: String(r.link.id), type: String(r.link.type), person: person.id, premises: premises.id, from: validFrom, to: day(r.link.validTo), validFrom, validTo: day(r.link.validTo), recordedAt: r.link.recordedAt == null ? null : String(r.link.recordedAt), personEntity: person, premisesEntity: premises, personRow: r.person, premisesRow: r.premises, grading: toGrading(r.link) };
}

const within = (from?: string | null, to?: string | null, asKnownOn?: string | null) => (s: Pick<StayOut, 'from' | 'to' | 'recordedAt'>) =>
  (!from || s.to === null || s.to >= from) && (!to || s.from <= to) && (!asKnownOn || s.recordedAt === null || s.recordedAt.slice(0, 10) <= asKnownOn);

/** The GraphQL shape of a stay: its ends as entities. */
const shown = (s: StayOut) => ({ id: s.id, type: s.type, person: s.personEntity, premises: s.premisesEntity, validFrom: s.validFrom, validTo: s.validTo, recordedAt: s.recordedAt, grading: s.grading });

/** The stays read, refused when there are more than `max` (one more is read to tell). */
async function boundedRows(ctx: Context, ids: string[], max: number, what: string, types?: readonly string[]): Promise<StayRow[]> {
  const rows = await stayRows(ctx.gateway, ids, max + 1, types);
  if (rows.length > max) throw badInput('ids', `${what} reach more than ${max} stays: give fewer ids.`);
  return rows;
}

export async function readStays(ctx: Context, ids: readonly string[], from?: string | null, to?: string | null, types?: readonly string[], asKnownOn?: string | null, max = MAX_STAYS): Promise<StayOut[]> {
  return (await boundedRows(ctx, checkIds(ids), max, 'the people and premises given', types)).map(toStay).filter(within(from, to, asKnownOn));
}

/**
 * The stays of the ids; with `followPeople`, every stay of the people in them instead (a worker
 * found at a premises given is followed to her other premises), in one request rather than two
 * from the browser. Both reads are bounded as one read is: 1000 people, 20,000 stays.
 */
export async function stays(ctx: Context, args: { ids: readonly string[]; from?: string | null; to?: string | null; asKnownOn?: string | null; followPeople?: boolean | null }) {
  checkRange(args.from, args.to);
  if (!args.followPeople) return (await readStays(ctx, args.ids, args.from, args.to, undefined, args.asKnownOn)).map(shown);
  // Whom to follow: the people of the stays of the ids (their dates only, not the entities).
  const ids = checkIds(args.ids);
  const found = await stayPeople(ctx.gateway, ids, MAX_STAYS + 1);
  if (found.length > MAX_STAYS) throw badInput('ids', `the people and premises given reach more than ${MAX_STAYS} stays: give fewer ids.`);
  const keep = within(args.from, args.to, args.asKnownOn);
  const people = [...new Set(found.filter((s) => keep({ from: day(s.validFrom)!, to: day(s.validTo), recordedAt: s.recordedAt == null ? null : String(s.recordedAt) })).map((s) => s.person))];
  if (people.length > MAX_IDS) throw badInput('ids', `the people and premises given reach ${people.length} people, more than ${MAX_IDS} to follow: give fewer ids.`);
  return people.length === 0 ? [] : (await readStays(ctx, people, args.from, args.to, undefined, args.asKnownOn)).map(shown);
}

function intIn(name: string, v: number | null | undefined, def: number, min: number, max: number): number {
  const n = v ?? def;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(name, `give a whole number from ${min} to ${max} (got ${n}).`);
  return n;
}

export interface CircuitArgs {
  ids: readonly string[];
  from?: string | null;
  to?: string | null;
  asKnownOn?: string | null;
  windowDays?: number | null;
  minPremises?: number | null;
  minTogether?: number | null;
  first?: number | null;
}

/**
 * The circuits of the people given, or of the people who worked at the premises given: their
 * WORKS_AT stays are read everywhere (a circuit leaves the premises it was found from).
 */
export async function circuitsOf(ctx: Context, args: CircuitArgs) {
  const o = { windowDays: intIn('windowDays', args.windowDays, 120, 1, 3660), minPremises: intIn('minPremises', args.minPremises, 2, 2, 50), minTogether: intIn('minTogether', args.minTogether, 3, 2, 50) };
  const limit = intIn('first', args.first, 200, 1, 1000);
  checkRange(args.from, args.to);
  const first = await readStays(ctx, args.ids, args.from, args.to, ['WORKS_AT'], args.asKnownOn, MAX_CIRCUIT_STAYS);
  const people = [...new Set(first.map((s) => s.person))];
  const all = people.length === 0 ? [] : (await boundedRows(ctx, people, MAX_CIRCUIT_STAYS, `the ${people.length} people who worked there`, ['WORKS_AT'])).map(toStay).filter(within(args.from, args.to, args.asKnownOn)).filter((s) => people.includes(s.person));
  // Chart cards, not whole entities: what the list and "put on the chart" need, and a circuit
  // list selected in full stays within the query cost limit (decision 0027).
  const entities = new Map<string, GraphNodeOut>();
  for (const s of all) entities.set(s.person, toGraphNode(s.personRow)).set(s.premises, toGraphNode(s.premisesRow));
  return findCircuits(all, o).slice(0, limit).map((c) => ({ ...c, people: c.people.map((id) => entities.get(id)!), premises: c.premises.map((id) => entities.get(id)!), stays: c.stays.map((s) => ({ id: s.id, type: s.type, personId: s.person, premisesId: s.premises, validFrom: s.validFrom, validTo: s.validTo, grading: s.grading })) }));
}
