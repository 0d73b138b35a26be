/**
 * Resolution's statements (cypher/queries/resolve/): the person, organisation and premises
 * records to compare, merge decisions, and the resolved ids derived from them.
 */
import { markDirty } from '../scores/index.ts';
import type { Gateway } from '../../db/gateway.ts';
import type { PersonInput } from './person.ts';
import type { OrganisationInput, PremisesInput } from './places.ts';
import type { ResolvableType } from './scheme.ts';

type G = Pick<Gateway, 'read' | 'write'>;

export interface PersonRow extends PersonInput {
  isNew: boolean;
}

const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);

/** An identifier declared for resolution: a Person property and the kind its values are compared as. */
export interface IdentifierProperty {
  kind: string;
  property: string;
}

/** The identifiers read by default: NI number, passport, PNC id, NHS number (a deployment property). */
export const DEFAULT_IDENTIFIERS: readonly IdentifierProperty[] = [
  { kind: 'ni', property: 'niNumber' },
  { kind: 'passport', property: 'passportNumber' },
  { kind: 'pnc', property: 'pncId' },
  { kind: 'nhs', property: 'nhsNumber' },
];

/** Person records of the whole graph, or of the sources whose record ids start with `prefixes`. */
export async function people(gateway: G, prefixes: string[] | null = null, identifiers: readonly IdentifierProperty[] = DEFAULT_IDENTIFIERS): Promise<PersonRow[]> {
  const rows = await gateway.read('resolve/people', { prefixes, identifiers });
  return rows.map((r) => ({
    id: String(r.id),
    source: (r.source as string | null)?.split('-')[1] ?? null,
    givenName: (r.givenName as string | null) ?? null,
    familyName: (r.familyName as string | null) ?? null,
    fullName: (r.fullName as string | null) ?? null,
    aliases: list(r.aliases),
    dateOfBirth: (r.dateOfBirth as string | null) ?? null,
    gender: (r.gender as string | null) ?? null,
    phones: list(r.phones),
    emails: list(r.emails),
    postcodes: list(r.postcodes),
    addresses: list(r.addresses),
    towns: list(r.towns),
    identifiers: list(r.identifiers),
    isNew: r.isNew === true,
  }));
}

export async function organisations(gateway: G, prefixes: string[] | null = null): Promise<(OrganisationInput & { isNew: boolean })[]> {
  const rows = await gateway.read('resolve/organisations', { prefixes });
  return rows.map((r) => ({
    id: String(r.id),
    source: (r.source as string | null)?.split('-')[1] ?? null,
    name: (r.name as string | null) ?? null,
    companyNumber: (r.companyNumber as string | null) ?? null,
    phones: list(r.phones),
    emails: list(r.emails),
    postcodes: list(r.postcodes),
    addresses: list(r.addresses),
    isNew: r.isNew === true,
  }));
}

export async function premises(gateway: G, prefixes: string[] | null = null): Promise<(PremisesInput & { isNew: boolean })[]> {
  const rows = await gateway.read('resolve/premises', { prefixes });
  return rows.map((r) => ({
    id: String(r.id),
    source: (r.source as string | null)?.split('-')[1] ?? null,
    name: (r.name as string | null) ?? null,
    addressLine: (r.addressLine as string | null) ?? null,
    town: (r.town as string | null) ?? null,
    postcode: (r.postcode as string | null) ?? null,
    uprn: (r.uprn as string | null) ?? null,
    phones: list(r.phones),
    isNew: r.isNew === true,
  }));
}

export interface DecisionRow {
  id: string;
  entityType: ResolvableType;
  aId: string;
  bId: string;
  status: 'MERGED' | 'REVIEW';
  probability: number;
  weight: number;
  swapped: boolean;
  evidence: string;
  rule: string | null;
}

export async function writeDecisions(gateway: G, rows: DecisionRow[], by: string): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const [r] = await gateway.write('resolve/write-decisions', { rows: rows.slice(i, i + 1000), by });
    n += Number(r?.written ?? 0);
  }
  return n;
}

/** Removes the resolver's own decisions of a type that are not in `keep` (after a full run). */
export async function withdrawDecisions(gateway: G, entityType: ResolvableType, keep: string[], by: string): Promise<number> {
  const [r] = await gateway.write('resolve/withdraw-decisions', { entityType, keep, by });
  return Number(r?.withdrawn ?? 0);
}

export async function mergedPairs(gateway: G): Promise<{ a: string; b: string }[]> {
  return (await gateway.read('resolve/merged-pairs')).map((r) => ({ a: String(r.a), b: String(r.b) }));
}

export async function resolvedIds(gateway: G): Promise<Map<string, string>> {
  return new Map((await gateway.read('resolve/resolved-ids')).map((r) => [String(r.id), String(r.resolvedId)]));
}

export async function setResolved(gateway: G, rows: { id: string; resolvedId: string }[], clear: string[]): Promise<void> {
  for (let i = 0; i < Math.max(rows.length, clear.length); i += 5000) {
    await gateway.write('resolve/set-resolved', { rows: rows.slice(i, i + 5000), clear: clear.slice(i, i + 5000) });
    // Merged or unmerged records: their scores are recomputed (the next statement: G has no writeTx).
    await markDirty({ run: (name, params) => gateway.write(name, params) }, [...rows.slice(i, i + 5000).flatMap((r) => [r.id, r.resolvedId]), ...clear.slice(i, i + 5000)]);
  }
}

export async function markSeen(gateway: G, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000) await gateway.write('resolve/mark-seen', { ids: ids.slice(i, i + 5000) });
}

export interface DecisionOut {
  decision: Record<string, unknown>;
  a: Record<string, unknown>;
  b: Record<string, unknown>;
}

/** Both records of each decision, side by side (a record no longer in the graph is left out with its pair). */
async function withRecords(gateway: G, ds: Record<string, unknown>[]): Promise<DecisionOut[]> {
  if (ds.length === 0) return [];
  const ids = [...new Set(ds.flatMap((d) => [String(d.aId), String(d.bId)]))];
  const rows = await gateway.read('resolve/records', { ids });
  const byId = new Map(rows.map((r) => [String((r.record as Record<string, unknown>).id), r.record as Record<string, unknown>]));
  return ds.flatMap((d) => {
    const a = byId.get(String(d.aId));
    const b = byId.get(String(d.bId));
    return a && b ? [{ decision: d, a, b }] : [];
  });
}

export async function decisions(gateway: G, statuses: string[], first: number, offset: number, entityType: ResolvableType | null = null): Promise<DecisionOut[]> {
  const rows = await gateway.read('resolve/decisions', { statuses, first, offset, entityType });
  return withRecords(gateway, rows.map((r) => r.decision as Record<string, unknown>));
}

export async function countDecisions(gateway: G, statuses: string[], entityType: ResolvableType | null = null): Promise<number> {
  const [r] = await gateway.read('resolve/count-decisions', { statuses, entityType });
  return Number(r?.total ?? 0);
}

export async function decision(gateway: G, id: string): Promise<DecisionOut | undefined> {
  const [r] = await gateway.read('resolve/decision', { id });
  if (!r) return undefined;
  return (await withRecords(gateway, [r.decision as Record<string, unknown>]))[0];
}

export async function setStatus(gateway: G, id: string, from: string[], to: string, by: string, note: string | null): Promise<boolean> {
  const rows = await gateway.write('resolve/set-status', { id, from, to, by, note });
  return rows.length > 0;
}

/** Resolved entities the caller can see (scoped), biggest first: their ids and records' ids. */
export async function clusters(gateway: G, first: number, offset: number, entityType: ResolvableType | null): Promise<{ id: string; entityType: string; ids: string[] }[]> {
  const rows = await gateway.read('resolved/clusters', { first, offset, entityType });
  return rows.map((r) => ({ id: String(r.id), entityType: String(r.entityType ?? 'PERSON'), ids: list(r.ids) }));
}

export async function countClusters(gateway: G, entityType: ResolvableType | null): Promise<number> {
  const [r] = await gateway.read('resolved/count-clusters', { entityType });
  return Number(r?.total ?? 0);
}

/** The resolved entity a record (or resolved id) belongs to, as the caller may see it. */
export async function clusterOf(gateway: G, id: string): Promise<{ id: string; entityType: string; ids: string[] } | undefined> {
  const [r] = await gateway.read('resolved/cluster-of', { id });
  return r && r.id !== null && r.id !== undefined ? { id: String(r.id), entityType: String(r.entityType ?? 'PERSON'), ids: list(r.ids) } : undefined;
}

/** Decisions among a set of records (both ends in it), with both records. */
export async function decisionsAmong(gateway: G, ids: string[], statuses: string[]): Promise<DecisionOut[]> {
  const rows = await gateway.read('resolve/decisions-among', { ids, statuses });
  return withRecords(gateway, rows.map((r) => r.decision as Record<string, unknown>));
}

/** Records by id, as the review queue shows them (masked where the caller's scope says so). */
export async function records(gateway: G, ids: string[]): Promise<Record<string, unknown>[]> {
  if (ids.length === 0) return [];
  return (await gateway.read('resolve/records', { ids })).map((r) => r.record as Record<string, unknown>);
}

export async function decisionsOf(gateway: G, id: string, statuses: string[]): Promise<string[]> {
  return (await gateway.read('resolve/decisions-of', { id, statuses })).map((r) => String(r.id));
}
