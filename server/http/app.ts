/**
 * The HTTP application: /healthz, /readyz, /graphql (Apollo Server on Express) and the built
 * workspace at /.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';
import { ErrorCode } from '../errors.ts';
import { createContext, LOCAL_PRINCIPAL, type Context } from '../graphql/context.ts';
import { auditPlugin } from '../modules/audit/audit.plugin.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';
import { buildSchema } from '../graphql/schema.ts';
import { readinessProbe } from './readiness.ts';

export const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');

export interface AppOptions {
  gateway: Gateway;
  log: Logger;
  development: boolean;
  /** Where operations are recorded; absent only in tests that do not look at it. */
  audit?: AuditLog;
}

export interface App {
  app: Express;
  stop(): Promise<void>;
}

/** The stated purpose of a request, as given (trimmed, at most 200 characters). */
function purposeOf(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return (v ?? '').trim().slice(0, 200);
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Errors leave the server as one of Lantern's codes. Validation and parse errors keep their
 * message; anything unexpected is logged and masked, with a stack trace only in development.
 */
function formatError(log: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    if (KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: development ? formatted.extensions : extensions };
    }
    if (['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE'].includes(code)) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code } };
    }
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError && original.extensions.code === undefined && !original.originalError) {
      // Errors graphql-js raised about the request itself (coercion of variables and the like).
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    log.error({ err: original, path: formatted.path }, 'Unexpected error in a GraphQL operation');
    return {
      message: 'Internal error. It has been logged.',
      path: formatted.path,
      extensions: development && original instanceof Error
        ? { code: ErrorCode.INTERNAL_SERVER_ERROR, stacktrace: original.stack?.split('\n') }
        : { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/**
 * GraphQL over HTTP: a client that accepts only application/json (the legacy media type) gets
 * request errors with status 200, as the spec says it SHOULD; clients that accept
 * application/graphql-response+json keep Apollo's 4xx statuses.
 */
const legacyJsonStatus: ApolloServerPlugin<Context> = {
  async requestDidStart({ request }) {
    const accept = request.http?.headers.get('accept') ?? '';
    const legacy = !accept.includes('application/graphql-response+json');
    return {
      async willSendResponse({ response }) {
        if (legacy && response.http.status !== undefined && response.http.status >= 400 && response.http.status < 500) {
          response.http.status = 200;
        }
      },
    };
  },
};

export async function createApp(o: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    pinoHttp({
      logger: o.log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const ready = readinessProbe(o.gateway);
  app.get('/readyz', async (_req, res) => {
    const r = await ready();
    res.status(r.ready ? 200 : 503).json(r.ready ? { status: 'ready', checkedAt: r.checkedAt } : { status: 'unavailable', reason: r.reason, checkedAt: r.checkedAt });
  });

  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    formatError: formatError(o.log, o.development),
    includeStacktraceInErrorResponses: o.development,
    introspection: true,
    // `lantern serve` stops the HTTP server, Apollo and Neo4j in order on SIGINT and SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [legacyJsonStatus, auditPlugin],
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '1mb', type: ['application/json', 'application/graphql-response+json'] }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext({
          gateway: o.gateway,
          log: req.log,
          requestId: String(req.id),
          principal: LOCAL_PRINCIPAL,
          purpose: purposeOf(req.headers['x-lantern-purpose']),
          audit: o.audit,
        }),
    }),
  );

  if (fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The workspace has not been built. Run `npm run build`, then reload.');
    });
  }

  return { app, stop: () => apollo.stop() };
}
