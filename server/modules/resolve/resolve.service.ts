/**
 * Entity resolution applied to the graph (docs/decisions/0005-entity-resolution.md), for
 * people, organisations and premises. Records are never edited or deleted by resolution: each
 * scored pair becomes a (:MergeDecision) with its type, score and evidence, MERGED or REVIEW; a
 * record's `resolvedId` is the smallest id of its cluster of MERGED decisions, worked out again
 * after every change, so that undoing a merge restores exactly what was there before it.
 */
import crypto from 'node:crypto';
import type { Gateway } from '../../db/gateway.ts';
import type { AccessScope } from '../../db/scope.ts';
import { badInput, notFound } from '../../errors.ts';
import { PEOPLE } from './people.ts';
import { ORGANISATIONS, PREMISES } from './places.ts';
import { clustersOf } from './clusters.ts';
import { resolveWith, type Thresholds } from './resolver.ts';
import type { ResolvableType, Scheme } from './scheme.ts';
import * as repo from './resolve.repository.ts';
import { sourceIdPrefix } from '../../model/source-ids.ts';

type G = Pick<Gateway, 'read' | 'write'> & { readonly scope?: AccessScope };

/** Does this gateway's caller see potential victims masked? (A gateway without a scope is taken to.) */
const masks = (g: G): boolean => g.scope?.mask ?? true;

/** Who the resolver's own decisions are by; people's decisions carry their name. */
export const RESOLVER = 'lantern resolve';

export const RESOLVABLE_TYPES: readonly ResolvableType[] = ['PERSON', 'ORGANISATION', 'PREMISES'];

export const decisionId = (a: string, b: string) => `merge-${crypto.createHash('sha256').update([a, b].sort().join('\u0000')).digest('hex').slice(0, 24)}`;

export interface ResolveRunOptions {
  /** Score only pairs touching records not seen by an earlier run (default true). */
  incremental?: boolean;
  thresholds?: Thresholds;
  /** Resolve the records of these sources only (default: every record). */
  sources?: string[];
  /** The kinds of record to resolve (default: people, organisations and premises). */
  types?: readonly ResolvableType[];
  /**
   * Person identifiers declared as match keys (default repo.DEFAULT_IDENTIFIERS): a value two
   * records share decides a match; different values of one kind veto it.
   */
  identifiers?: readonly repo.IdentifierProperty[];
}

export interface ResolveTypeRun {
  type: ResolvableType;
  records: number;
  newRecords: number;
  candidatePairs: number;
  merged: number;
  review: number;
  ms: number;
}

export interface ResolveRun {
  records: number;
  newRecords: number;
  candidatePairs: number;
  merged: number;
  review: number;
  clusters: number;
  recordsInClusters: number;
  ms: number;
  recordsPerSecond: number;
  byType: ResolveTypeRun[];
}

/** Works out resolved ids from the MERGED decisions and writes only what changed. */
export async function refreshResolvedIds(gateway: G): Promise<{ clusters: number; records: number }> {
  const clusters = clustersOf(await repo.mergedPairs(gateway));
  const want = new Map<string, string>();
  for (const c of clusters) for (const id of c) want.set(id, c[0]!);
  const have = await repo.resolvedIds(gateway);
  const rows = [...want].filter(([id, r]) => have.get(id) !== r).map(([id, resolvedId]) => ({ id, resolvedId }));
  const clear = [...have.keys()].filter((id) => !want.has(id));
  await repo.setResolved(gateway, rows, clear);
  return { clusters: clusters.length, records: want.size };
}

const SCHEMES = {
  PERSON: { scheme: PEOPLE, read: (g: G, p: string[] | null, o: ResolveRunOptions) => repo.people(g, p, o.identifiers ?? repo.DEFAULT_IDENTIFIERS) },
  ORGANISATION: { scheme: ORGANISATIONS, read: repo.organisations },
  PREMISES: { scheme: PREMISES, read: repo.premises },
} as const;

async function resolveType(gateway: G, type: ResolvableType, o: ResolveRunOptions): Promise<ResolveTypeRun> {
  const started = performance.now();
  const { scheme, read } = SCHEMES[type] as unknown as { scheme: Scheme<{ id: string }, { id: string }>; read: (g: G, p: string[] | null, o: ResolveRunOptions) => Promise<({ id: string; isNew: boolean })[]> };
  const records = await read(gateway, o.sources ? o.sources.map(sourceIdPrefix) : null, o);
  const fresh = records.filter((r) => r.isNew);
  const incremental = o.incremental ?? true;
  // The first run, or a full one, scores every pair; later runs only pairs touching new records
  // (weights are still estimated from every record).
  const touching = incremental && fresh.length < records.length ? new Set(fresh.map((r) => r.id)) : undefined;
  const result =
    (touching && touching.size === 0) || records.length < 2
      ? undefined
      : resolveWith(scheme, records, {
          ...(o.thresholds ? { thresholds: o.thresholds } : {}),
          ...(touching ? { onlyTouching: touching } : {}),
          matchKeys: (o.identifiers ?? repo.DEFAULT_IDENTIFIERS).map((i) => i.kind),
        });
  const pairs = result?.pairs ?? [];
  await repo.writeDecisions(
    gateway,
    pairs.map((p) => ({
      id: decisionId(p.a, p.b),
      entityType: type,
      aId: p.a,
      bId: p.b,
      status: p.decision === 'MERGE' ? 'MERGED' : 'REVIEW',
      probability: p.probability,
      weight: p.weight,
      swapped: p.swapped,
      evidence: JSON.stringify(p.evidence),
      rule: p.rule,
    })),
    RESOLVER,
  );
  // A full run over every record scored every pair: the resolver's earlier decisions it did not
  // make again (a rule vetoes them now) are withdrawn, so that a father and son merged by an
  // older version come apart.
  if (result && !touching && !o.sources) await repo.withdrawDecisions(gateway, type, pairs.map((p) => decisionId(p.a, p.b)), RESOLVER);
  await repo.markSeen(gateway, fresh.map((r) => r.id));
  return {
    type,
    records: records.length,
    newRecords: fresh.length,
    candidatePairs: result?.stats.candidatePairs ?? 0,
    merged: pairs.filter((p) => p.decision === 'MERGE').length,
    review: pairs.filter((p) => p.decision === 'REVIEW').length,
    ms: Math.round(performance.now() - started),
  };
}

export async function resolveGraph(gateway: G, o: ResolveRunOptions = {}): Promise<ResolveRun> {
  const started = performance.now();
  const byType: ResolveTypeRun[] = [];
  for (const type of o.types ?? RESOLVABLE_TYPES) byType.push(await resolveType(gateway, type, o));
  const resolved = await refreshResolvedIds(gateway);
  const ms = Math.round(performance.now() - started);
  const sum = (k: 'records' | 'newRecords' | 'candidatePairs' | 'merged' | 'review') => byType.reduce((n, r) => n + r[k], 0);
  return {
    records: sum('records'),
    newRecords: sum('newRecords'),
    candidatePairs: sum('candidatePairs'),
    merged: sum('merged'),
    review: sum('review'),
    clusters: resolved.clusters,
    recordsInClusters: resolved.records,
    ms,
    recordsPerSecond: Math.round(sum('records') / Math.max(0.001, ms / 1000)),
    byType,
  };
}

export interface MatchRecord {
  id: string;
  entityType: string;
  label: string;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  phones: string[];
  emails: string[];
  addresses: string[];
  identifiers: string[];
  fields: { name: string; value: string | null }[];
  sources: string[];
  resolvedId: string | null;
  masked: boolean;
}

export interface MatchDecision {
  id: string;
  entityType: string;
  status: string;
  probability: number;
  weight: number;
  swapped: boolean;
  evidence: { field: string; level: string; weight: number; a: string | null; b: string | null }[];
  /** A hard rule that decided the pair or held it back from a merge, in words. */
  rule: string | null;
  decidedBy: string;
  decidedAt: string;
  note: string | null;
  history: string[];
  a: MatchRecord;
  b: MatchRecord;
}

/** The fields the review queue shows side by side, per type (as docs/model.md names them). */
const FIELDS: Record<string, string[]> = {
  PERSON: ['givenName', 'familyName', 'fullName', 'aliases', 'dateOfBirth', 'gender', 'nationalities', 'niNumber', 'passportNumber', 'pncId'],
  ORGANISATION: ['name', 'companyNumber', 'kind', 'status'],
  PREMISES: ['name', 'kind', 'addressLine', 'town', 'postcode', 'uprn', 'licenceStatus'],
};

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : Array.isArray(v) ? (v.length ? v.map(String).join(', ') : null) : String(v));
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);

function toRecord(r: Record<string, unknown>): MatchRecord {
  const type = String(r.type ?? 'PERSON');
  const masked = r.masked === true;
  const identifiers = [
    ['ni', r.niNumber],
    ['passport', r.passportNumber],
    ['pnc', r.pncId],
    ['company', r.companyNumber],
    ['uprn', r.uprn],
  ].flatMap(([k, v]) => (text(v) ? [`${String(k)}:${text(v)}`] : []));
  const phones = strings(r.phones);
  const emails = strings(r.emails);
  const addresses = strings(r.addresses);
  return {
    id: String(r.id),
    entityType: type,
    label: String(r.label ?? r.id),
    givenName: (r.givenName as string | null) ?? null,
    familyName: (r.familyName as string | null) ?? null,
    dateOfBirth: (r.dateOfBirth as string | null) ?? null,
    gender: (r.gender as string | null) ?? null,
    // A masked potential victim shows no contact details or identifiers (docs/security.md).
    phones: masked ? [] : phones,
    emails: masked ? [] : emails,
    addresses: masked ? [] : addresses,
    identifiers: masked ? [] : identifiers,
    fields: masked
      ? [{ name: 'label', value: String(r.label ?? '') }]
      : [
          ...(FIELDS[type] ?? []).map((name) => ({ name, value: text(r[name]) })),
          { name: 'phones', value: text(phones) },
          { name: 'emails', value: text(emails) },
          { name: 'addresses', value: text(addresses) },
        ],
    sources: (r.sourceIds as string[] | null) ?? [],
    resolvedId: (r.resolvedId as string | null) ?? null,
    masked,
  };
}

/**
 * A decision's rule as the caller may read it. A hard rule quotes the dates of birth it compared
 * ("dates of birth differ by more than a typo (19800615, 19900101)"), stored as the resolver wrote
 * it. To a caller who sees potential victims masked, a date is shown only when it is the date of
 * birth of one of the pair as that caller sees it: a masked victim's is withheld (masking shows
 * only the year), and so are those of other records a rule names (a cluster's conflict).
 */
export function ruleAsSeen(rule: string | null, a: MatchRecord, b: MatchRecord, mask: boolean): string | null {
  if (rule === null || !mask) return rule;
  const shown = new Set([a, b].filter((r) => !r.masked).map((r) => (r.dateOfBirth ?? '').replace(/\D/g, '')).filter((d) => d.length === 8));
  return rule.replace(/\b\d{8}\b/g, (d) => (shown.has(d) ? d : 'withheld'));
}

/** A stored decision and its two records as the caller may see them (`mask`: potential victims masked). */
export function toDecision(row: repo.DecisionOut, mask: boolean): MatchDecision {
  const d = row.decision;
  const a = toRecord(row.a);
  const b = toRecord(row.b);
  const evidence = typeof d.evidence === 'string' ? (JSON.parse(d.evidence) as MatchDecision['evidence']) : [];
  return {
    id: String(d.id),
    entityType: String(d.entityType ?? 'PERSON'),
    status: String(d.status),
    probability: Number(d.probability ?? 0),
    weight: Number(d.weight ?? 0),
    swapped: d.swapped === true,
    rule: ruleAsSeen((d.rule as string | null) ?? null, a, b, mask),
    // The values compared are the records' own: none of a masked record's.
    evidence: evidence.map((e) => ({ field: e.field, level: e.level, weight: e.weight, a: a.masked ? null : (e.a ?? null), b: b.masked ? null : (e.b ?? null) })),
    decidedBy: String(d.decidedBy ?? ''),
    decidedAt: String(d.decidedAt ?? ''),
    note: (d.note as string | null) ?? null,
    history: (d.history as string[] | null) ?? [],
    a,
    b,
  };
}

export async function reviewQueue(gateway: G, first = 20, offset = 0, entityType: string | null = null): Promise<{ items: MatchDecision[]; total: number }> {
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first', 'first must be a whole number from 1 to 200');
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'offset must be a whole number, 0 or more');
  if (entityType !== null && !RESOLVABLE_TYPES.includes(entityType as ResolvableType)) throw badInput('entityType', `only ${RESOLVABLE_TYPES.join(', ')} records are resolved`);
  const type = entityType as ResolvableType | null;
  const [rows, total] = await Promise.all([repo.decisions(gateway, ['REVIEW'], first, offset, type), repo.countDecisions(gateway, ['REVIEW'], type)]);
  return { items: rows.map((r) => toDecision(r, masks(gateway))), total };
}

export async function getDecision(gateway: G, id: string): Promise<MatchDecision | null> {
  const row = await repo.decision(gateway, id);
  return row ? toDecision(row, masks(gateway)) : null;
}

/** Moves a decision from one of `from` to `to` and re-derives resolved ids; says why when it cannot. */
async function transition(gateway: G, id: string, from: string[], to: string, by: string, note: string | null): Promise<MatchDecision> {
  const current = await repo.decision(gateway, id);
  if (!current) throw notFound('Match decision', id);
  if (!(await repo.setStatus(gateway, id, from, to, by, note))) {
    throw badInput('id', `decision ${id} is ${String(current.decision.status)}; only a decision that is ${from.join(' or ')} can become ${to}`);
  }
  await refreshResolvedIds(gateway);
  return toDecision((await repo.decision(gateway, id))!, masks(gateway));
}

export const acceptMatch = (gateway: G, id: string, by: string, note: string | null = null) => transition(gateway, id, ['REVIEW', 'REJECTED', 'UNDONE'], 'MERGED', by, note);
export const rejectMatch = (gateway: G, id: string, by: string, note: string | null = null) => transition(gateway, id, ['REVIEW'], 'REJECTED', by, note);
export const undoMerge = (gateway: G, id: string, by: string, note: string | null = null) => transition(gateway, id, ['MERGED'], 'UNDONE', by, note);

export interface ResolvedCluster {
  /** The resolved id: the smallest record id of the cluster. */
  id: string;
  entityType: string;
  records: MatchRecord[];
  /** The MERGED decisions that join the records, with their evidence. */
  merges: MatchDecision[];
}

async function withMerges(gateway: G, found: { id: string; entityType: string; ids: string[] }[]): Promise<ResolvedCluster[]> {
  const ids = found.flatMap((c) => c.ids);
  const [recs, merges] = await Promise.all([repo.records(gateway, ids), repo.decisionsAmong(gateway, ids, ['MERGED'])]);
  const byId = new Map(recs.map((r) => [String(r.id), toRecord(r)]));
  const clusterOf = new Map(found.flatMap((c) => c.ids.map((id) => [id, c.id] as const)));
  return found.map((c) => ({
    id: c.id,
    entityType: c.entityType,
    records: c.ids.sort().flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    merges: merges.filter((m) => clusterOf.get(String(m.decision.aId)) === c.id).map((m) => toDecision(m, masks(gateway))),
  }));
}

/** Resolved entities (two or more records merged), biggest first, as the caller may see them. */
export async function resolvedClusters(gateway: G, first = 20, offset = 0, entityType: string | null = null): Promise<{ items: ResolvedCluster[]; total: number }> {
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first', 'first must be a whole number from 1 to 200');
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'offset must be a whole number, 0 or more');
  if (entityType !== null && !RESOLVABLE_TYPES.includes(entityType as ResolvableType)) throw badInput('entityType', `only ${RESOLVABLE_TYPES.join(', ')} records are resolved`);
  const type = entityType as ResolvableType | null;
  const [found, total] = await Promise.all([repo.clusters(gateway, first, offset, type), repo.countClusters(gateway, type)]);
  return { items: await withMerges(gateway, found), total };
}

/** The resolved entity a record belongs to (by any of its records' ids), or null when it is in none. */
export async function resolvedCluster(gateway: G, id: string): Promise<ResolvedCluster | null> {
  const found = await repo.clusterOf(gateway, id);
  return found ? ((await withMerges(gateway, [found]))[0] ?? null) : null;
}

/**
 * Takes a merge back: `id` is a decision (that merge is undone) or a record (every merge that
 * joins it to others is undone, so it stands alone again). Returns the decisions undone.
 */
export async function unmerge(gateway: G, id: string, by: string, note: string | null = null): Promise<MatchDecision[]> {
  const decision = await repo.decision(gateway, id);
  if (decision) return [await undoMerge(gateway, id, by, note)];
  const ids = await repo.decisionsOf(gateway, id, ['MERGED']);
  if (ids.length === 0) throw notFound('merged record or merge decision', id);
  const undone: string[] = [];
  for (const d of ids) if (await repo.setStatus(gateway, d, ['MERGED'], 'UNDONE', by, note)) undone.push(d);
  await refreshResolvedIds(gateway);
  return (await Promise.all(undone.map((d) => getDecision(gateway, d)))).filter((d): d is MatchDecision => d !== null);
}
