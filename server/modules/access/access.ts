/**
 * Who may do what, decided here and nowhere else (docs/security.md): the roles, need-to-know,
 * handling codes, the unmask and purpose rules, and one `can(principal, action, resource)` that
 * resolvers, routes and commands ask. The caller's scope for the gateway (`scopeFor`) is derived
 * from the same answers, and the workspace reads them as `me { capabilities }` instead of
 * re-deriving role rules.
 *
 * What a scope leaves out of a statement is applied by the statement loader
 * (server/db/statement-scope.ts: `@visible(x)`), from PARTNER_SHAREABLE below.
 */
import { forbidden } from '../../errors.ts';
import type { AccessScope } from '../../db/scope.ts';
import { PARTNER_SHAREABLE } from '../../db/statement-scope.ts';

export { PARTNER_SHAREABLE };

export const ROLES = ['admin', 'analyst', 'viewer', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: a signed-in user, an API token, a verified identity-provider token, or the CLI. */
export interface Principal {
  id: string;
  /** What the audit log records as the actor: a username, `token:NAME`, or the JWT subject's name. */
  name: string;
  role: Role;
  /** May see potential victims' identities, after unmasking with a recorded reason. */
  needToKnow: boolean;
  via: 'session' | 'token' | 'jwt' | 'system';
}

/**
 * How people know the account a principal's `name` names: the name without the `token:` mark the
 * audit log keeps for API tokens, and how it signs in (`via`; a record written before `via` was
 * kept is told by that mark).
 */
export function accountOf(name: string, via?: string | null): { displayName: string; via: Principal['via'] } {
  const token = name.startsWith('token:');
  const known = via === 'session' || via === 'token' || via === 'jwt' || via === 'system' ? via : token ? 'token' : 'session';
  return { displayName: known === 'token' && token ? name.slice('token:'.length) : name, via: known };
}

/** The command line on the server's own machine (exports, snapshots): full access, recorded as `system`. */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({ id: 'system', name: 'system', role: 'admin', needToKnow: true, via: 'system' });

/**
 * The actions, which are also the capabilities `me` lists. Each: the roles that may, whether
 * need-to-know is required as well, and the refusal's wording.
 */
const RULES = {
  /** Read the graph, saved charts, snapshots and exports, within the caller's scope. */
  read: { roles: ROLES, needToKnow: false, needs: 'a signed-in role' },
  /** Read facts that may not be shared with partner agencies (handling code other than P, or
   * classification above OFFICIAL), and analysts' notes. Without it a caller's scope is partners'. */
  readUnshareable: { roles: ['admin', 'analyst', 'viewer'], needToKnow: false, needs: 'the admin, analyst or viewer role' },
  /** Change the graph (every mutation), import files and review entity-resolution matches. */
  write: { roles: ['admin', 'analyst'], needToKnow: false, needs: 'the admin or analyst role' },
  /** See potential victims' identities, for a request that gives a reason (X-Lantern-Unmask, unmaskReason). */
  unmask: { roles: ['admin', 'analyst'], needToKnow: true, needs: 'the admin or analyst role with need-to-know' },
  /** Manage users and API tokens, and read the audit log. */
  administer: { roles: ['admin'], needToKnow: false, needs: 'the admin role' },
} as const satisfies Record<string, { roles: readonly Role[]; needToKnow: boolean; needs: string }>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/**
 * What an action is about, when that matters: a graded fact (entity, link, source record,
 * snapshot) is readable by a partner only when shareable; something that shows potential victims'
 * identities (`unmasked`, e.g. an unmasked snapshot) needs the unmask capability to be read.
 */
export interface Resource {
  handlingCode?: string | null;
  classification?: string | null;
  unmasked?: boolean;
}

/** May partners see it? Handling code P and classification OFFICIAL. */
export function isShareable(r: Resource): boolean {
  return r.handlingCode === PARTNER_SHAREABLE.handlingCode && r.classification === PARTNER_SHAREABLE.classification;
}

function allowed(p: Pick<Principal, 'role' | 'needToKnow'>, action: Action): boolean {
  const rule = RULES[action];
  return (rule.roles as readonly Role[]).includes(p.role) && (!rule.needToKnow || p.needToKnow);
}

/** The one access decision. */
export function can(p: Pick<Principal, 'role' | 'needToKnow'>, action: Action, resource?: Resource): boolean {
  if (!allowed(p, action)) return false;
  if (action === 'read' && resource) {
    if (resource.unmasked && !allowed(p, 'unmask')) return false;
    if ((resource.handlingCode !== undefined || resource.classification !== undefined) && !isShareable(resource)) return allowed(p, 'readUnshareable');
  }
  return true;
}

/** Throws FORBIDDEN, saying what the action needs and who the caller is, unless `can` says yes. */
export function requireCan(p: Principal, action: Action, resource?: Resource): void {
  if (!can(p, action, resource)) throw forbidden(refusal(p, action));
}

/** The refusal's text, e.g. "This needs the admin or analyst role; you are signed in as viewer." */
export function refusal(p: Pick<Principal, 'role'>, action: Action): string {
  if (action === 'unmask') return `Unmasking potential victims needs ${RULES.unmask.needs}.`;
  return `This needs ${RULES[action].needs}; you are signed in as ${p.role}.`;
}

/** What the caller may do, for `me { capabilities }`. */
export function capabilities(p: Pick<Principal, 'role' | 'needToKnow'>): Action[] {
  return ACTIONS.filter((a) => allowed(p, a));
}

/** May a principal with this role unmask at all (given need-to-know)? For the command line's --as-role. */
export function roleMay(role: Role, action: Action): boolean {
  return allowed({ role, needToKnow: true }, action);
}

export function isRole(r: unknown): r is Role {
  return typeof r === 'string' && (ROLES as readonly string[]).includes(r);
}

/**
 * The caller's scope for the gateway: partners' view unless they may read unshareable facts;
 * potential victims masked unless this request was granted an unmask reason.
 */
export function scopeFor(p: Principal, o: { unmaskReason: string | null; pseudonymKey: Buffer }): AccessScope {
  // disclosures: the potential victims read unmasked under this scope, which the audit entry lists.
  return { shareAll: allowed(p, 'readUnshareable'), mask: o.unmaskReason === null || !allowed(p, 'unmask'), pseudonymKey: o.pseudonymKey, disclosures: new Set() };
}

/**
 * The unmask reason a request may use, from X-Lantern-Unmask (trimmed, at most 500 characters):
 * honoured for callers who may unmask; anyone else asking is refused rather than silently masked.
 */
export function unmaskOf(p: Principal, header: string | string[] | undefined): { reason: string | null; refused: boolean } {
  const v = (Array.isArray(header) ? header[0] : header)?.trim().slice(0, 500) ?? '';
  if (!v) return { reason: null, refused: false };
  if (!can(p, 'unmask')) return { reason: null, refused: true };
  return { reason: v, refused: false };
}

/** The stated purpose of a request (X-Lantern-Purpose), as given: trimmed, at most 200 characters. */
export function purposeOf(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return (v ?? '').trim().slice(0, 200);
}

// ---------------------------------------------------------------------------------------------
// Cases and shared charts (decision 0035). The same principal, role and need-to-know as above,
// plus what a case and a chart say about themselves (their facts, read by the cases and chart
// modules); services ask these and never decide on their own.

/** A member's role in one case: the lead manages members and what the case holds, analysts add to it, viewers read. */
export const CASE_ROLES = ['lead', 'analyst', 'viewer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

/** What the caller may do in a case: `manage` (members, attachments), `edit` (attach, note), `read` (open it and what it holds). */
export type CaseRight = 'manage' | 'edit' | 'read';

/** What decides access to a case, for one caller: its handling, whether it needs need-to-know, and the caller's membership. */
export interface CaseFacts {
  name: string;
  handlingCode: string;
  classification: string;
  needToKnow: boolean;
  /** The caller's role in the case; null when the caller is not a member. */
  memberRole: CaseRole | null;
}

/** Either the caller's right in a case or why it is refused (a sentence that says what to do). */
export type CaseDecision = { right: CaseRight; refused?: undefined } | { right: null; refused: string };

const RANK = { read: 1, edit: 2, manage: 3 } as const;

/**
 * May this caller open a case, and do what in it? Need-to-know (when the case asks for it) holds
 * for everyone; admins then manage any case (to repair its membership); everyone else must be a
 * member; a case whose handling code may not go to partners is closed to partners even when they
 * are members; a member's right is their case role, no more than their own role allows
 * (a viewer or partner reads, whatever their case role).
 */
export function caseDecision(p: Pick<Principal, 'role' | 'needToKnow'>, c: CaseFacts): CaseDecision {
  if (!allowed(p, 'read')) return { right: null, refused: refusal(p, 'read') };
  if (c.needToKnow && !p.needToKnow) return { right: null, refused: `Case “${c.name}” is restricted to people with need-to-know; ask an admin to grant it to you.` };
  if (allowed(p, 'administer')) return { right: 'manage' };
  if (!c.memberRole) return { right: null, refused: `You are not a member of case “${c.name}”; ask its lead to add you.` };
  if (!can(p, 'read', { handlingCode: c.handlingCode, classification: c.classification })) {
    return { right: null, refused: `Case “${c.name}” has handling code ${c.handlingCode} (${c.classification}): it may not be shared with partner agencies.` };
  }
  const writer = allowed(p, 'write');
  const right: CaseRight = !writer || c.memberRole === 'viewer' ? 'read' : c.memberRole === 'lead' ? 'manage' : 'edit';
  return { right };
}

/**
 * Is a case or chart the caller may not open answered to them as one that does not exist? For
 * partners, yes: an id they come by (an alert's caseId, a link passed on) must not tell them its
 * name, its handling code or even that it exists (decision 0042; the cases module still tells a
 * member why). The team is told why it is refused (decision 0035), which names the case or chart.
 */
export function concealsRefused(p: Pick<Principal, 'role' | 'needToKnow'>): boolean {
  return !allowed(p, 'readUnshareable');
}

/** Throws FORBIDDEN unless the caller has at least `need` in the case; returns their right. */
export function requireCase(p: Principal, c: CaseFacts, need: CaseRight): CaseRight {
  const d = caseDecision(p, c);
  if (d.right === null) throw forbidden(d.refused);
  if (RANK[d.right] < RANK[need]) {
    const what = need === 'manage' ? 'manage its members and what it holds' : 'add to it';
    throw forbidden(`In case “${c.name}” you may only read; to ${what} you need the ${need === 'manage' ? 'lead' : 'lead or analyst'} case role (and the analyst or admin role).`);
  }
  return d.right;
}

/** How a chart is shared: read-only, or editable (saving new versions). */
export type ShareMode = 'read' | 'edit';

/** What the caller may do with a saved chart: open it, save new versions of it, or own it (share, delete). */
export type ChartRight = 'read' | 'edit' | 'own';

/** What decides access to a saved chart, for one caller. */
export interface ChartFacts {
  /** Who saved it first; null for a chart saved before charts had owners (a team chart, as before). */
  ownerId: string | null;
  sharedWithPartners: boolean;
  /** Its shares with users and tokens (by principal id). */
  userShares: readonly { principalId: string; mode: ShareMode }[];
  /** Its shares with cases, each with the case's facts for this caller. */
  caseShares: readonly { mode: ShareMode; case: CaseFacts }[];
}

/**
 * A caller's right on a chart. A chart without owner (saved before 0035) stays the team's: read by
 * everyone but partners, saved by writers. An owned chart is its owner's (and admins'); shared with
 * nobody it stays readable by the team, as charts always were; once shared with users or cases it
 * is theirs only: a share gives its mode to that user, or to the members a case lets in (read-only
 * for those whose case right is read). A read-only share, or a reader's role, never saves.
 * `sharedWithPartners` still lets partners read it.
 */
export function chartRight(p: Principal, c: ChartFacts): ChartRight | null {
  if (!allowed(p, 'read')) return null;
  const writer = allowed(p, 'write');
  const team = allowed(p, 'readUnshareable');
  if (c.ownerId === null) return team ? (writer ? 'edit' : 'read') : c.sharedWithPartners ? 'read' : null;
  if (c.ownerId === p.id || allowed(p, 'administer')) return 'own';
  const rights: ChartRight[] = [];
  for (const s of c.userShares) if (s.principalId === p.id) rights.push(s.mode === 'edit' && writer ? 'edit' : 'read');
  for (const s of c.caseShares) {
    const d = caseDecision(p, s.case);
    if (d.right !== null) rights.push(s.mode === 'edit' && d.right !== 'read' ? 'edit' : 'read');
  }
  const restricted = c.userShares.length > 0 || c.caseShares.length > 0;
  if (!restricted && team) rights.push('read');
  if (c.sharedWithPartners) rights.push('read');
  return rights.includes('edit') ? 'edit' : rights.includes('read') ? 'read' : null;
}

/** Throws FORBIDDEN unless the caller has at least `need` on the chart. */
export function requireChart(p: Principal, name: string, right: ChartRight | null, need: ChartRight): void {
  const rank = { read: 1, edit: 2, own: 3 } as const;
  if (right !== null && rank[right] >= rank[need]) return;
  if (right === 'read' && need === 'edit') throw forbidden(`Chart “${name}” is shared with you read-only: save it under another name to keep your changes.`);
  if (right !== null) throw forbidden(`Only the owner of chart “${name}” (or an admin) may share, restore or delete it.`);
  throw forbidden(`You may not open chart “${name}”: it is shared only with its owner's chosen people and cases.`);
}

/**
 * Mutations that need only `read`, not `write`: they change nothing of the graph or of a chart.
 * `chartPresence` records that the caller has a chart open (the polling heartbeat), which every
 * reader of a shared chart, a partner or viewer too, takes part in.
 */
export const READ_ONLY_MUTATIONS: ReadonlySet<string> = new Set(['chartPresence']);
