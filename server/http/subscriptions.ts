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
 *
 * The socket is a second way in, so it passes the same door as a POST: connection_init's
 * credentials are admitted by the per-address guard (auth.http.ts `admit`), and every document
 * is parsed with the token limit and checked by the query limits (graphql/limits.ts) before it
 * runs. It serves subscriptions only: queries and mutations are refused, to be sent as POST
 * /graphql, where the per-principal rate limit, unmask check and audit of disclosures apply
 * (red-team: before, any query or mutation ran over the socket past all of them).
 */
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';
import { ErrorCode, rateLimited } from '../errors.ts';
import { createContext, type Context } from '../graphql/context.ts';
import { queryLimitsRule, type QueryLimits } from '../graphql/limits.ts';
import { purposeOf, scopeFor, type Principal } from '../modules/access/access.ts';
import { admit, readCookie, type Door } from '../modules/auth/auth.http.ts';
import { OpenCount, type PrincipalRate } from '../modules/auth/auth.limits.ts';
import { SESSION_COOKIE } from '../modules/auth/auth.service.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';
import type { AlertHub } from '../modules/alerts/index.ts';
import { keptResults } from '../modules/scores/index.ts';

// The schema (built by @graphql-tools) and graphql-ws use graphql's CommonJS build: parse,
// validate and errors here come from the same build, or graphql-js refuses the schema as from
// "another realm" and graphql-ws does not take the errors for GraphQL errors (where a runner loads
// the ESM build for this file, as vitest does; limits.test.ts does the same).
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
/** A refusal made with the ESM build's class, remade with the class graphql-ws recognises. */
const forGraphqlWs = (e: GraphQLError): GraphQLError[] => [new graphql.GraphQLError(e.message, { extensions: e.extensions })];

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
  /** The door of /graphql: the credential checker, the per-address guard, the refusal counter. */
  door: Door;
  /** The query limits of /graphql, and its parser's token limit. */
  limits: QueryLimits & { maxTokens: number };
  /** Requests per minute per principal, shared with /graphql. */
  rate: PrincipalRate;
  /** The client's address, as /graphql works it out (LANTERN_TRUST_PROXY). */
  addressOf: (request: http.IncomingMessage) => string;
  /** What one subscriber may hold open (DEFAULT_SUBSCRIPTION_LIMITS unless given). */
  open?: Partial<SubscriptionLimits>;
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

/** Serves subscriptions on `server` at /graphql; close() ends every connection. */
export function attachSubscriptions(
  server: http.Server,
  o: SubscriptionOptions,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...o.open };
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
        const request = ctx.extra.request;
        const a = await admit(
          o.door,
          c.address,
          {
            // In the payload (browsers cannot set headers on a WebSocket), or on the upgrade request.
            authorization: typeof p.authorization === 'string' ? p.authorization : request.headers.authorization,
            sessionCookie: readCookie(request.headers.cookie, SESSION_COOKIE),
            csrfHeader: typeof p.csrfToken === 'string' ? p.csrfToken : undefined,
          },
          PATH,
        );
        if (!a.ok) {
          // Too many failed credentials from the address: closed with 4429 and the reason, as a POST gets 429.
          if (a.status === 429) ctx.extra.socket.close(TOO_MANY, a.message.slice(0, 123));
          // false: the socket closes with 4403 Forbidden.
          return false;
        }
        // Closed while its credentials were looked up: onClose has run, and would not give its place back.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        if (!perPrincipal.take(a.principal.id)) {
          tooMany(ctx.extra.socket, c.address, `Too many open subscription connections for ${a.principal.name.slice(0, 40)} (at most ${limits.connectionsPerPrincipal}).`);
          return false;
        }
        c.principal = a.principal;
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
        const checked = checkDocument(o.schema, payload.query, payload.operationName ?? null, o.limits);
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
          outcome: Array.isArray(checked) ? String(checked[0]?.extensions.code ?? 'BAD_REQUEST') : 'ok',
        });
        if (Array.isArray(checked)) return checked;
        return { schema: o.schema, document: checked, operationName: payload.operationName ?? null, variableValues: payload.variables ?? null };
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

/**
 * A document sent over the socket, checked as /graphql checks one (the parser's token limit, the
 * query limits, graphql-js's rules), and refused unless its operation is a subscription: the
 * parsed document, or the errors to send back.
 */
export function checkDocument(schema: GraphQLSchema, query: string, operationName: string | null, limits: QueryLimits & { maxTokens: number }): DocumentNode | GraphQLError[] {
  const error = (message: string, extensions: Record<string, unknown>, nodes?: GraphQLError['nodes']) => new graphql.GraphQLError(message, { ...(nodes ? { nodes } : {}), extensions });
  let document: DocumentNode;
  try {
    document = graphql.parse(query, { maxTokens: limits.maxTokens });
  } catch (e) {
    return [error((e as Error).message, { code: /tokens/.test((e as Error).message) ? ErrorCode.TOO_COMPLEX : 'GRAPHQL_PARSE_FAILED' })];
  }
  const errors = graphql.validate(schema, document, [queryLimitsRule(limits), ...graphql.specifiedRules]);
  if (errors.length > 0) return errors.map((e) => error(e.message, { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions }, e.nodes));
  if (graphql.getOperationAST(document, operationName)?.operation !== 'subscription') {
    return [error('Over WebSocket only subscriptions are served; send queries and mutations as POST /graphql.', { code: ErrorCode.BAD_USER_INPUT })];
  }
  return document;
}
