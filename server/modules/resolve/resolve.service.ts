/**
 * Entity resolution applied to the graph (docs/decisions/0005-entity-resolution.md). Person
 * records are never edited or deleted by resolution: each scored pair becomes a
 * (:MergeDecision) with its score and evidence, MERGED or REVIEW; a record's `resolvedId` is
 * the smallest id of its cluster of MERGED decisions, worked out again after every change, so
 * that undoing a merge restores exactly what was there before it.
 */
import crypto from 'node:crypto';
import type { Gateway } from '../../db/gateway.ts';
import { badInput, notFound } from '../../errors.ts';
import { clustersOf, resolvePeople, type Thresholds } from './resolver.ts';
import * as repo from './resolve.repository.ts';
import { sourceIdPrefix } from '../import/rows.ts';

type G = Pick<Gateway, 'read' | 'write'>;

/** Who the resolver's own decisions are by; people's decisions carry their name. */
export const RESOLVER = 'lantern resolve';

export const decisionId = (a: string, b: string) => `merge-${crypto.createHash('sha256').update([a, b].sort().join('\u0000')).digest('hex').slice(0, 24)}`;

export interface ResolveRunOptions {
  /** Score only pairs touching records not seen by an earlier run (default true). */
  incremental?: boolean;
  thresholds?: Thresholds;
  /** Resolve the person records of these sources only (default: every person). */
  sources?: string[];
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

export async function resolveGraph(gateway: G, o: ResolveRunOptions = {}): Promise<ResolveRun> {
  const started = performance.now();
  const records = await repo.people(gateway, o.sources ? o.sources.map(sourceIdPrefix) : null);
  const fresh = records.filter((r) => r.isNew);
  const incremental = o.incremental ?? true;
  // The first run, or a full one, scores every pair; later runs only pairs touching new records
  // (weights are still estimated from every record).
  const touching = incremental && fresh.length < records.length ? new Set(fresh.map((r) => r.id)) : undefined;
  const result =
    touching && touching.size === 0
      ? undefined
      : resolvePeople(records, { ...(o.thresholds ? { thresholds: o.thresholds } : {}), ...(touching ? { onlyTouching: touching } : {}) });
  const pairs = result?.pairs ?? [];
  await repo.writeDecisions(
    gateway,
    pairs.map((p) => ({
      id: decisionId(p.a, p.b),
      aId: p.a,
      bId: p.b,
      status: p.decision === 'MERGE' ? 'MERGED' : 'REVIEW',
      probability: p.probability,
      weight: p.weight,
      swapped: p.swapped,
      evidence: JSON.stringify(p.evidence),
    })),
    RESOLVER,
  );
  const resolved = await refreshResolvedIds(gateway);
  await repo.markSeen(gateway, fresh.map((r) => r.id));
  const ms = Math.round(performance.now() - started);
  return {
    records: records.length,
    newRecords: fresh.length,
    candidatePairs: result?.stats.candidatePairs ?? 0,
    merged: pairs.filter((p) => p.decision === 'MERGE').length,
    review: pairs.filter((p) => p.decision === 'REVIEW').length,
    clusters: resolved.clusters,
    recordsInClusters: resolved.records,
    ms,
    recordsPerSecond: Math.round(records.length / Math.max(0.001, ms / 1000)),
  };
}

export interface MatchRecord {
  id: string;
  label: string;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  sources: string[];
  resolvedId: string | null;
}

export interface MatchDecision {
  id: string;
  status: string;
  probability: number;
  weight: number;
  swapped: boolean;
  evidence: { field: string; level: string; weight: number }[];
  decidedBy: string;
  decidedAt: string;
  note: string | null;
  history: string[];
  a: MatchRecord;
  b: MatchRecord;
}

function toRecord(r: Record<string, unknown>): MatchRecord {
  return {
    id: String(r.id),
    label: String(r.label ?? r.id),
    givenName: (r.givenName as string | null) ?? null,
    familyName: (r.familyName as string | null) ?? null,
    dateOfBirth: (r.dateOfBirth as string | null) ?? null,
    gender: (r.gender as string | null) ?? null,
    sources: (r.sourceIds as string[] | null) ?? [],
    resolvedId: (r.resolvedId as string | null) ?? null,
  };
}

export function toDecision(row: repo.DecisionOut): MatchDecision {
  const d = row.decision;
  return {
    id: String(d.id),
    status: String(d.status),
    probability: Number(d.probability ?? 0),
    weight: Number(d.weight ?? 0),
    swapped: d.swapped === true,
    evidence: typeof d.evidence === 'string' ? (JSON.parse(d.evidence) as MatchDecision['evidence']) : [],
    decidedBy: String(d.decidedBy ?? ''),
    decidedAt: String(d.decidedAt ?? ''),
    note: (d.note as string | null) ?? null,
    history: (d.history as string[] | null) ?? [],
    a: toRecord(row.a),
    b: toRecord(row.b),
  };
}

export async function reviewQueue(gateway: G, first = 20, offset = 0): Promise<{ items: MatchDecision[]; total: number }> {
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first', 'first must be a whole number from 1 to 200');
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'offset must be a whole number, 0 or more');
  const [rows, total] = await Promise.all([repo.decisions(gateway, ['REVIEW'], first, offset), repo.countDecisions(gateway, ['REVIEW'])]);
  return { items: rows.map(toDecision), total };
}

export async function getDecision(gateway: G, id: string): Promise<MatchDecision | null> {
  const row = await repo.decision(gateway, id);
  return row ? toDecision(row) : null;
}

/** Moves a decision from one of `from` to `to` and re-derives resolved ids; says why when it cannot. */
async function transition(gateway: G, id: string, from: string[], to: string, by: string, note: string | null): Promise<MatchDecision> {
  const current = await repo.decision(gateway, id);
  if (!current) throw notFound('Match decision', id);
  if (!(await repo.setStatus(gateway, id, from, to, by, note))) {
    throw badInput('id', `decision ${id} is ${String(current.decision.status)}; only a decision that is ${from.join(' or ')} can become ${to}`);
  }
  await refreshResolvedIds(gateway);
  return toDecision((await repo.decision(gateway, id))!);
}

export const acceptMatch = (gateway: G, id: string, by: string, note: string | null = null) => transition(gateway, id, ['REVIEW', 'REJECTED', 'UNDONE'], 'MERGED', by, note);
export const rejectMatch = (gateway: G, id: string, by: string, note: string | null = null) => transition(gateway, id, ['REVIEW'], 'REJECTED', by, note);
export const undoMerge = (gateway: G, id: string, by: string, note: string | null = null) => transition(gateway, id, ['MERGED'], 'UNDONE', by, note);
