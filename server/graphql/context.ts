/**
 * The request context, built once per request and never mutated afterwards.
 */
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';

/** Who is asking. Until sign-in exists every caller is the local anonymous analyst. */
export interface Principal {
  id: string;
  name: string;
  role: 'admin' | 'analyst' | 'viewer' | 'partner';
}

export const LOCAL_PRINCIPAL: Principal = Object.freeze({ id: 'local', name: 'anonymous', role: 'analyst' });

export interface Context {
  readonly gateway: Gateway;
  readonly log: Logger;
  readonly requestId: string;
  readonly principal: Principal;
  /** Why the caller is looking (a case reference), sent as the X-Lantern-Purpose header. */
  readonly purpose: string;
  readonly audit: AuditLog | undefined;
}

export function createContext(parts: Context): Context {
  return Object.freeze({ ...parts });
}
