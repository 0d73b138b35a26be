/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the HTTP server's /graphql path:
 * the same schema, and the same credentials and purpose as a POST, given in connection_init's
 * payload ({ authorization: 'Bearer …', purpose }) or, for the workspace, the session cookie of
 * the upgrade request with { csrfToken }. Each subscription's context is built as a request's is,
 * through the subscriber's scope (modules/access), so that what it is sent is what they may see.
 */
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';
import { createContext, type Context } from '../graphql/context.ts';
import { purposeOf, scopeFor, type Principal } from '../modules/access/access.ts';
import type { Authenticator } from '../modules/auth/auth.service.ts';
import { readCookie } from '../modules/auth/auth.http.ts';
import { SESSION_COOKIE } from '../modules/auth/auth.service.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';
import type { AlertHub } from '../modules/alerts/index.ts';
import { keptResults } from '../modules/scores/index.ts';

export interface SubscriptionOptions {
  schema: GraphQLSchema;
  authenticator: Authenticator;
  gateway: Gateway;
  pseudonymKey: Buffer;
  log: Logger;
  audit: AuditLog | undefined;
  alerts: AlertHub | undefined;
  development: boolean;
}

interface Connection {
  principal?: Principal;
  purpose?: string;
}

/** Serves subscriptions on `server` at /graphql; close() ends every connection. */
export function attachSubscriptions(
  server: http.Server,
  o: SubscriptionOptions,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const connections = new WeakMap<object, Connection>();
  const disposable = useServer<Record<string, unknown> | undefined>(
    {
      schema: o.schema,
      isProd: !o.development,
      onConnect: async (ctx) => {
        const p = ctx.connectionParams ?? {};
        const a = await o.authenticator.authenticate({
          // In the payload (browsers cannot set headers on a WebSocket), or on the upgrade request.
          authorization:
            typeof p.authorization === 'string'
              ? p.authorization
              : ctx.extra.request.headers.authorization,
          sessionCookie: readCookie(ctx.extra.request.headers.cookie, SESSION_COOKIE),
          csrfHeader: typeof p.csrfToken === 'string' ? p.csrfToken : undefined,
        });
        // false: the socket closes with 4403 Forbidden.
        if (!a.ok) return false;
        connections.set(ctx.extra.socket, {
          principal: a.principal,
          purpose: purposeOf(typeof p.purpose === 'string' ? p.purpose : undefined),
        });
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const c = connections.get(ctx.extra.socket);
        await o.audit?.record({
          at: new Date().toISOString(),
          actor: c?.principal?.name ?? 'anonymous',
          role: c?.principal?.role ?? 'none',
          kind: 'graphql',
          operation: payload.operationName ?? `subscription ${id}`,
          variables: JSON.stringify(payload.variables ?? {}),
          purpose: c?.purpose ?? '',
          recordCount: 0,
          recordIds: [],
          requestId: id,
          outcome: 'ok',
        });
      },
      context: (ctx): Context => {
        const c = connections.get(ctx.extra.socket)!;
        return createContext({
          gateway: o.gateway.forScope(
            scopeFor(c.principal!, { unmaskReason: null, pseudonymKey: o.pseudonymKey }),
          ),
          log: o.log,
          requestId: randomUUID(),
          principal: c.principal!,
          purpose: c.purpose ?? '',
          unmaskReason: null,
          audit: o.audit,
          services: { system: o.gateway, kept: keptResults, alerts: o.alerts },
        });
      },
    },
    wss,
  );
  return {
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
