/**
 * What callers do with watchlists and alerts: watch an entity, an indicator rule or a saved
 * pattern (with a case id and its owner), list and page alerts with their evidence as the caller
 * may see it now, decide on them (confirm, dismiss, assign, reopen: each audited), and hear of new
 * ones (the subscription, scoped to each subscriber).
 */
import { on } from 'node:events';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbidden, notFound } from '../../errors.ts';
import { can } from '../access/index.ts';
import {
  decodeCursor,
  intArg,
  page as relayPage,
  toGraphEdge,
  toGraphNode,
} from '../entity/index.ts';
import { library } from '../indicators/index.ts';
import * as repo from './alerts.repository.ts';
import { baseline } from './alerts.engine.ts';
import { PATTERN_NAMES, PATTERNS, patternParameters, type PatternName } from './alerts.patterns.ts';
import { RAISED, type AlertHub } from './alerts.hub.ts';

export const ALERT_STATUSES = ['NEW', 'CONFIRMED', 'DISMISSED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type AlertDecision = 'CONFIRM' | 'DISMISS' | 'ASSIGN' | 'REOPEN';

const trimmed = (v: string | null | undefined, argument: string, max: number): string | null => {
  const t = v?.trim() ?? '';
  if (!t) return null;
  if (t.length > max)
    throw badInput(argument, `must be at most ${max} characters (got ${t.length}).`);
  return t;
};

export interface WatchInput {
  entityId?: string | null;
  indicatorId?: string | null;
  pattern?: string | null;
  parameters?: unknown;
  caseId?: string | null;
  note?: string | null;
}

/** A watch as the API gives it. */
export function watchOut(w: repo.WatchRow) {
  return {
    ...w,
    parameters: w.parameters ? (JSON.parse(w.parameters) as unknown) : null,
    title: titleOf(w),
  };
}

function titleOf(w: repo.WatchRow): string {
  if (w.kind === 'PATTERN') return PATTERNS[w.pattern as PatternName]?.title ?? String(w.pattern);
  if (w.kind === 'INDICATOR')
    return library().indicators.find((i) => i.id === w.indicatorId)?.title ?? String(w.indicatorId);
  return `Watched ${(w.entityType ?? 'entity').toLowerCase().replace(/_/g, ' ')}`;
}

/**
 * Starts a watch. Exactly one of entityId (an entity the caller can see), indicatorId (a rule of
 * the indicator library) or pattern (a saved pattern, with its parameters) says what it watches.
 * What it matches already is recorded, not raised: alerts come from what is written after.
 */
export async function watch(ctx: Context, input: WatchInput) {
  const given = (['entityId', 'indicatorId', 'pattern'] as const).filter(
    (k) => input[k] !== null && input[k] !== undefined && input[k] !== '',
  );
  if (given.length !== 1)
    throw badInput(
      'input',
      `give exactly one of entityId, indicatorId or pattern (got ${given.length ? given.join(' and ') : 'none'}).`,
    );
  const caseId = trimmed(input.caseId, 'input.caseId', 200);
  const note = trimmed(input.note, 'input.note', 2000);
  const props: Record<string, unknown> = {
    id: `watch-${crypto.randomUUID()}`,
    owner: ctx.principal.name,
    caseId,
    note,
    entityId: null,
    entityType: null,
    indicatorId: null,
    pattern: null,
    parameters: null,
  };
  if (input.entityId) {
    const id = input.entityId.trim();
    const found = await repo.evidence(ctx.gateway, [id], []);
    if (found.nodes.length === 0) {
      const e = notFound('entity', id);
      e.extensions.argument = 'input.entityId';
      throw e;
    }
    Object.assign(props, {
      kind: 'ENTITY',
      entityId: id,
      entityType: String(found.nodes[0]!.type),
    });
  } else if (input.indicatorId) {
    const ids = library().indicators.map((i) => i.id as string);
    if (!ids.includes(input.indicatorId))
      throw badInput(
        'input.indicatorId',
        `must be a rule of the indicator library: ${ids.join(', ')}.`,
      );
    if (input.parameters !== null && input.parameters !== undefined)
      throw badInput(
        'input.parameters',
        'an indicator watch takes no parameters (the rule carries its own).',
      );
    Object.assign(props, { kind: 'INDICATOR', indicatorId: input.indicatorId });
  } else {
    const name = input.pattern as PatternName;
    if (!PATTERN_NAMES.includes(name))
      throw badInput(
        'input.pattern',
        `must be one of the saved patterns: ${PATTERN_NAMES.join(', ')}.`,
      );
    Object.assign(props, {
      kind: 'PATTERN',
      pattern: name,
      parameters: JSON.stringify(patternParameters(name, input.parameters)),
    });
  }
  const system = ctx.services.system;
  const w = await repo.createWatch(system, props);
  const known = await baseline(system, w);
  return { ...watchOut(w), baseline: known };
}

/** Ends a watch (its owner, or an admin); its alerts stay. */
export async function unwatch(ctx: Context, id: string) {
  const system = ctx.services.system;
  const w = await repo.watchById(system, id);
  if (!w) throw notFound('watch', id);
  if (w.owner !== ctx.principal.name && !can(ctx.principal, 'administer'))
    throw forbidden(`Only the watch's owner (${w.owner}) or an admin may end it.`);
  return watchOut((await repo.unwatch(system, id, ctx.principal.name))!);
}

export async function watches(
  ctx: Context,
  args: { active?: boolean | null; caseId?: string | null },
) {
  return (
    await repo.watches(ctx.gateway, ctx.principal.name, {
      active: args.active ?? null,
      caseId: args.caseId ?? null,
    })
  ).map(watchOut);
}

export interface AlertsArgs {
  status?: readonly AlertStatus[] | null;
  caseId?: string | null;
  watchId?: string | null;
  assignee?: string | null;
  first?: number | null;
  after?: string | null;
}

const filterOf = (a: AlertsArgs): repo.AlertFilter => ({
  status: a.status?.length ? [...a.status] : null,
  caseId: a.caseId ?? null,
  watchId: a.watchId ?? null,
  assignee: a.assignee ?? null,
});

/** A page of the alerts the caller may see, newest first, with counts per case. */
export async function alerts(ctx: Context, args: AlertsArgs) {
  const first = intArg('first', args.first, { min: 1, max: 200, default: 50 });
  const offset = decodeCursor('alerts', args.after);
  const f = filterOf(args);
  const [rows, counts] = await Promise.all([
    repo.page(ctx.gateway, f, offset, first + 1),
    repo.counts(ctx.gateway, f),
  ]);
  const p = relayPage('alerts', rows, offset, first);
  return {
    edges: p.items.map((i) => ({ node: i.item, cursor: i.cursor })),
    pageInfo: p.pageInfo,
    totalCount: counts.reduce((a, c) => a + c.n, 0),
    byCase: counts.map((c) => ({ caseId: c.caseId, count: c.n, open: c.open })),
  };
}

/** An alert's evidence as the caller may see it now: what they may not see is left out. */
export async function evidence(
  ctx: Context,
  a: Pick<repo.AlertRow, 'entityIds' | 'linkIds' | 'sourceIds'>,
) {
  const found = await repo.evidence(ctx.gateway, a.entityIds, a.linkIds);
  return {
    nodes: found.nodes.map((n) => toGraphNode(n)),
    links: found.links.map((l) => toGraphEdge(l)),
    sourceIds: a.sourceIds,
  };
}

/** The watch an alert came from, when the caller may list it. */
export async function watchOfAlert(ctx: Context, a: Pick<repo.AlertRow, 'watchId'>) {
  const w = await repo.watchById(ctx.services.system, a.watchId);
  return w && (can(ctx.principal, 'readUnshareable') || w.owner === ctx.principal.name)
    ? watchOut(w)
    : null;
}

const STATUS_OF: Record<AlertDecision, AlertStatus | null> = {
  CONFIRM: 'CONFIRMED',
  DISMISS: 'DISMISSED',
  REOPEN: 'NEW',
  ASSIGN: null,
};

/** Confirms, dismisses, assigns or reopens an alert the caller can see; recorded in the audit log. */
export async function decideAlert(
  ctx: Context,
  args: { id: string; decision: AlertDecision; assignee?: string | null; reason?: string | null },
) {
  const [seen] = await repo.byIds(ctx.gateway, [args.id]);
  if (!seen) {
    const e = notFound('alert', args.id);
    e.extensions.argument = 'id';
    throw e;
  }
  const assignee = trimmed(args.assignee, 'assignee', 200);
  if (args.decision === 'ASSIGN' && !assignee)
    throw badInput('assignee', 'ASSIGN needs the analyst to assign the alert to.');
  const reason = trimmed(args.reason, 'reason', 2000);
  const done = await repo.decide(ctx.services.system, {
    id: args.id,
    status: STATUS_OF[args.decision],
    assign: args.decision === 'ASSIGN' || assignee !== null,
    assignee,
    by: ctx.principal.name,
    reason,
  });
  if (!done) throw notFound('alert', args.id);
  await ctx.audit?.record({
    at: new Date().toISOString(),
    actor: ctx.principal.name,
    role: ctx.principal.role,
    kind: 'alert',
    operation: `alert ${args.decision.toLowerCase()}`,
    variables: JSON.stringify({
      id: args.id,
      decision: args.decision,
      statusBefore: done.before,
      status: done.alert.status,
      assignee: done.alert.assignee,
      reason,
    }),
    purpose: ctx.purpose,
    recordCount: 1 + done.alert.entityIds.length,
    recordIds: [args.id, ...done.alert.entityIds],
    requestId: ctx.requestId,
    outcome: 'ok',
  });
  return done.alert;
}

/**
 * The subscription: the alerts raised from now on that this caller may see (read through their
 * own scope, so a partner never hears of what they cannot see), filtered by case and watch.
 */
export function alertRaised(
  ctx: Context,
  hub: AlertHub | undefined,
  args: { caseId?: string | null; watchId?: string | null },
): AsyncIterableIterator<repo.AlertRow> {
  if (!hub) throw badInput('alertRaised', 'this server does not run the alert engine.');
  const events = on(hub, RAISED) as AsyncIterableIterator<[string[]]>;
  let buffer: repo.AlertRow[] = [];
  const wanted = (a: repo.AlertRow) =>
    (!args.caseId || a.caseId === args.caseId) && (!args.watchId || a.watchId === args.watchId);
  const it: AsyncIterableIterator<repo.AlertRow> = {
    async next() {
      while (buffer.length === 0) {
        const r = await events.next();
        if (r.done) return { done: true, value: undefined };
        buffer = (await repo.byIds(ctx.gateway, r.value[0])).filter(wanted);
      }
      return { done: false, value: buffer.shift()! };
    },
    async return() {
      await events.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}
