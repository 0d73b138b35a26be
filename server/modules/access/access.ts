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
