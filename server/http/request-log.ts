/**
 * The request log: a line per answered request (request id, method, URL, status, time taken)
 * and `req.log`, the request's logger, whose lines carry the same request fields.
 *
 * Headers are left out of both. They carry secrets (Authorization: an API token or JWT; Cookie and
 * Set-Cookie: the session; X-CSRF-Token), which pino-http's default serialisers wrote into every
 * line. Serialising them was also most of the logging's cost per request: the request's fields
 * are serialised when `req.log` is made, whether or not anything is logged at the level set.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stdSerializers } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../config/logger.ts';

/** What a log line says about the request. */
export function requestFields(req: IncomingMessage & { id?: unknown; originalUrl?: string }) {
  return { id: req.id, method: req.method, url: req.originalUrl ?? req.url, remoteAddress: req.socket?.remoteAddress };
}

/** What a log line says about the response. */
export function responseFields(res: ServerResponse) {
  return { statusCode: res.statusCode };
}

export function requestLog(log: Logger) {
  return pinoHttp({
    logger: log,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    // Our serialisers take the raw request and response (no pino-std-serializers copy first).
    wrapSerializers: false,
    serializers: { req: requestFields, res: responseFields, err: stdSerializers.err },
  });
}
