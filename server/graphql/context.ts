/**
 * The request context, built once per request and never mutated afterwards.
 */
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';

export interface Context {
  readonly gateway: Gateway;
  readonly log: Logger;
  readonly requestId: string;
}

export function createContext(parts: Context): Context {
  return Object.freeze({ ...parts });
}
