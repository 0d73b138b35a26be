/**
 * Saved charts: the rules (names, document shape and size) between the resolvers and the
 * repository. A saved chart is a view, not a copy: it stores ids, positions and styling only
 * (chart.document.ts `toStored`, whatever the client sent), and every open reads its entities
 * and links again through the caller's scope and masking, so a caller sees of a chart exactly
 * what they would see of those ids anywhere else, and the counts are of that.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../graphql/context.ts';
import { badInput, conflict, notFound } from '../../errors.ts';
import { accountOf, caseDecision, CASE_ROLES, chartRight, concealsRefused, requireCase, requireChart, type CaseRole, type ChartFacts, type ChartRight, type ShareMode } from '../access/index.ts';
import { annotations } from '../entity/index.ts';
import { idsOf, toStored, toView, type ViewDocument } from './chart.document.ts';
import * as repo from './chart.repository.ts';

export const MAX_NAME_LENGTH = 120;
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface ChartSummary extends repo.ChartRow {
  /** The saved version (1 for the first save). */
  version: number;
  /** Who saved it first (null for charts saved before 0035). */
  owner: string | null;
  /** Who saved the latest version. */
  savedBy: string | null;
  /** The caller's right on it. */
  access: ChartRight;
  /** Its shares (to its owner only). */
  shares: { kind: 'user' | 'case'; id: string; name: string; mode: ShareMode }[];
  /** The cases holding it that the caller may open. */
  caseIds: string[];
  /** Entities on the chart the caller may see. */
  nodeCount: number;
  /** Links on the chart the caller may see. */
  edgeCount: number;
}

export interface Chart extends ChartSummary {
  document: ViewDocument;
}

export function validateName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw badInput('name', 'give the chart a name.');
  if (trimmed.length > MAX_NAME_LENGTH) throw badInput('name', `at most ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

/** Checks a document as a client sent it: a JSON object of at most 5 MB. */
export function checkDocument(document: unknown): void {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw badInput('document', 'must be a JSON object.');
  }
  if (Buffer.byteLength(JSON.stringify(document)) > MAX_DOCUMENT_BYTES) {
    throw badInput('document', `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; save a smaller chart.`);
  }
}

function parseStored(text: string) {
  try {
    // Cut down again on the way out: a document stored before charts were views keeps nothing more.
    return toStored(JSON.parse(text) as unknown);
  } catch {
    return toStored({});
  }
}

/** Counts what of one chart is among what the caller may see (a chart's links need both ends). */
export function countVisible(
  chart: { nodeIds: readonly string[]; edgeIds: readonly string[] },
  seen: { nodes: readonly { id: string }[]; edges: readonly { id: string; source: string; target: string }[] },
): { nodeCount: number; edgeCount: number } {
  const seenNodes = new Set(seen.nodes.map((n) => n.id));
  const nodes = new Set(chart.nodeIds.filter((id) => seenNodes.has(id)));
  const edges = new Set(chart.edgeIds);
  return { nodeCount: nodes.size, edgeCount: seen.edges.filter((e) => edges.has(e.id) && nodes.has(e.source) && nodes.has(e.target)).length };
}

/** The access facts of a chart row, for modules/access. */
export function factsFor(row: repo.ChartFactsRow): ChartFacts {
  return {
    ownerId: row.ownerId,
    sharedWithPartners: row.sharedWithPartners,
    userShares: row.userShares.map((s) => ({ principalId: s.principalId, mode: s.mode === 'edit' ? 'edit' : 'read' })),
    caseShares: row.caseShares.map((s) => ({ mode: s.mode === 'edit' ? 'edit' : 'read', case: caseFactsOf(s) })),
  };
}

function caseFactsOf(s: repo.ChartFactsRow['caseShares'][number]) {
  return { name: s.name, handlingCode: s.handlingCode, classification: s.classification ?? 'OFFICIAL', needToKnow: s.needToKnow, memberRole: isCaseRole(s.memberRole) ? s.memberRole : null };
}

const isCaseRole = (r: unknown): r is CaseRole => typeof r === 'string' && (CASE_ROLES as readonly string[]).includes(r);

/** What the caller sees of a chart's ownership and sharing; shares are listed to its owner only. */
function sharing(ctx: Context, row: repo.ChartFactsRow, access: ChartRight) {
  return {
    version: row.version,
    owner: row.ownerName,
    savedBy: row.savedBy,
    access,
    shares:
      access === 'own'
        ? [
            ...row.userShares.map((s) => ({ kind: 'user' as const, id: s.principalId, name: s.name, mode: s.mode })),
            ...row.caseShares.map((s) => ({ kind: 'case' as const, id: s.caseId, name: s.name, mode: s.mode })),
          ]
        : [],
    caseIds: row.caseShares.filter((s) => caseDecision(ctx.principal, caseFactsOf(s)).right !== null).map((s) => s.caseId),
  };
}

/** The charts the caller may open (modules/access `chartRight`), with counts of what they may see on each. */
export async function list(ctx: Context): Promise<ChartSummary[]> {
  const rows = (await repo.listFacts(ctx.gateway, ctx.principal.id))
    .map((r) => ({ r, access: chartRight(ctx.principal, factsFor(r)) }))
    .filter((x): x is { r: repo.ChartFactsRow; access: ChartRight } => x.access !== null);
  const seen = await repo.visible(ctx.gateway, [...new Set(rows.flatMap((x) => x.r.nodeIds))]);
  return rows.map(({ r, access }) => {
    const { nodeIds, edgeIds, ...row } = r;
    return { ...toRowOut(row), ...sharing(ctx, r, access), ...countVisible({ nodeIds, edgeIds }, seen) };
  });
}

function toRowOut(r: repo.ChartRow): repo.ChartRow {
  return { id: r.id, name: r.name, sharedWithPartners: r.sharedWithPartners, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

/** A chart's row and the caller's right on it; null when there is none, or none the caller may open. */
async function openable(ctx: Context, by: { id?: string | null; name?: string | null }) {
  const row = await repo.factsOf(ctx.gateway, by, ctx.principal.id);
  if (!row) return null;
  const access = chartRight(ctx.principal, factsFor(row));
  return access === null ? null : { row, access };
}

/**
 * A chart the caller may open with at least `need`; NOT_FOUND when there is none (or, to a partner,
 * none they may open: concealsRefused), FORBIDDEN (saying why) when their right is less.
 */
async function requireOpen(ctx: Context, id: string, need: ChartRight) {
  const row = await repo.factsOf(ctx.gateway, { id }, ctx.principal.id);
  if (!row) throw notFound('chart', id);
  const access = chartRight(ctx.principal, factsFor(row));
  if (access === null && concealsRefused(ctx.principal)) throw notFound('chart', id);
  requireChart(ctx.principal, row.name, access, need);
  return { row, access: access! };
}

export async function get(ctx: Context, by: { id?: string | null; name?: string | null }): Promise<Chart | null> {
  if (!by.id && !by.name) throw badInput('id', 'give the chart id or its name.');
  const found = await openable(ctx, by.id ? { id: by.id } : { name: by.name!.trim() });
  if (!found) return null;
  const { document, nodeIds: _n, edgeIds: _e, ...rest } = found.row;
  const stored = parseStored(document);
  const view = toView(stored, await repo.visible(ctx.gateway, idsOf(stored).nodeIds));
  return { ...toRowOut(rest), ...sharing(ctx, found.row, found.access), document: view, nodeCount: view.elements.nodes.length, edgeCount: view.elements.edges.length };
}

/**
 * Saves a chart under a name as a new version. A chart of that name is saved over only by those
 * who may edit it (its owner, an admin, an editable share); anyone else is refused, saying why,
 * and loses nothing (the workspace still has their chart to save under another name).
 */
export async function save(ctx: Context, name: string, document: unknown, sharedWithPartners?: boolean | null, restoredFrom: number | null = null): Promise<Chart> {
  checkDocument(document);
  const stored = toStored(document);
  const trimmed = validateName(name);
  const existing = await repo.factsOf(ctx.gateway, { name: trimmed }, ctx.principal.id);
  if (existing) {
    const access = chartRight(ctx.principal, factsFor(existing));
    if (access === null) throw conflict(`A chart named “${trimmed}” exists already and is not shared with you; save under another name.`);
    requireChart(ctx.principal, trimmed, access, 'edit');
    if (sharedWithPartners != null && sharedWithPartners !== existing.sharedWithPartners) requireChart(ctx.principal, trimmed, access, 'own');
  }
  const { id } = await repo.saveVersion(ctx.gateway, {
    id: `chart-${randomUUID()}`,
    name: trimmed,
    document: JSON.stringify(stored),
    ...idsOf(stored),
    sharedWithPartners: sharedWithPartners ?? null,
    ownerId: ctx.principal.id,
    savedBy: ctx.principal.name,
    restoredFrom,
  });
  const chart = await get(ctx, { id });
  if (!chart) throw new Error(`chart ${id} was saved but cannot be read back`);
  return chart;
}

export async function remove(ctx: Context, id: string): Promise<boolean> {
  const row = await repo.factsOf(ctx.gateway, { id }, ctx.principal.id);
  if (!row) return false;
  requireChart(ctx.principal, row.name, chartRight(ctx.principal, factsFor(row)), row.ownerId === null ? 'edit' : 'own');
  return repo.deleteChart(ctx.gateway, id);
}

/** The kept versions of a chart the caller may open, newest first. */
export async function versions(ctx: Context, id: string): Promise<repo.VersionRow[]> {
  await requireOpen(ctx, id, 'read');
  return repo.versions(ctx.gateway, id);
}

/** Restores a kept version: its document is saved as a new version (nothing is lost; the restored-over version stays kept). */
export async function restore(ctx: Context, id: string, version: number): Promise<Chart> {
  const { row } = await requireOpen(ctx, id, 'edit');
  const text = await repo.versionDocument(ctx.gateway, id, version);
  if (text === null) throw badInput('version', `chart “${row.name}” has no version ${version}; see chartVersions for those kept.`);
  return save(ctx, row.name, parseStored(text), null, version);
}

export type ShareTarget = { caseId?: string | null; user?: string | null };

function targetOf(t: ShareTarget): { caseId: string } | { user: string } {
  const caseId = t.caseId?.trim();
  const user = t.user?.trim();
  if (!!caseId === !!user) throw badInput('with', 'give either caseId or user (a username, or token:NAME for an API token).');
  return caseId ? { caseId } : { user: user! };
}

/** Refuses unless the caller may add to the case (lead or analyst member; modules/access). */
async function requireCaseEdit(ctx: Context, caseId: string): Promise<void> {
  const [row] = await ctx.gateway.read('cases/facts', { id: caseId, principalId: ctx.principal.id });
  if (!row) throw notFound('case', caseId);
  const c = row.case as Record<string, unknown>;
  requireCase(ctx.principal, { name: String(c.name), handlingCode: String(c.handlingCode), classification: String(c.classification ?? 'OFFICIAL'), needToKnow: c.needToKnow === true, memberRole: isCaseRole(row.memberRole) ? row.memberRole : null }, 'edit');
}

/**
 * Shares a chart (its owner or an admin) with a case or a user, read-only or editable; sharing
 * again changes the mode. Putting it in a case needs the right to add to that case, too.
 */
export async function share(ctx: Context, id: string, target: ShareTarget, mode: ShareMode): Promise<Chart> {
  const t = targetOf(target);
  await requireOpen(ctx, id, 'own');
  if ('caseId' in t) {
    await requireCaseEdit(ctx, t.caseId);
    if (!(await repo.shareWithCase(ctx.gateway, { id, caseId: t.caseId, mode, by: ctx.principal.name }))) throw notFound('case', t.caseId);
  } else if (!(await repo.shareWithUser(ctx.gateway, { id, account: t.user, mode, by: ctx.principal.name }))) {
    throw badInput('with.user', `there is no user or API token “${t.user}” (give a username, or token:NAME).`);
  }
  return (await get(ctx, { id }))!;
}

export async function unshare(ctx: Context, id: string, target: ShareTarget): Promise<Chart> {
  const t = targetOf(target);
  await requireOpen(ctx, id, 'own');
  if ('caseId' in t) await repo.unshareCase(ctx.gateway, id, t.caseId);
  else await repo.unshareUser(ctx.gateway, id, t.user);
  return (await get(ctx, { id }))!;
}

/** How long after its last heartbeat someone still counts as having a chart open. */
export const PRESENCE_WINDOW_SECONDS = 35;

/**
 * The polling presence heartbeat (decision 0035): the caller has this chart open. Answers who else
 * has it open, and its latest version, by whom and when it was saved, so that the workspace can
 * say "changed since you opened it".
 */
export async function presence(ctx: Context, chartId: string) {
  await requireOpen(ctx, chartId, 'read');
  const p = await repo.presence(ctx.gateway, { chartId, principalId: ctx.principal.id, name: ctx.principal.name, via: ctx.principal.via, windowSeconds: PRESENCE_WINDOW_SECONDS });
  if (!p) throw notFound('chart', chartId);
  // One entry per person (a user with two tabs is one), not the caller; named as people know them.
  const others = [...new Map(p.others.filter((o) => o.name !== ctx.principal.name).map((o) => [o.name, { ...o, ...accountOf(o.name, o.via) }])).values()];
  return { chartId, ...p, others };
}

/** May the caller open this chart (for notes on it)? Throws as opening would. */
export async function requireReadable(ctx: Context, id: string): Promise<{ name: string }> {
  const { row } = await requireOpen(ctx, id, 'read');
  return { name: row.name };
}

/** The charts among `ids` the caller may open, as summaries (for a case's list). */
export async function openableAmong(ctx: Context, ids: readonly string[]): Promise<ChartSummary[]> {
  const want = new Set(ids);
  return (await list(ctx)).filter((c) => want.has(c.id));
}

/** Notes on a chart (the caller has opened it), newest first. */
export function notes(ctx: Context, id: string) {
  return annotations(ctx, id);
}

/** The caller's right on a chart (null: they may not open it), for other modules that read a chart by id (exports, briefings). */
export async function rightOn(caller: { gateway: Context['gateway']; principal: Context['principal'] }, id: string): Promise<ChartRight | null> {
  const row = await repo.factsOf(caller.gateway, { id }, caller.principal.id);
  return row ? chartRight(caller.principal, factsFor(row)) : null;
}
