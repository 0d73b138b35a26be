/**
 * Resolves a selection (entities and their neighbourhood, or a saved chart) into the entities,
 * links and source records an export or a briefing snapshot shows. Everything is read through
 * the caller's scoped gateway: a partner's selection holds only what a partner may see. Potential
 * victims are masked for everyone by default, whatever the request's own unmasking, under the one
 * pseudonym the workspace also shows (db/scope.ts pseudonym(): "Protected person 3F9A2C", an HMAC
 * of the id, the same in every export, briefing and answer, on every instance); unmasking needs
 * the admin or analyst role with need-to-know and a reason, and is audited.
 */
import { chartRightOn } from '../chart/index.ts';
import { GraphQLError } from 'graphql';
import os from 'node:os';
import { ErrorCode, badInput } from '../../errors.ts';
import { LABEL, type EntityType } from '../../model/model.ts';
import type { Context } from '../../graphql/context.ts';
import { requireCan, roleMay, scopeFor, type Principal, type Role } from '../access/index.ts';
import type { Gateway } from '../../db/gateway.ts';
import type { AuditLog } from '../audit/index.ts';
import { entityTypeOf, subtitleOf, withheldSources } from '../entity/index.ts';
import { LIMITS } from '../graph/index.ts';
import { neighbourhood } from '../graph/index.ts';
import { activeRegistry } from '../../model/registry/registry.ts';
import { filteredIds, NO_FILTERS, type FilteredEdge, type FilteredNode, type Filters } from '../../kernel/filters.ts';
import { layout, type Position } from './layout.ts';
import * as repo from './selection.repository.ts';
import { grading, num, ownProperties, str, toLink } from './selection.rows.ts';
import type {
  SelectedEntity, SelectedLink, SelectedSource, Selection, SelectionCaller, SelectionInput, SelectionOptions,
} from './selection.types.ts';

export type * from './selection.types.ts';

export const SELECTION_LIMITS = { ids: LIMITS.ids, hops: LIMITS.hops, defaultHops: 1, entities: 5000, reason: 500 } as const;

/**
 * Checks a selection as a caller gave it (GraphQL input, CLI flags): exactly one of `ids` and
 * `chart`; ids 1 to 100, 1 to 200 characters each; hops 0 to 3 (default 1).
 */
export function parseSelection(raw: { ids?: readonly string[] | null; hops?: number | null; chart?: string | null }, argument = 'selection'): SelectionInput {
  const hasIds = raw.ids !== undefined && raw.ids !== null;
  const chart = raw.chart?.trim() ?? '';
  if (hasIds === (chart !== '')) throw badInput(argument, 'give either ids (with hops) or a chart name, not both and not neither.');
  if (chart !== '') {
    if (raw.hops !== undefined && raw.hops !== null) throw badInput(`${argument}.hops`, 'hops go with ids, not with a chart.');
    if (chart.length > 200) throw badInput(`${argument}.chart`, 'a chart name or id has at most 200 characters.');
    return { chart };
  }
  const ids = [...new Set(raw.ids!.map((id) => id.trim()))];
  if (ids.length < 1 || ids.length > SELECTION_LIMITS.ids) throw badInput(`${argument}.ids`, `give 1 to ${SELECTION_LIMITS.ids} distinct ids (got ${ids.length}).`);
  ids.forEach((id, i) => {
    if (id.length === 0 || id.length > 200) throw badInput(`${argument}.ids[${i}]`, 'an id has 1 to 200 characters.');
  });
  const hops = raw.hops ?? SELECTION_LIMITS.defaultHops;
  if (!Number.isInteger(hops) || hops < 0 || hops > SELECTION_LIMITS.hops) throw badInput(`${argument}.hops`, `must be a whole number from 0 to ${SELECTION_LIMITS.hops} (got ${hops}).`);
  return { ids, hops };
}

function describeIds(input: { ids: string[]; hops: number }): string {
  const shown = input.ids.length > 5 ? `${input.ids.slice(0, 5).join(', ')} and ${input.ids.length - 5} more` : input.ids.join(', ');
  return input.hops === 0 ? shown : `${shown} and the entities within ${input.hops} link${input.hops > 1 ? 's' : ''}`;
}

function notFoundChart(name: string): GraphQLError {
  return new GraphQLError(`No saved chart named ${JSON.stringify(name)} (nor with that id).`, {
    extensions: { code: ErrorCode.NOT_FOUND, argument: 'selection.chart', chart: name },
  });
}

/** The gateway for this selection: the caller's scope (partners' rules kept), masked unless unmasked here. */
function selectionGateway(caller: SelectionCaller, unmaskReason: string | null): Gateway {
  return caller.gateway.forScope({ ...caller.gateway.scope, mask: unmaskReason === null });
}

function checkUnmask(principal: Principal, reason: string | null | undefined): string | null {
  if (reason === undefined || reason === null) return null;
  const r = reason.trim();
  requireCan(principal, 'unmask');
  if (r.length < 3 || r.length > SELECTION_LIMITS.reason) throw badInput('unmaskReason', `give the reason for unmasking (3 to ${SELECTION_LIMITS.reason} characters), e.g. a case reference.`);
  return r;
}

/** An unmask the caller may not make is recorded too (kind `unmask`, outcome FORBIDDEN), with the reason given. */
function recordRefusedUnmask(caller: SelectionCaller, input: SelectionInput, reason: string): Promise<void> | undefined {
  return caller.audit?.record({
    at: new Date().toISOString(),
    actor: caller.principal.name,
    role: caller.principal.role,
    kind: 'unmask',
    operation: `selection ${'chart' in input ? `the chart ${JSON.stringify(input.chart)}` : describeIds(input)}`.slice(0, 300),
    variables: JSON.stringify({ reason: reason.trim().slice(0, SELECTION_LIMITS.reason) }),
    purpose: caller.purpose ?? '',
    recordCount: 0,
    recordIds: [],
    requestId: caller.requestId ?? '',
    outcome: ErrorCode.FORBIDDEN,
  });
}

interface SavedChart {
  elements?: { nodes?: { id?: unknown }[]; edges?: { id?: unknown }[] };
  positions?: Record<string, { x?: unknown; y?: unknown }>;
  hidden?: unknown[];
  filters?: Partial<Filters>;
  layout?: unknown;
}

/** Entity and link rows as the workspace's filter logic reads them (server/kernel/filters.ts). */
function asFilteredNode(e: SelectedEntity): FilteredNode {
  return { id: e.id, type: e.type };
}
function asFilteredEdge(l: SelectedLink): FilteredEdge {
  const g = l.grading;
  const grading = { sourceEvaluation: (['RELIABLE', 'UNTESTED', 'NOT_RELIABLE'] as const)[g.sourceEvaluation - 1]!, intelligenceAssessment: g.intelligenceAssessment };
  return { id: l.id, type: l.type, source: l.source, target: l.target, validFrom: l.validFrom, validTo: l.validTo, recordedAt: l.recordedAt, grading };
}

/**
 * Resolves a selection for a caller. Errors: BAD_USER_INPUT naming the argument (ids, hops,
 * limits), NOT_FOUND naming the unknown entity id or chart, FORBIDDEN for an unmask the caller
 * may not make. A chart's entities the caller may not see are left out, as if not on it.
 */
export async function resolveSelection(caller: SelectionCaller, input: SelectionInput, o: SelectionOptions = {}): Promise<Selection> {
  let unmaskReason: string | null;
  try {
    unmaskReason = checkUnmask(caller.principal, o.unmaskReason);
  } catch (e) {
    if (e instanceof GraphQLError && e.extensions.code === ErrorCode.FORBIDDEN) await recordRefusedUnmask(caller, input, o.unmaskReason ?? '');
    throw e;
  }
  const limit = Math.min(o.limit ?? SELECTION_LIMITS.entities, SELECTION_LIMITS.entities);
  const gw = selectionGateway(caller, unmaskReason);
  const reasons: string[] = [];
  let chartInfo: Selection['chart'] = null;
  let nodeIds: string[];
  let hiddenLinks: Set<string> | null = null;
  const chartPositions: Record<string, Position> = {};
  let chartFilters: Filters = NO_FILTERS;

  if ('chart' in input) {
    const row = await gw.readTx((tx) => repo.chart(tx, input.chart));
    // A chart shared only with some people and cases is exported or briefed only by them (modules/access chartRight).
    if (!row || (await chartRightOn({ gateway: gw, principal: caller.principal }, row.id)) === null) throw notFoundChart(input.chart);
    let doc: SavedChart;
    try {
      doc = JSON.parse(row.document) as SavedChart;
    } catch {
      throw badInput('selection.chart', `the chart ${JSON.stringify(row.name)} has a document that is not JSON.`);
    }
    const hidden = new Set((doc.hidden ?? []).map(String));
    nodeIds = [...new Set((doc.elements?.nodes ?? []).map((n) => String(n.id)))].filter((id) => !hidden.has(id));
    // Every link among the chart's entities, as the workspace draws it when the chart is opened
    // (workspace/useChartLinks.ts), whether or not it was on the chart when saved; hidden ones not.
    hiddenLinks = hidden;
    if (nodeIds.length > limit) throw badInput('selection.chart', `the chart ${JSON.stringify(row.name)} shows ${nodeIds.length} entities; at most ${limit} can be selected.`);
    for (const [id, p] of Object.entries(doc.positions ?? {})) {
      if (typeof p?.x === 'number' && typeof p.y === 'number' && Number.isFinite(p.x) && Number.isFinite(p.y)) chartPositions[id] = { x: p.x, y: p.y };
    }
    chartFilters = { ...NO_FILTERS, ...(doc.filters ?? {}) };
    chartInfo = { id: row.id, name: row.name, updatedAt: row.updatedAt, layout: typeof doc.layout === 'string' ? doc.layout : null };
  } else if (input.hops === 0) {
    nodeIds = input.ids;
  } else {
    // The graph module's bounded expansion (supernode guard, node limit), through the same scoped gateway.
    const g = await neighbourhood({ gateway: gw } as Context, { ids: input.ids, hops: input.hops, limit });
    nodeIds = g.nodes.map((n) => n.id);
    if (g.truncation) reasons.push(g.truncation);
  }

  const { rows, linkRows, sourceRows } = await gw.readTx(async (tx) => {
    const rows = await repo.entities(tx, nodeIds);
    const found = new Set(rows.map((r) => String(r.id)));
    if (!('chart' in input)) {
      const missing = input.ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw new GraphQLError(`No entity with id ${JSON.stringify(missing[0])}${missing.length > 1 ? ` (nor ${missing.slice(1, 6).map((m) => JSON.stringify(m)).join(', ')}${missing.length > 6 ? ', ...' : ''})` : ''}.`, {
          extensions: { code: ErrorCode.NOT_FOUND, argument: 'selection.ids', id: missing[0], ids: missing },
        });
      }
    }
    let linkRows = await repo.linksAmong(tx, [...found]);
    if (hiddenLinks) linkRows = linkRows.filter((l) => !hiddenLinks!.has(String(l.id)));
    const cited = new Set<string>();
    for (const r of [...rows, ...linkRows]) if (Array.isArray(r.sourceIds)) r.sourceIds.forEach((s) => cited.add(String(s)));
    const sourceRows = await repo.sources(tx, [...cited]);
    return { rows, linkRows, sourceRows };
  });

  // A masked row's label is its pseudonym, made by the gateway (db/scope.ts), as everywhere else.
  const pseudonyms = new Map(rows.filter((r) => r.masked === true).map((r) => [String(r.id), String(r.label)]));
  const order = new Map(nodeIds.map((id, i) => [id, i]));
  let entities: SelectedEntity[] = rows
    .map((row) => {
      const id = String(row.id);
      const type: EntityType = entityTypeOf(row);
      const masked = pseudonyms.has(id);
      return {
        id,
        type,
        typeName: LABEL[type],
        label: masked ? pseudonyms.get(id)! : String(row.label ?? id),
        subtitle: masked ? null : subtitleOf(row),
        properties: ownProperties(row, masked),
        potentialVictim: row.potentialVictim === true,
        suspect: row.suspect === true,
        safeguarded: row.safeguarded === true,
        masked,
        grading: grading(row),
        sourceIds: Array.isArray(row.sourceIds) ? row.sourceIds.map(String) : [],
        recordedAt: str(row.recordedAt),
        updatedAt: str(row.updatedAt),
        position: { x: 0, y: 0 },
        colour: activeRegistry().entity(type)?.colour ?? '#6b7785',
      };
    })
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  let links = linkRows.map(toLink).sort((a, b) => a.id.localeCompare(b.id));

  if (chartInfo) {
    // What the chart's own filters hide is not shown, so it is not selected either.
    const hiddenByFilters = filteredIds(entities.map(asFilteredNode), links.map(asFilteredEdge), chartFilters);
    entities = entities.filter((e) => !hiddenByFilters.has(e.id));
    const kept = new Set(entities.map((e) => e.id));
    links = links.filter((l) => !hiddenByFilters.has(l.id) && kept.has(l.source) && kept.has(l.target));
  }

  const positions = layout(entities.map((e) => e.id), links, chartInfo ? chartPositions : {});
  for (const e of entities) e.position = positions[e.id] ?? { x: 0, y: 0 };

  // A record cited by a masked person, or by a link touching one, may name them: its summary is withheld.
  const sensitive = withheldSources(entities, links);
  const usedSources = new Set([...entities.flatMap((e) => e.sourceIds), ...links.flatMap((l) => l.sourceIds)]);
  const sources: SelectedSource[] = sourceRows
    .filter((r) => usedSources.has(String(r.id)))
    .map((r) => {
      const withheld = sensitive.has(String(r.id));
      return {
        id: String(r.id),
        source: String(r.source ?? ''),
        recordKey: String(r.recordKey ?? ''),
        file: str(r.file),
        line: num(r.line),
        recordedAt: str(r.recordedAt),
        importedAt: str(r.importedAt),
        grading: grading(r),
        summary: withheld ? null : str(r.summary),
        withheld,
      };
    });
  // Citations of records the caller may not see are dropped, so nothing points at what is not there.
  const visibleSources = new Set(sources.map((s) => s.id));
  for (const x of [...entities, ...links]) x.sourceIds = x.sourceIds.filter((s) => visibleSources.has(s));

  const selection: Selection = {
    description: 'chart' in input ? `the chart ${JSON.stringify(chartInfo!.name)}` : describeIds(input),
    kind: chartInfo ? 'chart' : 'ids',
    ids: chartInfo ? null : (input as { ids: string[] }).ids,
    hops: chartInfo ? null : (input as { hops: number }).hops,
    chart: chartInfo,
    entities,
    links,
    sources,
    truncated: reasons.length > 0,
    truncation: reasons.length > 0 ? reasons.join('; ') : null,
    masking: { masked: unmaskReason === null, maskedCount: entities.filter((e) => e.masked).length, unmaskReason },
    view: { role: caller.principal.role, actor: caller.principal.name, shareAll: caller.gateway.scope.shareAll },
    positions: chartInfo ? 'chart' : 'layout',
    generatedAt: new Date().toISOString(),
  };

  if (unmaskReason !== null) {
    // Unmasking is recorded on its own, with its reason and the victims disclosed, as over HTTP.
    await caller.audit?.record({
      at: selection.generatedAt,
      actor: caller.principal.name,
      role: caller.principal.role,
      kind: 'unmask',
      operation: `selection ${selection.description}`.slice(0, 300),
      variables: JSON.stringify({ reason: unmaskReason }),
      purpose: caller.purpose ?? '',
      recordCount: entities.filter((e) => e.potentialVictim).length,
      recordIds: entities.filter((e) => e.potentialVictim).map((e) => e.id),
      requestId: caller.requestId ?? '',
      outcome: 'ok',
    });
  }
  return selection;
}

/**
 * Records that a selection left Lantern (kind `export` or `snapshot`): who, what, the purpose,
 * and every entity and link id disclosed. Call it once the file is made, and await it before the
 * file is handed over: it resolves once the record is durable (the audit spool).
 */
export function auditSelection(
  caller: SelectionCaller,
  selection: Selection,
  o: { kind: 'export' | 'snapshot'; operation: string; variables?: Record<string, unknown> },
): Promise<void> | undefined {
  const ids = [...selection.entities.map((e) => e.id), ...selection.links.map((l) => l.id)];
  return caller.audit?.record({
    at: new Date().toISOString(),
    actor: caller.principal.name,
    role: caller.principal.role,
    kind: o.kind,
    operation: o.operation,
    variables: JSON.stringify({
      selection: selection.description,
      masked: selection.masking.masked,
      ...(selection.masking.unmaskReason ? { unmaskReason: selection.masking.unmaskReason } : {}),
      ...o.variables,
    }).slice(0, 4000),
    purpose: caller.purpose ?? '',
    recordCount: ids.length,
    recordIds: ids.slice(0, 5000),
    requestId: caller.requestId ?? '',
    outcome: 'ok',
  });
}

/**
 * The caller for a command-line export or snapshot: the local user, acting with `role` (admin by
 * default; `partner` gives exactly a partner's view), reading through `gateway.forScope`.
 */
export function cliCaller(o: { gateway: Gateway; role: Role; pseudonymKey: Buffer; audit?: AuditLog; purpose?: string }): SelectionCaller {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No user name on this system: recorded as cli:unknown.
  }
  const principal: Principal = Object.freeze({ id: `cli:${user}`, name: `cli:${user}`, role: o.role, needToKnow: roleMay(o.role, 'unmask'), via: 'system' });
  return {
    gateway: o.gateway.forScope(scopeFor(principal, { unmaskReason: null, pseudonymKey: o.pseudonymKey })),
    principal,
    audit: o.audit,
    purpose: o.purpose ?? '',
    requestId: `cli-${process.pid}-${Date.now()}`,
  };
}
