/**
 * The request context, built once per request and never mutated afterwards.
 */
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';
import type { Principal } from '../modules/access/access.ts';
import type { KeptResults } from '../modules/scores/index.ts';
import type { AlertHub } from '../modules/alerts/index.ts';

// Roles and principals are the access module's; re-exported here for older imports.
export { ROLES, SYSTEM_PRINCIPAL, type Principal, type Role } from '../modules/access/access.ts';

export interface Context {
  /** The gateway seen through this caller's access scope (partners' rules, victim masking). */
  readonly gateway: Gateway;
  readonly log: Logger;
  readonly requestId: string;
  readonly principal: Principal;
  /** Why the caller is looking (a case reference), sent as the X-Lantern-Purpose header. */
  readonly purpose: string;
  /** The reason given for unmasking potential victims (X-Lantern-Unmask), when it was granted. */
  readonly unmaskReason: string | null;
  readonly audit: AuditLog | undefined;
  /** Services the auth and audit modules need (users, tokens, the audit log's reader). */
  readonly services: ContextServices;
}

export interface ContextServices {
  /** The unscoped gateway for access-control bookkeeping (users, tokens, audit reads). */
  readonly system: Gateway;
  /** Results the analysis jobs keep (modules/scores), read by risk, indicators and analytics. */
  readonly kept: KeptResults;
  /** Where new alerts are told to subscriptions (modules/alerts); absent where no engine runs. */
  readonly alerts?: AlertHub | undefined;
}

export function createContext(parts: Context): Context {
  return Object.freeze({ ...parts });
}
