/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the HTTP server's /graphql path:
 * the same schema, and the same credentials and purpose as a POST, given in connection_init's
 * payload ({ authorization: 'Bearer …', purpose }) or, for the workspace, the session cookie of
 * the upgrade request with { csrfToken }. Each subscription's context is built as a request's is,
 * through the subscriber's scope (modules/access), so that what it is sent is what they may see.
 *
 * The front door's limits hold here too (modules/auth/auth.limits.ts): credentials in
 * connection_init are admitted by the same per-address guard of failed credentials, each
 * subscription started counts as a request against the principal's LANTERN_RATE_LIMIT, and what
 * is held open is bounded: subscriptions per connection, connections per principal and per client
 * address. Over a bound, a connection is closed with 4429 and a reason saying which, and a
 * subscription is answered with a RATE_LIMITED error (decision 0041).
 */
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';
import type { WebSocket } from 'ws';
import { createContext, type Context } from '../graphql/context.ts';
import { rateLimited } from '../errors.ts';
import { purposeOf, scopeFor, type Principal } from '../modules/access/access.ts';
import type { Authenticator } from '../modules/auth/auth.service.ts';
import { readCookie, type Door } from '../modules/auth/auth.http.ts';
import { OpenCount, type PrincipalRate } from '../modules/auth/auth.limits.ts';
import { SESSION_COOKIE } from '../modules/auth/auth.service.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';
import type { AlertHub } from '../modules/alerts/index.ts';
import { keptResults } from '../modules/scores/index.ts';

/** What a subscriber may hold open at once. */
export interface SubscriptionLimits {
  /** Subscriptions open on one connection. */
  perConnection: number;
  /** Open connections of one user or token. */
  connectionsPerPrincipal: number;
  /** Open connections from one client address (signed in or not yet). */
  connectionsPerAddress: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = { perConnection: 20, connectionsPerPrincipal: 10, connectionsPerAddress: 50 };

/**
 * The close code of a connection over a bound: 429 as in HTTP. graphql-ws names it "too many
 * initialisation requests", and its client does not reconnect after it, so a client over a
 * limit does not retry in a loop; the reason says which limit.
 */
export const TOO_MANY = 4429;

export interface SubscriptionOptions {
  schema: GraphQLSchema;
  authenticator: Authenticator;
  /** The HTTP front door's guard of failed credentials per address, and its refusal counter. */
  door: Pick<Door, 'guard' | 'refusals'>;
  /** Requests per minute per principal, shared with /graphql. */
  rate: PrincipalRate;
  /** A client's address key, as the HTTP routes count it. */
  addressOf: (req: http.IncomingMessage) => string;
  limits?: Partial<SubscriptionLimits>;
  gateway: Gateway;
  pseudonymKey: Buffer;
  log: Logger;
  audit: AuditLog | undefined;
  alerts: AlertHub | undefined;
  development: boolean;
}

interface Connection {
  address: string;
  /** Over the bound of connections from its address: refused whatever it sends. */
  refused: boolean;
  principal?: Principal;
  purpose?: string;
}

const PATH = '/graphql (WebSocket)';

/**
 * graphql-ws takes a refusal from onSubscribe only as an `instanceof` the GraphQLError of its own
 * `graphql` import, which Node loads as graphql's CommonJS build (graphql has no exports map).
 * Under tsx Lantern's imports get that build too; under Vitest, Vite gives them the ESM build, and
 * a refusal made there was taken for a bad hook. So refusals are remade with the class Node gives.
 */
const { GraphQLError: NodeGraphQLError } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const forGraphqlWs = (e: GraphQLError): GraphQLError[] => [new NodeGraphQLError(e.message, { extensions: e.extensions })];

/** Serves subscriptions on `server` at /graphql; close() ends every connection. */
export function attachSubscriptions(
  server: http.Server,
  o: SubscriptionOptions,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...o.limits };
  const perAddress = new OpenCount(limits.connectionsPerAddress);
  const perPrincipal = new OpenCount(limits.connectionsPerPrincipal);
  const connections = new WeakMap<object, Connection>();
  const tooMany = (socket: WebSocket, address: string, reason: string) => {
    o.door.refusals.count(address, 'RATE_LIMITED', PATH);
    // A close frame's reason is at most 123 bytes.
    socket.close(TOO_MANY, reason.slice(0, 123));
  };
  // Before graphql-ws's own handler: every socket is counted against its address while open.
  wss.on('connection', (socket, req) => {
    const address = o.addressOf(req);
    const admitted = perAddress.take(address);
    connections.set(socket, { address, refused: !admitted });
    if (!admitted) return tooMany(socket, address, `Too many open connections from this address (at most ${limits.connectionsPerAddress}).`);
    socket.once('close', () => perAddress.give(address));
  });
  const disposable = useServer<Record<string, unknown> | undefined>(
    {
      schema: o.schema,
      isProd: !o.development,
      onConnect: async (ctx) => {
        const c = connections.get(ctx.extra.socket)!;
        if (c.refused) return false;
        const p = ctx.connectionParams ?? {};
        const credentials = {
          // In the payload (browsers cannot set headers on a WebSocket), or on the upgrade request.
          authorization:
            typeof p.authorization === 'string'
              ? p.authorization
              : ctx.extra.request.headers.authorization,
          sessionCookie: readCookie(ctx.extra.request.headers.cookie, SESSION_COOKIE),
          csrfHeader: typeof p.csrfToken === 'string' ? p.csrfToken : undefined,
        };
        // As at the HTTP door: an address with too many failed credentials this minute has its
        // credentials looked up no more (unless they were verified a moment ago).
        const presented = Boolean(credentials.authorization || credentials.sessionCookie);
        let principal: Principal | undefined;
        if (presented) {
          const wait = await o.door.guard.admit(c.address);
          if (wait !== undefined) {
            principal = o.authenticator.known(credentials);
            if (!principal) {
              tooMany(ctx.extra.socket, c.address, `Too many requests with invalid credentials from this address. Retry in ${wait} s.`);
              return false;
            }
          }
        }
        if (!principal) {
          let refused = true;
          try {
            const a = await o.authenticator.authenticate(credentials);
            refused = !a.ok;
            // false: the socket closes with 4403 Forbidden.
            if (!a.ok) {
              o.door.refusals.count(c.address, a.reason === 'csrf' ? 'FORBIDDEN' : 'UNAUTHENTICATED', PATH);
              return false;
            }
            principal = a.principal;
          } finally {
            if (presented) await o.door.guard.settle(c.address, refused);
          }
        }
        // Closed while its credentials were looked up: onClose has run, and would not give its place back.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        if (!perPrincipal.take(principal.id)) {
          tooMany(ctx.extra.socket, c.address, `Too many open subscription connections for ${principal.name.slice(0, 40)} (at most ${limits.connectionsPerPrincipal}).`);
          return false;
        }
        c.principal = principal;
        c.purpose = purposeOf(typeof p.purpose === 'string' ? p.purpose : undefined);
        return true;
      },
      onClose: (ctx) => {
        const c = connections.get(ctx.extra.socket);
        if (c?.principal) perPrincipal.give(c.principal.id);
      },
      onSubscribe: async (ctx, id, payload) => {
        const c = connections.get(ctx.extra.socket);
        // graphql-ws lists this one among the connection's open subscriptions already.
        if (Object.keys(ctx.subscriptions).length > limits.perConnection) {
          o.door.refusals.count(c?.address ?? 'unknown', 'RATE_LIMITED', PATH);
          return forGraphqlWs(rateLimited(`At most ${limits.perConnection} subscriptions may be open on one connection; complete one before starting another.`));
        }
        const wait = c?.principal ? await o.rate.take(c.principal.id) : undefined;
        if (wait !== undefined) {
          o.door.refusals.count(c?.address ?? 'unknown', 'RATE_LIMITED', PATH);
          return forGraphqlWs(rateLimited(`More than ${o.rate.perMinute} requests a minute (subscriptions count as requests); retry in ${wait} s.`));
        }
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
