/**
 * The closed set of error codes Lantern answers with, and their factories. Messages say what
 * to fix; anything not made here is masked as INTERNAL_SERVER_ERROR before it leaves the server.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  TIMEOUT: 'TIMEOUT',
  RATE_LIMITED: 'RATE_LIMITED',
  TOO_COMPLEX: 'TOO_COMPLEX',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

function make(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** A caller's argument is wrong: `argument` names it (a path such as `input.phones[2]`). */
export const badInput = (argument: string, message: string): GraphQLError =>
  make(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument });

export const notFound = (what: string, id: string): GraphQLError =>
  make(ErrorCode.NOT_FOUND, `No ${what} with id ${JSON.stringify(id)}`, { id });

export const conflict = (message: string): GraphQLError => make(ErrorCode.CONFLICT, message);

export const timeout = (ms: number): GraphQLError =>
  make(ErrorCode.TIMEOUT, `The query took longer than ${ms} ms and was stopped; narrow it (fewer hops, a lower limit, more filters).`);

export const unavailable = (reason: string): GraphQLError =>
  make(ErrorCode.SERVICE_UNAVAILABLE, `The graph database is not available: ${reason}. Try again shortly.`);

export const unauthenticated = (message = 'Sign in first: send a session cookie with its X-CSRF-Token, or Authorization: Bearer <token>.'): GraphQLError =>
  make(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message: string): GraphQLError => make(ErrorCode.FORBIDDEN, message);

/** Over one of the front door's limits (auth.limits.ts): the message names the limit and when to retry. */
export const rateLimited = (message: string): GraphQLError => make(ErrorCode.RATE_LIMITED, message);

export const internal = (): GraphQLError =>
  make(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error. It has been logged.');

export function codeOf(error: unknown): ErrorCode | undefined {
  if (error instanceof GraphQLError) return error.extensions.code as ErrorCode | undefined;
  return undefined;
}

/**
 * The body of every error Lantern answers over HTTP outside GraphQL execution (/auth, 401/403/429
 * at the door, body-parser errors, unknown routes, snapshots): GraphQL's error shape, so that a
 * client reads every error the same way. `code` is one of ErrorCode, or Apollo's BAD_REQUEST for a
 * request that is not well-formed HTTP/JSON.
 */
export function errorBody(code: ErrorCode | 'BAD_REQUEST', message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}
