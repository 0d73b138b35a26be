/**
 * Reads of the stored analysis for a caller: the flagged list, risk profiles and suspected
 * networks from the kept results of the caller's view (partners: what partners may see), each
 * entity read in the caller's scope, the potential victims the results quote masked as the
 * gateway masks them; and how fresh the kept results are (analysisStatus, freshness fields).
 * The services use them when the results are kept for the day asked (today by default); for
 * another date they compute on demand (docs/analytics.md).
 */
import type { Context } from '../../graphql/context.ts';
import type { Gateway, Row } from '../../db/gateway.ts';
import { pseudonym } from '../../db/scope.ts';
import type { EntityType } from '../../model/model.ts';
import { analysisVersion, type View, type Victim } from './scores.compute.ts';
import * as repo from './scores.repository.ts';

export const viewOf = (gw: Gateway): View => (gw.scope.shareAll ? 'all' : 'partner');

export interface Freshness {
  source: 'STORED' | 'COMPUTED';
  rulesVersion: string;
  asOf: string;
  computedAt: string | null;
  updatedAt: string | null;
  pending: number;
  stale: boolean;
}

let reading = false;

/**
 * Whether this process's reads answer from the kept results: `lantern serve` turns it on (its
 * worker, or another instance's, keeps them). An app started without it (tests of other modules,
 * which write fixtures and read at once) computes per request, as before results were kept.
 */
export function readKeptResults(on: boolean): void {
  reading = on;
}

/**
 * The kept results' freshness when they can answer a read as of `asOf` (null: the default,
 * today, where yesterday's kept results still answer, marked stale); null when they cannot.
 */
export async function storedFor(gw: Gateway, asOf: string | null): Promise<Freshness | null> {
  if (!reading) return null;
  const s = await repo.state(gw);
  if (s.complete !== true || s.rulesVersion !== analysisVersion()) return null;
  if (asOf !== null && asOf !== s.asOf) return null;
  const pending = await repo.dirtyCount(gw);
  const day = new Date().toISOString().slice(0, 10);
  return {
    source: 'STORED',
    rulesVersion: String(s.rulesVersion),
    asOf: String(s.asOf),
    computedAt: (s.computedAt as string | null) ?? null,
    updatedAt: (s.updatedAt as string | null) ?? null,
    pending,
    stale: pending > 0 || s.asOf !== day || s.jobState === 'running',
  };
}

export const computed = (asOf: string): Freshness => ({ source: 'COMPUTED', rulesVersion: analysisVersion(), asOf, computedAt: new Date().toISOString(), updatedAt: null, pending: 0, stale: false });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A kept result (JSON) as the caller may see it: for a masked caller every label of a potential
 * victim it quotes becomes the victim's pseudonym (as the gateway would have read it); for an
 * unmasked one the victims are noted as disclosed for the audit log.
 */
export function forCaller<T>(gw: Gateway, json: string, victimsJson: string | null | undefined): T {
  const victims = JSON.parse(victimsJson ?? '[]') as Victim[];
  if (victims.length === 0) return JSON.parse(json) as T;
  if (!gw.scope.mask) {
    for (const v of victims) gw.scope.disclosures?.add(v.id);
    return JSON.parse(json) as T;
  }
  // One pass per string: every victim's label in one alternation, longest first (so that a
  // label inside a longer one is not replaced first), each match replaced by that victim's pseudonym.
  const byLabel = new Map<string, string>();
  for (const v of [...victims].sort((a, b) => b.label.length - a.label.length)) if (v.label.length > 0 && !byLabel.has(v.label)) byLabel.set(v.label, pseudonym(gw.scope.pseudonymKey, v.id));
  if (byLabel.size === 0) return JSON.parse(json) as T;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...byLabel.keys()].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return JSON.parse(json, (_k, value: unknown) => (typeof value === 'string' ? value.replace(re, (m) => byLabel.get(m) ?? m) : value)) as T;
}

export async function flaggedPage(ctx: Pick<Context, 'gateway'>, f: repo.FlaggedFilter, sort: { field: string; desc: boolean }, offset: number, limit: number) {
  const view = viewOf(ctx.gateway);
  const [total, rows] = await Promise.all([repo.flaggedCount(ctx.gateway, view, f), repo.flaggedPage(ctx.gateway, view, f, sort, offset, limit)]);
  return {
    total,
    rows: rows.map((r: Row) => {
      const e = r.entity as { id: string; type: string; label: string };
      const s = r.result as Record<string, unknown>;
      return {
        id: e.id,
        type: e.type,
        label: e.label,
        score: s.score as number,
        riskScore: s.riskScore as number,
        riskCombination: s.riskCombination as boolean,
        riskFactorKinds: s.riskFactorKinds as string[],
        indicatorScore: s.indicatorScore as number,
        indicatorIds: s.indicatorIds as string[],
        operationIds: s.operationIds as string[],
        hits: forCaller<never[]>(ctx.gateway, s.hits as string, s.victims as string),
      };
    }),
  };
}

export async function profilesPage<P>(ctx: Pick<Context, 'gateway'>, f: repo.ProfilesFilter, offset: number, limit: number): Promise<{ total: number; rows: P[] }> {
  const view = viewOf(ctx.gateway);
  const [total, rows] = await Promise.all([repo.profilesCount(ctx.gateway, view, f), repo.profilesPage(ctx.gateway, view, f, offset, limit)]);
  return {
    total,
    rows: rows.map((r) => ({ ...forCaller<P>(ctx.gateway, r.profile as string, r.victims as string), label: (r.entity as { label: string }).label })),
  };
}

/**
 * A page of the kept suspected networks and how many there are: id, premises and score come from
 * the kept node; the ties and evidence (its JSON, masked for the caller) are parsed only when a
 * field asks for them, so a list of ids and scores reads no evidence.
 */
export async function networksPage<N extends { ties: unknown; evidence: unknown }>(ctx: Pick<Context, 'gateway'>, minScore: number, offset: number, limit: number): Promise<{ total: number; rows: N[] }> {
  const view = viewOf(ctx.gateway);
  const [total, rows] = await Promise.all([repo.networksCount(ctx.gateway, view, minScore), repo.networks(ctx.gateway, view, minScore, offset, limit)]);
  return {
    total,
    rows: rows.map((r) => {
      let whole: N | undefined;
      const full = () => (whole ??= forCaller<N>(ctx.gateway, r.network as string, r.victims as string));
      return {
        id: String(r.id),
        score: Number(r.score),
        premisesIds: r.premisesIds as string[],
        get ties() {
          return full().ties;
        },
        get evidence() {
          return full().evidence;
        },
      } as unknown as N;
    }),
  };
}

/**
 * The kept whole-graph metrics of the caller's view and weighting, as the caller may see them
 * (retired or hidden entities left out, labels masked), with their freshness: `computedAt` is
 * when they were computed, and they are stale when scores were brought up to date after them
 * (the worker recomputes them at most every METRICS_EVERY_MS). Null when none are kept or the
 * graph was too large to analyse (the caller then computes, or refuses, as without them).
 */
export async function metrics(ctx: Pick<Context, 'gateway'>, weighted: boolean, fresh: Freshness) {
  const view = viewOf(ctx.gateway);
  const run = await repo.metricsRun(ctx.gateway, view, weighted);
  if (!run || run.tooLarge === true || run.rulesVersion !== fresh.rulesVersion) return null;
  const rows = await repo.metrics(ctx.gateway, view, weighted);
  const nodes = rows
    .map((r) => {
      const e = r.entity as { id: string; type: string; label: string };
      const m = r.metrics as { community: number; degree: number; weightedDegree: number; betweenness: number; pageRank: number; communitiesLinked: number; broker: boolean };
      return { id: e.id, type: e.type as EntityType, label: e.label, ...m };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const groups = new Map<number, string[]>();
  for (const n of nodes) groups.set(n.community, [...(groups.get(n.community) ?? []), n.id]);
  const communities = [...groups.entries()].sort(([a], [b]) => a - b).map(([id, nodeIds]) => ({ id, size: nodeIds.length, nodeIds: nodeIds.sort() }));
  const computedAt = String(run.computedAt);
  const behind = fresh.updatedAt !== null && Date.parse(fresh.updatedAt) > Date.parse(computedAt);
  return { nodes, communities, modularity: Number(run.modularity), weighted, freshness: { ...fresh, computedAt, stale: fresh.stale || behind } };
}

/** What the stored analysis is doing, for /readyz and the analysisStatus query. */
export async function status(gw: Gateway) {
  const s = await repo.state(gw);
  const pending = await repo.dirtyCount(gw);
  const day = new Date().toISOString().slice(0, 10);
  return {
    rulesVersion: analysisVersion(),
    kept: s.complete === true,
    keptRulesVersion: (s.rulesVersion as string | null) ?? null,
    asOf: (s.asOf as string | null) ?? null,
    computedAt: (s.computedAt as string | null) ?? null,
    updatedAt: (s.updatedAt as string | null) ?? null,
    pending,
    stale: s.complete !== true || s.rulesVersion !== analysisVersion() || pending > 0 || s.asOf !== day || s.jobState === 'running',
    full:
      s.jobState === undefined
        ? null
        : { state: String(s.jobState).toUpperCase(), startedAt: (s.jobStartedAt as string | null) ?? null, phase: (s.jobView as string | null) ?? null, done: Number(s.jobDone ?? 0), total: Number(s.jobTotal ?? 0) },
    incremental:
      s.roundState === undefined
        ? null
        : { state: String(s.roundState).toUpperCase(), startedAt: (s.roundStartedAt as string | null) ?? null, phase: null, done: Number(s.roundDone ?? 0), total: Number(s.roundTotal ?? 0) },
  };
}
