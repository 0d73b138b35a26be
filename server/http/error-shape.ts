/**
 * What errors look like on the way out: Express's (body parser refusals and the unexpected) in
 * GraphQL's error shape, GraphQL's as one of Lantern's codes, and the legacy JSON media type's
 * statuses.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ErrorRequestHandler } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../config/logger.ts';
import { ErrorCode, errorBody } from '../errors.ts';
import type { Context } from '../graphql/context.ts';

/**
 * Whatever reaches Express's error handling is answered in GraphQL's error shape, never as an HTML
 * page: what the body parser refused (not JSON, too large, an unknown charset or encoding) with its
 * 4xx and a message that says what was wrong; anything else is logged and answered 500.
 */
export function jsonErrors(log: Logger, development: boolean, graphqlBodyBytes: number): ErrorRequestHandler {
  return (err: { type?: string; status?: number; statusCode?: number; message?: string; stack?: string }, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = err.status ?? err.statusCode ?? 500;
    let body;
    if (err.type === 'entity.too.large') {
      const mb = req.originalUrl.startsWith('/graphql') ? `${graphqlBodyBytes / 1024 / 1024} MB; save a smaller chart` : 'the limit of this route';
      body = errorBody(ErrorCode.BAD_USER_INPUT, `The request is larger than ${mb}.`);
    } else if (err.type === 'entity.parse.failed') {
      body = errorBody('BAD_REQUEST', `The request body is not valid JSON (${String(err.message).slice(0, 200)}). Send a JSON object such as {"query": "..."}.`);
    } else if (status >= 400 && status < 500) {
      body = errorBody('BAD_REQUEST', `The request was refused: ${String(err.message ?? 'bad request').slice(0, 200)}.`);
    } else {
      (req.log ?? log).error({ err }, 'Unexpected error in an HTTP request');
      body = errorBody(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error. It has been logged.', development && err.stack ? { stacktrace: err.stack.split('\n') } : {});
    }
    res.status(status >= 400 && status < 600 ? status : 500).json(body);
  };
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Errors leave the server as one of Lantern's codes. Validation and parse errors keep their
 * message; anything unexpected is logged and masked, with a stack trace only in development.
 */
export function formatError(log: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    if (KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: development ? formatted.extensions : extensions };
    }
    // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; a query refused for its
    // size (graphql/limits.ts) keeps Lantern's code, and so does one the parser stopped reading.
    const cause = (error as { originalError?: { extensions?: Record<string, unknown> } } | undefined)?.originalError;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && cause?.extensions?.code === ErrorCode.TOO_COMPLEX) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.TOO_COMPLEX, limit: cause.extensions.limit } };
    }
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? /more tha[nt] (\d+) tokens/.exec(formatted.message) : null;
    if (tokens) {
      return {
        message: `The query has more than ${tokens[1]} tokens (names, values and punctuation); it was refused unread. Send a smaller query, with values as variables.`,
        extensions: { code: ErrorCode.TOO_COMPLEX, limit: 'tokens' },
      };
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
export const legacyJsonStatus: ApolloServerPlugin<Context> = {
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

