/**
 * Cases (investigations): members with case roles, a handling code, and the charts, snapshots and
 * notes they hold (decision 0035). Who may open or change a case is decided by modules/access
 * (`caseDecision`, `requireCase`) from the case's facts; the charts and snapshots a case holds are
 * opened through their own modules, so a case never shows more of them than opening them would.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbidden, notFound } from '../../errors.ts';
import { caseDecision, CASE_ROLES, concealsRefused, isRole, requireCase, type CaseFacts, type CaseRight, type CaseRole, type ShareMode } from '../access/index.ts';
import { openableAmong, shareChart } from '../chart/index.ts';
import { annotations, CLASSIFICATION_VALUE, type ClassificationName } from '../entity/index.ts';
import { getSnapshot } from '../snapshot/index.ts';
import * as repo from './cases.repository.ts';

export const MAX_NAME_LENGTH = 120;

/** A case as the caller sees it: its row and their right in it. */
export interface CaseOut extends Omit<repo.CaseRow, 'memberRole' | 'classification' | 'handlingCode'> {
  handlingCode: 'P' | 'C';
  classification: ClassificationName;
  myRight: CaseRight;
}

const isCaseRole = (r: unknown): r is CaseRole => typeof r === 'string' && (CASE_ROLES as readonly string[]).includes(r);

export function factsOf(row: repo.CaseRow): CaseFacts {
  return { name: row.name, handlingCode: row.handlingCode, classification: row.classification, needToKnow: row.needToKnow, memberRole: isCaseRole(row.memberRole) ? row.memberRole : null };
}

function out(row: repo.CaseRow, myRight: CaseRight): CaseOut {
  const { memberRole: _m, classification, handlingCode, ...rest } = row;
  return { ...rest, handlingCode: handlingCode === 'P' ? 'P' : 'C', classification: classification === 'OFFICIAL-SENSITIVE' ? 'OFFICIAL_SENSITIVE' : 'OFFICIAL', myRight };
}

/**
 * Is the case kept from the caller as if it did not exist? To a partner who is not a member of a
 * case they may not open, yes (concealsRefused): an id they come by (an alert's caseId) tells them
 * nothing, not even its name. A member is told why they are refused.
 */
function concealed(ctx: Context, row: repo.CaseRow): boolean {
  const facts = factsOf(row);
  return concealsRefused(ctx.principal) && facts.memberRole === null && caseDecision(ctx.principal, facts).right === null;
}

/**
 * A case the caller may open with at least `need`: NOT_FOUND when there is none (or it is
 * concealed from them), FORBIDDEN saying why otherwise.
 */
export async function requireOpen(ctx: Context, id: string, need: CaseRight = 'read'): Promise<CaseOut> {
  const row = await repo.byId(ctx.gateway, id, ctx.principal.id);
  if (!row || concealed(ctx, row)) throw notFound('case', id);
  return out(row, requireCase(ctx.principal, factsOf(row), need));
}

/** The cases the caller may open, newest first. */
export async function list(ctx: Context): Promise<CaseOut[]> {
  const rows = await repo.list(ctx.gateway, ctx.principal.id);
  return rows.flatMap((r) => {
    const d = caseDecision(ctx.principal, factsOf(r));
    return d.right === null ? [] : [out(r, d.right)];
  });
}

/** One case: null when there is none (or it is concealed from the caller); refused, saying why, when the caller may not open it. */
export async function get(ctx: Context, id: string): Promise<CaseOut | null> {
  const row = await repo.byId(ctx.gateway, id, ctx.principal.id);
  if (!row || concealed(ctx, row)) return null;
  const d = caseDecision(ctx.principal, factsOf(row));
  if (d.right === null) throw forbidden(d.refused);
  return out(row, d.right);
}

export async function create(
  ctx: Context,
  input: { name: string; handlingCode: 'P' | 'C'; handlingConditions?: string | null; classification?: ClassificationName | null; needToKnow?: boolean | null },
): Promise<CaseOut> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw badInput('input.name', `give the case a name of 1 to ${MAX_NAME_LENGTH} characters.`);
  const conditions = input.handlingConditions?.trim() || null;
  if (input.handlingCode === 'C' && !conditions) throw badInput('input.handlingConditions', 'handling code C needs its conditions.');
  if (input.needToKnow && !ctx.principal.needToKnow) throw badInput('input.needToKnow', 'only someone with need-to-know may open a need-to-know case (they would not be able to open it).');
  const id = `case-${randomUUID()}`;
  await repo.create(ctx.gateway, {
    id,
    name,
    handlingCode: input.handlingCode,
    handlingConditions: input.handlingCode === 'C' ? conditions : null,
    classification: CLASSIFICATION_VALUE[input.classification ?? 'OFFICIAL'],
    needToKnow: input.needToKnow ?? false,
    principalId: ctx.principal.id,
    by: ctx.principal.name,
  });
  return requireOpen(ctx, id);
}

const MEMBER_FORMS = 'a username, token:NAME for an API token, or jwt:NAME for an identity-provider user';

/**
 * The identity-provider user `jwt:NAME` names (the name their token maps to, or their principal id
 * jwt:ISSUER:SUBJECT): one Lantern has seen sign in (auth records them), since Lantern keeps no
 * list of the provider's users.
 */
async function identityMember(ctx: Context, member: string): Promise<string> {
  const found = await repo.identityAccounts(ctx.gateway, { name: member.slice('jwt:'.length), id: member });
  if (found.length === 0) {
    throw badInput('member', `no identity-provider user “${member.slice(4)}” has signed in to Lantern yet; they can be added once they have (as jwt: and the name Lantern shows for them).`);
  }
  if (found.length > 1) {
    throw badInput('member', `more than one identity-provider user is named “${member.slice(4)}”; give one by its id: ${found.map((f) => f.id).join(', ')}.`);
  }
  return found[0]!.id;
}

export async function addMember(ctx: Context, caseId: string, member: string, role: CaseRole): Promise<CaseOut> {
  await requireOpen(ctx, caseId, 'manage');
  const m = member.trim();
  if (!m || m === 'jwt:' || m === 'token:') throw badInput('member', `give ${MEMBER_FORMS}.`);
  const identityId = m.startsWith('jwt:') ? await identityMember(ctx, m) : undefined;
  if (!(await repo.addMember(ctx.gateway, { id: caseId, member: m, ...(identityId ? { identityId } : {}), role, by: ctx.principal.name }))) {
    throw badInput('member', `there is no user or API token “${m}” (give ${MEMBER_FORMS}).`);
  }
  return requireOpen(ctx, caseId);
}

export async function removeMember(ctx: Context, caseId: string, member: string): Promise<CaseOut | null> {
  await requireOpen(ctx, caseId, 'manage');
  const members = await repo.members(ctx.gateway, caseId);
  const target = members.find((x) => x.name === member.trim());
  if (!target) throw badInput('member', `“${member}” is not a member of this case.`);
  if (target.role === 'lead' && members.filter((x) => x.role === 'lead').length === 1) throw badInput('member', 'a case keeps at least one lead: make someone else lead first.');
  await repo.removeMember(ctx.gateway, caseId, target.name);
  // Removing oneself can leave a case the caller may no longer open: null then.
  const row = await repo.byId(ctx.gateway, caseId, ctx.principal.id);
  const d = row ? caseDecision(ctx.principal, factsOf(row)) : null;
  return row && d?.right ? out(row, d.right) : null;
}

export async function attachChart(ctx: Context, caseId: string, chartId: string, mode: ShareMode): Promise<CaseOut> {
  await requireOpen(ctx, caseId, 'edit');
  await shareChart(ctx, chartId, { caseId }, mode);
  return requireOpen(ctx, caseId);
}

export async function attachSnapshot(ctx: Context, caseId: string, snapshotId: string): Promise<CaseOut> {
  await requireOpen(ctx, caseId, 'edit');
  if (!(await getSnapshot(ctx, snapshotId))) throw notFound('snapshot', snapshotId);
  await repo.attachSnapshot(ctx.gateway, { caseId, snapshotId, by: ctx.principal.name });
  return requireOpen(ctx, caseId);
}

export async function members(ctx: Context, caseId: string) {
  return (await repo.members(ctx.gateway, caseId)).map((m) => ({
    ...m,
    role: isCaseRole(m.role) ? m.role : 'viewer',
    accountRole: isRole(m.accountRole) ? m.accountRole : null,
  }));
}

/** The charts the case holds that the caller may open (each decided as opening it would be). */
export async function charts(ctx: Context, caseId: string) {
  const held = (await repo.holdings(ctx.gateway, caseId)).filter((h) => h.kind === 'chart');
  return openableAmong(ctx, held.map((h) => h.id));
}

/** The snapshots the case holds that the caller may see. */
export async function snapshots(ctx: Context, caseId: string) {
  const held = (await repo.holdings(ctx.gateway, caseId)).filter((h) => h.kind === 'snapshot');
  const seen = await Promise.all(held.map((h) => getSnapshot(ctx, h.id)));
  return seen.flatMap((s) => (s ? [{ id: s.id, title: s.title, createdAt: s.createdAt, handlingCode: s.handlingCode }] : []));
}

export function notes(ctx: Context, caseId: string) {
  return annotations(ctx, caseId);
}
