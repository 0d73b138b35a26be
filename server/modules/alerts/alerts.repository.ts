/**
 * The alert engine's and the callers' statements: watches, the marks writes leave, match keys
 * seen, alerts raised and decided (cypher/queries/alerts-store/: system bookkeeping), and the
 * callers' reads of alerts, watches and evidence (cypher/queries/alerts/: scoped with @visible).
 */
import type { Gateway, Row } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';
import type { PatternName } from './alerts.patterns.ts';

export type WatchKind = 'ENTITY' | 'INDICATOR' | 'PATTERN';

/** A watch as stored. */
export interface WatchRow {
  id: string;
  kind: WatchKind;
  entityId: string | null;
  /** The watched entity's type (ENTITY), for its title. */
  entityType: string | null;
  indicatorId: string | null;
  pattern: PatternName | null;
  /** The pattern's parameters, as JSON text. */
  parameters: string | null;
  caseId: string | null;
  owner: string;
  note: string | null;
  active: boolean;
  createdAt: string;
  endedAt: string | null;
}

/** An alert as stored. */
export interface AlertRow {
  id: string;
  key: string;
  watchId: string;
  caseId: string | null;
  owner: string;
  rule: string;
  summary: string;
  status: 'NEW' | 'CONFIRMED' | 'DISMISSED';
  assignee: string | null;
  entityIds: string[];
  linkIds: string[];
  sourceIds: string[];
  handlingCode: string;
  classification: string;
  raisedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
}

const watchOf = (r: Row) => {
  const w = r.watch as Record<string, unknown>;
  return {
    id: String(w.id),
    kind: w.kind as WatchKind,
    entityId: (w.entityId as string | undefined) ?? null,
    entityType: (w.entityType as string | undefined) ?? null,
    indicatorId: (w.indicatorId as string | undefined) ?? null,
    pattern: (w.pattern as PatternName | undefined) ?? null,
    parameters: (w.parameters as string | undefined) ?? null,
    caseId: (w.caseId as string | undefined) ?? null,
    owner: String(w.owner),
    note: (w.note as string | undefined) ?? null,
    active: w.active === true,
    createdAt: String(w.createdAt),
    endedAt: (w.endedAt as string | undefined) ?? null,
  } satisfies WatchRow;
};

const alertOf = (r: Row): AlertRow => {
  const a = r.alert as Record<string, unknown>;
  return {
    ...(a as unknown as AlertRow),
    caseId: (a.caseId as string | undefined) ?? null,
    assignee: (a.assignee as string | undefined) ?? null,
    decidedAt: (a.decidedAt as string | undefined) ?? null,
    decidedBy: (a.decidedBy as string | undefined) ?? null,
    reason: (a.reason as string | undefined) ?? null,
  };
};

// The engine's bookkeeping (system gateway).

export async function marks(gw: Gateway, limit: number): Promise<{ id: string; at: string }[]> {
  return (await gw.read('alerts-store/marks', { limit: int(limit) })).map((r) => ({
    id: String(r.id),
    at: String(r.at),
  }));
}

export async function clearMarks(
  gw: Gateway,
  ids: readonly string[],
  before: string,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000)
    await gw.write('alerts-store/clear-marks', { ids: ids.slice(i, i + 5000), before });
}

export async function markCount(gw: Gateway): Promise<number> {
  const [r] = await gw.read('alerts-store/mark-count');
  return Number(r?.n ?? 0);
}

export async function activeWatches(gw: Gateway): Promise<WatchRow[]> {
  return (await gw.read('alerts-store/watches')).map(watchOf);
}

export async function createWatch(gw: Gateway, props: Record<string, unknown>): Promise<WatchRow> {
  return watchOf((await gw.write('alerts-store/create-watch', { props }))[0]!);
}

export async function watchById(gw: Gateway, id: string): Promise<WatchRow | null> {
  const [r] = await gw.read('alerts-store/watch', { id });
  return r ? watchOf(r) : null;
}

export async function unwatch(gw: Gateway, id: string, by: string): Promise<WatchRow | null> {
  const [r] = await gw.write('alerts-store/unwatch', { id, by });
  return r ? watchOf(r) : null;
}

/** What every kind of watch finds: one match, before it is keyed by its watch. */
export interface MatchRow {
  key: string;
  summary: string;
  entityIds: string[];
  linkIds: string[];
  sourceIds: string[];
  handlingCodes: (string | null)[];
  classifications: (string | null)[];
}

export async function entityLinks(
  gw: Gateway,
  watches: { id: string; entityId: string }[],
  baseline: boolean,
): Promise<(MatchRow & { watchId: string; linkType: string })[]> {
  return (await gw.read('alerts-store/entity-links', { watches, baseline })).map((r) => ({
    watchId: String(r.watchId),
    key: String(r.key),
    linkType: String(r.linkType),
    summary: `New link (${String(r.linkType).toLowerCase().replace(/_/g, ' ')}) to a watched ${String(r.watchedType).toLowerCase().replace(/_/g, ' ')}`,
    entityIds: r.entityIds as string[],
    linkIds: r.linkIds as string[],
    sourceIds: r.sourceIds as string[],
    handlingCodes: r.handlingCodes as (string | null)[],
    classifications: r.classifications as (string | null)[],
  }));
}

export async function pattern(
  gw: Gateway,
  statement: string,
  parameters: Record<string, unknown>,
  ids: readonly string[] | null,
): Promise<MatchRow[]> {
  return (await gw.read(statement, { ...parameters, ids })) as unknown as MatchRow[];
}

export async function indicatorFlagged(
  gw: Gateway,
  watchId: string,
  indicatorId: string,
  baseline: boolean,
): Promise<{ id: string; type: string; hits: string }[]> {
  return (await gw.read('alerts-store/indicator-flagged', { watchId, indicatorId, baseline })).map(
    (r) => ({ id: String(r.id), type: String(r.type), hits: String(r.hits ?? '[]') }),
  );
}

/** Records keys as seen and raises the alerts among them not seen before; returns the ids raised. */
export async function raise(
  gw: Gateway,
  rows: { key: string; alert: boolean; props: Record<string, unknown> }[],
): Promise<string[]> {
  const raised: string[] = [];
  for (let i = 0; i < rows.length; i += 2000)
    raised.push(
      ...(await gw.write('alerts-store/raise', { rows: rows.slice(i, i + 2000) })).map((r) =>
        String(r.id),
      ),
    );
  return raised;
}

export async function decide(
  gw: Gateway,
  p: {
    id: string;
    status: string | null;
    assign: boolean;
    assignee: string | null;
    by: string;
    reason: string | null;
  },
): Promise<{ before: string; assignedBefore: string | null; alert: AlertRow } | null> {
  const [r] = await gw.write('alerts-store/decide', p);
  return r
    ? {
        before: String(r.before),
        assignedBefore: (r.assignedBefore as string | null) ?? null,
        alert: alertOf(r),
      }
    : null;
}

export async function raisedSince(
  gw: Gateway,
  after: string,
  limit: number,
): Promise<{ id: string; raisedAt: string }[]> {
  return (await gw.read('alerts-store/raised-since', { after, limit: int(limit) })).map((r) => ({
    id: String(r.id),
    raisedAt: String(r.raisedAt),
  }));
}

// The callers' reads (their scoped gateway).

export type AlertFilter = {
  status: string[] | null;
  caseId: string | null;
  watchId: string | null;
  assignee: string | null;
};

export async function page(
  gw: Gateway,
  f: AlertFilter,
  offset: number,
  limit: number,
): Promise<AlertRow[]> {
  return (await gw.read('alerts/page', { ...f, offset: int(offset), limit: int(limit) })).map(
    alertOf,
  );
}

export async function counts(
  gw: Gateway,
  f: AlertFilter,
): Promise<{ caseId: string | null; n: number; open: number }[]> {
  return (await gw.read('alerts/count', f)).map((r) => ({
    caseId: (r.caseId as string | null) ?? null,
    n: Number(r.n),
    open: Number(r.open),
  }));
}

export async function byIds(gw: Gateway, ids: readonly string[]): Promise<AlertRow[]> {
  return (await gw.read('alerts/by-ids', { ids: [...ids] })).map(alertOf);
}

export async function evidence(
  gw: Gateway,
  entityIds: readonly string[],
  linkIds: readonly string[],
): Promise<{ nodes: Row[]; links: Row[] }> {
  const [r] = await gw.read('alerts/evidence', {
    entityIds: [...entityIds],
    linkIds: [...linkIds],
  });
  return {
    nodes: (r?.nodes as Row[] | undefined) ?? [],
    links: (r?.links as Row[] | undefined) ?? [],
  };
}

export async function watches(
  gw: Gateway,
  owner: string,
  f: { active: boolean | null; caseId: string | null },
): Promise<WatchRow[]> {
  return (await gw.read('alerts/watches', { owner, ...f })).map(watchOf);
}
