/**
 * Cases in Neo4j: (:Case {id, name, handlingCode, handlingConditions, classification, needToKnow,
 * createdAt, createdBy}), members as (:Case)-[:HAS_MEMBER {role}]->(:User|:ApiToken|:IdentityAccount), holdings as
 * (:Case)-[:HOLDS {mode}]->(:Chart|:Snapshot). Statements in cypher/queries/cases/.
 */
import type { Gateway, Row } from '../../db/gateway.ts';

export interface CaseRow {
  id: string;
  name: string;
  handlingCode: string;
  handlingConditions: string | null;
  classification: string;
  needToKnow: boolean;
  createdAt: string;
  createdBy: string;
  /** The caller's role in it; null when not a member. */
  memberRole: string | null;
}

function toCase(r: Row): CaseRow {
  const k = r.case as Row;
  return {
    id: String(k.id),
    name: String(k.name),
    handlingCode: String(k.handlingCode),
    handlingConditions: k.handlingConditions == null ? null : String(k.handlingConditions),
    classification: String(k.classification ?? 'OFFICIAL'),
    needToKnow: k.needToKnow === true,
    createdAt: String(k.createdAt),
    createdBy: String(k.createdBy ?? ''),
    memberRole: r.memberRole == null ? null : String(r.memberRole),
  };
}

export async function list(gw: Gateway, principalId: string): Promise<CaseRow[]> {
  return (await gw.read('cases/list', { principalId })).map(toCase);
}

export async function byId(gw: Gateway, id: string, principalId: string): Promise<CaseRow | null> {
  const [row] = await gw.read('cases/facts', { id, principalId });
  return row ? toCase(row) : null;
}

export async function create(
  gw: Gateway,
  c: { id: string; name: string; handlingCode: string; handlingConditions: string | null; classification: string; needToKnow: boolean; principalId: string; by: string },
): Promise<void> {
  await gw.write('cases/create', c);
}

export interface MemberRow {
  name: string;
  role: string;
  accountRole: string | null;
  addedAt: string;
}

export async function members(gw: Gateway, id: string): Promise<MemberRow[]> {
  return (await gw.read('cases/members', { id })).map((r) => ({
    name: String(r.name),
    role: String(r.role),
    accountRole: r.accountRole == null ? null : String(r.accountRole),
    addedAt: String(r.addedAt),
  }));
}

/**
 * An account as members name it: a username, `token:NAME` for an API token, or `jwt:NAME` for an
 * identity-provider user (the name their token maps to).
 */
function account(a: string) {
  if (a.startsWith('token:')) return { username: null, tokenName: a.slice('token:'.length), identityName: null };
  if (a.startsWith('jwt:')) return { username: null, tokenName: null, identityName: a.slice('jwt:'.length) };
  return { username: a, tokenName: null, identityName: null };
}

/** Identity-provider users seen, named `name` or with principal id `id` (at most 10). */
export async function identityAccounts(gw: Gateway, p: { name: string; id: string }): Promise<{ id: string; name: string }[]> {
  return (await gw.read('cases/identity-accounts', p)).map((r) => ({ id: String(r.id), name: String(r.name) }));
}

/** Adds or changes a member (a user, API token, or identity-provider user by principal id); false when there is no such account. */
export async function addMember(gw: Gateway, p: { id: string; member: string; identityId?: string; role: string; by: string }): Promise<boolean> {
  const { username, tokenName } = p.identityId ? { username: null, tokenName: null } : account(p.member);
  return (await gw.write('cases/add-member', { id: p.id, username, tokenName, identityId: p.identityId ?? null, role: p.role, by: p.by })).length > 0;
}

export async function removeMember(gw: Gateway, id: string, member: string): Promise<boolean> {
  const [row] = await gw.write('cases/remove-member', { id, ...account(member) });
  return Number(row?.removed ?? 0) > 0;
}

export async function holdings(gw: Gateway, id: string): Promise<{ id: string; kind: 'chart' | 'snapshot' }[]> {
  return (await gw.read('cases/holdings', { id })).map((r) => ({ id: String(r.id), kind: r.kind === 'chart' ? 'chart' : 'snapshot' }));
}

export async function attachSnapshot(gw: Gateway, p: { caseId: string; snapshotId: string; by: string }): Promise<boolean> {
  return (await gw.write('cases/attach-snapshot', p)).length > 0;
}
