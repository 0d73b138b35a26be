/**
 * The request context, built once per request and never mutated afterwards.
 */
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';

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
}

export function createContext(parts: Context): Context {
  return Object.freeze({ ...parts });
}
