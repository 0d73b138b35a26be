/**
 * The HTTP application: /healthz, /readyz, /graphql (Apollo Server on Express) and the built
 * workspace at /.
 */
import { status as analysisStatus } from '../modules/scores/scores.service.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';
import { ErrorCode, errorBody } from '../errors.ts';
import { createContext, type Context } from '../graphql/context.ts';
import type { Principal } from '../modules/access/access.ts';
import { purposeOf, refusal, scopeFor, unmaskOf } from '../modules/access/access.ts';
import type { LimitsConfig, MapConfig, OidcConfig, TrustProxy } from '../config/config.ts';
import { DEFAULT_LIMITS, queryLimitsRule, type QueryLimits } from '../graphql/limits.ts';
import { authRouter, perPrincipalRateLimit, principalOf, requireAuthentication, type Door } from '../modules/auth/auth.http.ts';
import { AccountLockout, AddressGuard, PrincipalRate, Refusals, upgradeAddressOf } from '../modules/auth/auth.limits.ts';
import { Authenticator } from '../modules/auth/auth.service.ts';
import { jwtVerifier } from '../modules/auth/auth.oidc.ts';
import { auditPlugin, countRefusals } from '../modules/audit/audit.plugin.ts';
import { queryHash, type AuditLog } from '../modules/audit/audit.service.ts';
import { buildSchema } from '../graphql/schema.ts';
import type { Neo4jHealth } from '../../neo4j/local.ts';
import { readinessProbe } from './readiness.ts';
import { requestLog } from './request-log.ts';
import { snapshotRouter } from '../modules/snapshot/snapshot.http.ts';
import { warmUp, type WarmUpReport } from './warm-up.ts';
import { formatError, jsonErrors, legacyJsonStatus } from './error-shape.ts';
import { inFlight } from './in-flight.ts';
import { MAX_DOCUMENT_BYTES } from '../modules/chart/chart.service.ts';
import { keptResults } from '../modules/scores/index.ts';
import type { AlertHub } from '../modules/alerts/index.ts';
import { attachSubscriptions, type SubscriptionLimits } from './subscriptions.ts';
import { clientFiles } from './client-files.ts';
import type http from 'node:http';

/**
 * The largest /graphql request body: a saved chart's document (up to MAX_DOCUMENT_BYTES, which
 * saveChart checks with a message that says what to do) with the query text (up to 100,000
 * characters) and the JSON around them. At 1 MB a chart of about 3,000 elements could not be saved.
 */
const GRAPHQL_BODY_BYTES = MAX_DOCUMENT_BYTES + 256 * 1024;

export const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');

export interface AppOptions {
  gateway: Gateway;
  log: Logger;
  development: boolean;
  /** Where operations are recorded; absent only in tests that do not look at it. */
  audit?: AuditLog;
  /** Key of victims' pseudonyms: the same on every instance (serve derives it from the audit key);
   * unset, a random key for this process. */
  pseudonymKey?: Buffer;
  auth?: {
    sessionHours?: number;
    secureCookies?: 'auto' | 'always' | 'never';
    oidc?: OidcConfig | undefined;
    /** Replaces the identity provider's remote key set (tests). */
    jwtKeys?: JWTVerifyGetKey;
    /** Refused credentials per address per minute before 429 (30). */
    failuresPerMinute?: number;
    /** Sign-in attempts per address per minute (20). */
    signInPerMinute?: number;
    /** Wrong passwords in a row that lock a username (5), and the longest lock in minutes (15). */
    lockout?: { after: number; maxMinutes: number };
  };
  /** Whose X-Forwarded-For is believed (LANTERN_TRUST_PROXY); unset, nobody's. */
  trustProxy?: TrustProxy;
  limits?: Partial<LimitsConfig> & Pick<QueryLimits, 'maxFieldsPerSelection'>;
  /** Where snapshot renders are kept (LANTERN_DATA_DIR); unset, a folder under the system's temp dir. */
  dataDir?: string;
  /** How long stop() waits for callers' operations to finish: longer than the query timeout (20 s). */
  stopWaitMs?: number;
  /** How the local Neo4j stands under supervision (database.ts); /healthz fails once it is given up on. */
  neo4jHealth?: () => Neo4jHealth | undefined;
  /** The workspace map's tile server (LANTERN_MAP_STYLE); unset, the outline the workspace ships. */
  map?: MapConfig;
  /** Where new alerts are told to subscriptions (modules/alerts); unset, alertRaised is refused. */
  alerts?: AlertHub | undefined;
  /** What a subscriber may hold open (subscriptions.ts has the defaults). */
  subscriptionLimits?: Partial<SubscriptionLimits>;
}


/** An unmask the caller may not make is recorded as such (kind `unmask`, outcome FORBIDDEN), with the reason given. */
function recordRefusedUnmask(audit: AuditLog | undefined, req: express.Request, principal: Principal, query: string): Promise<void> | undefined {
  const given = req.headers['x-lantern-unmask'];
  const body = req.body as { operationName?: unknown } | undefined;
  return audit?.record({
    at: new Date().toISOString(),
    actor: principal.name,
    role: principal.role,
    kind: 'unmask',
    // Not parsed: the operation's name as given, or as the query text starts.
    operation: (typeof body?.operationName === 'string' && body.operationName
      ? body.operationName
      : /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w*)/.exec(query)?.[1] ?? 'refused request').slice(0, 300),
    variables: JSON.stringify({ reason: String(Array.isArray(given) ? given[0] : given ?? '').trim().slice(0, 500) }),
    ...(query ? { queryHash: queryHash(query) } : {}),
    purpose: purposeOf(req.headers['x-lantern-purpose']),
    recordCount: 0,
    recordIds: [],
    requestId: String(req.id),
    outcome: ErrorCode.FORBIDDEN,
  });
}

export interface App {
  app: Express;
  /**
   * Runs the workspace's everyday reads until their times settle or `seconds` pass, starting none
   * while a caller's operation is running (warm-up.ts); /readyz says how it stands. `lantern serve`
   * starts it; stop() ends it.
   */
  warmUp(seconds: number): Promise<WarmUpReport>;
  /** Serves GraphQL subscriptions (WebSocket, graphql-ws) on the server's /graphql; stop() ends them. */
  subscriptions(server: http.Server): { close(): Promise<void> };
  /** Ends the warm-up, lets callers' operations finish (up to stopWaitMs), and stops Apollo. */
  stop(): Promise<void>;
}

export async function createApp(o: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: a hash of every response body, and nothing here is cached (no-store).
  // Static files and snapshots set their own.
  app.set('etag', false);
  // Express takes its mode from NODE_ENV, which `lantern serve` does not need set; left unset it is
  // 'development', and errors that reach Express's own handler (a body that is not JSON) were
  // answered with their stack trace. Lantern's own setting decides.
  app.set('env', o.development ? 'development' : 'production');
  // X-Forwarded-For is believed only from the proxies LANTERN_TRUST_PROXY names; by default from
  // nobody, so a client cannot pick its own address to escape the per-address limits.
  app.set('trust proxy', o.trustProxy ?? false);
  // Security headers and a Content Security Policy the workspace works under: its scripts, styles,
  // layout worker and API all come from this origin; Cytoscape draws on canvases; PNG export uses
  // data: and blob: URLs; React sets style attributes.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          styleSrcAttr: ["'unsafe-inline'"],
          // A force's own map tile server (LANTERN_MAP_STYLE) is the one other origin images may come from.
          imgSrc: ["'self'", 'data:', 'blob:', ...(o.map?.tiles ? [new URL(o.map.tiles.replace(/[{}]/g, '')).origin] : [])],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
    }),
  );
  const a = o.auth ?? {};
  const authenticator = new Authenticator({
    gateway: o.gateway,
    sessionHours: a.sessionHours ?? 12,
    jwt: a.oidc ? jwtVerifier(a.oidc, o.log, a.jwtKeys) : undefined,
    log: o.log,
  });
  const refusals = new Refusals({ audit: o.audit, log: o.log });
  const door: Door = { authenticator, guard: new AddressGuard(a.failuresPerMinute ?? 30), refusals };
  const lockout = new AccountLockout({ lockAfter: a.lockout?.after ?? 5, maxLockMinutes: a.lockout?.maxMinutes ?? 15 });
  const pseudonymKey = o.pseudonymKey ?? randomBytes(32);
  const limits: LimitsConfig & Pick<QueryLimits, 'maxFieldsPerSelection'> = { ratePerMinute: 600, ...DEFAULT_LIMITS, ...o.limits };
  // /graphql's requests per principal, which subscriptions count against too.
  const rate = new PrincipalRate(limits.ratePerMinute);
  app.use(requestLog(o.log));
  // A request that writes holds back a backup until its answer (and so its audit record) is out.
  app.use(o.gateway.gate.requestScope());
  if (o.audit) app.use(countRefusals(o.audit));
  const operations = inFlight();
  let warm: WarmUpReport['state'] = 'off';
  let warming: Promise<WarmUpReport> | undefined;
  const stopWarmUp = new AbortController();

  // What the workspace's map draws on. Signed in only, like the API: a force's tile URL may carry
  // its key (…/{z}/{x}/{y}.png?key=…), which is not for anyone who can reach the port.
  app.get('/map-settings', requireAuthentication(door), perPrincipalRateLimit(limits.ratePerMinute, refusals), (_req, res) => {
    res.set('cache-control', 'no-store').json({ tiles: o.map?.tiles ?? null, attribution: o.map?.attribution ?? null });
  });

  // Alive unless Lantern cannot recover by itself: the local Neo4j it supervises died and could
  // not be started again, so an orchestrator should restart Lantern as a whole.
  app.get('/healthz', (_req, res) => {
    const neo4j = o.neo4jHealth?.();
    if (neo4j?.state === 'failed') res.status(503).json({ status: 'failed', reason: neo4j.reason, neo4j });
    else res.json(neo4j ? { status: 'ok', neo4j } : { status: 'ok' });
  });
  const ready = readinessProbe(o.gateway);
  app.get('/readyz', async (_req, res) => {
    const r = await ready();
    res
      .status(r.ready ? 200 : 503)
      .json(r.ready ? { status: 'ready', warmUp: warm, analysis: await analysisStatus(o.gateway).catch(() => null), checkedAt: r.checkedAt } : { status: 'unavailable', reason: r.reason, checkedAt: r.checkedAt });
  });

  const schema = buildSchema();
  let sockets: { close(): Promise<void> } | undefined;
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(o.log, o.development),
    includeStacktraceInErrorResponses: o.development,
    // Every /graphql request is authenticated first, so only signed-in callers can introspect.
    introspection: true,
    validationRules: [queryLimitsRule(limits)],
    // The parser stops at this many tokens, before anything else looks at the document (graphql-js
    // words it "more that N tokens"; formatError gives it as TOO_COMPLEX).
    parseOptions: { maxTokens: limits.maxTokens },
    // `lantern serve` stops the HTTP server, Apollo and Neo4j in order on SIGINT and SIGTERM.
    stopOnTerminationSignals: false,
    // Apollo's cache-control plugin hooks every field of every answer to work out a cache policy
    // from @cacheControl hints, and the schema has none: every answer is uncacheable, so the
    // /graphql route says no-store itself (below) and the per-field hook is left out.
    plugins: [legacyJsonStatus, auditPlugin, operations.plugin, ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  app.use(
    '/auth',
    authRouter({
      authenticator,
      sessionHours: a.sessionHours ?? 12,
      secureCookies: a.secureCookies ?? 'auto',
      audit: o.audit,
      guard: door.guard,
      lockout,
      refusals,
      ...(a.signInPerMinute ? { signInPerMinute: a.signInPerMinute } : {}),
    }),
  );
  app.use(
    '/graphql',
    requireAuthentication(door),
    perPrincipalRateLimit(limits.ratePerMinute, refusals, rate),
    express.json({ limit: GRAPHQL_BODY_BYTES, type: ['application/json', 'application/graphql-response+json'] }),
    // The body parser's callback runs outside the request's async context: back into it.
    o.gateway.gate.requestScope(),
    async (req, res, next) => {
      const q = (req.body as { query?: unknown } | undefined)?.query ?? req.query.query;
      if (typeof q === 'string' && q.length > 100_000) {
        res.status(413).json(errorBody(ErrorCode.BAD_USER_INPUT, 'The query text is longer than 100,000 characters.'));
        return;
      }
      const principal = principalOf(res);
      const u = unmaskOf(principal, req.headers['x-lantern-unmask']);
      if (u.refused) {
        await recordRefusedUnmask(o.audit, req, principal, typeof q === 'string' ? q : '');
        res.status(403).json(errorBody(ErrorCode.FORBIDDEN, refusal(principal, 'unmask')));
        return;
      }
      res.locals.unmaskReason = u.reason;
      res.setHeader('cache-control', 'no-store');
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const principal = principalOf(res);
        const unmaskReason = (res.locals.unmaskReason as string | null) ?? null;
        return createContext({
          // The scope carries the set of potential victims this request reads unmasked, for its audit entry.
          gateway: o.gateway.forScope(scopeFor(principal, { unmaskReason, pseudonymKey })),
          log: req.log,
          requestId: String(req.id),
          principal,
          purpose: purposeOf(req.headers['x-lantern-purpose']),
          unmaskReason,
          audit: o.audit,
          services: { system: o.gateway, kept: keptResults, alerts: o.alerts },
        });
      },
    }),
  );


  // Snapshot renders (briefing.html|pdf|png), with the same credentials and scope as /graphql.
  const snapshots = snapshotRouter({
    gateway: o.gateway,
    log: o.log,
    dataDir: o.dataDir,
    clientDir,
    pseudonymKey,
    audit: o.audit,
    middleware: [requireAuthentication(door), perPrincipalRateLimit(limits.ratePerMinute, refusals)],
  });
  app.use('/snapshots', snapshots.router);

  if (fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(clientFiles(clientDir));
    app.get(/^\/(?!graphql|healthz|readyz|auth\/|snapshots\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The workspace has not been built. Run `npm run build`, then reload.');
    });
  }
  // Anything not served above: a JSON 404 naming the route (the workspace's own pages were answered
  // by the fallback), and every error in the same shape.
  app.use((req, res) => {
    res.status(404).json(errorBody(ErrorCode.NOT_FOUND, `No such route: ${req.method} ${req.path.slice(0, 200)}. The API is POST /graphql; sign-in is under /auth.`));
  });
  app.use(jsonErrors(o.log, o.development, GRAPHQL_BODY_BYTES));

  return {
    app,
    subscriptions: (server) => {
      const attached = attachSubscriptions(server, {
        schema,
        door,
        // The socket passes the same door, query limits and per-principal rate as POST /graphql.
        limits,
        rate,
        addressOf: upgradeAddressOf(app),
        ...(o.subscriptionLimits ? { open: o.subscriptionLimits } : {}),
        gateway: o.gateway,
        pseudonymKey,
        log: o.log,
        audit: o.audit,
        alerts: o.alerts,
        development: o.development,
      });
      let closing: Promise<void> | undefined;
      sockets = { close: () => (closing ??= attached.close()) };
      return sockets;
    },
    warmUp: (seconds) => {
      warm = seconds > 0 ? 'running' : 'off';
      warming = warmUp({
        apollo,
        gateway: o.gateway,
        pseudonymKey,
        log: o.log,
        seconds,
        credentials: () => authenticator.lookUpNothing(),
        busy: operations.busy,
        signal: stopWarmUp.signal,
      }).then((report) => {
        warm = report.state;
        return report;
      });
      return warming;
    },
    stop: async () => {
      await sockets?.close();
      stopWarmUp.abort();
      await warming;
      // Operations whose callers hung up still run; let them finish (and reach the audit log, which
      // serve closes next) rather than recording after it is closed.
      await operations.drained(o.stopWaitMs ?? 20_000);
      await apollo.stop();
      await snapshots.close();
      door.guard.close();
      rate.close();
      // The last minute's refusals, before serve closes the audit log.
      await refusals.close();
    },
  };
}
