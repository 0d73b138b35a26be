/**
 * GET /snapshots/:id/briefing.(html|pdf|png): a snapshot's render, for callers who may see the
 * snapshot (the same credentials, scope and rules as the snapshot query). Renders are made on
 * first request and kept; every download is recorded in the audit log.
 */
import os from 'node:os';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import type { Logger } from '../../config/logger.ts';
import type { Gateway } from '../../db/gateway.ts';
import { purposeOf, scopeFor, type Principal } from '../access/index.ts';
import type { AuditLog } from '../audit/index.ts';
import type { SelectionCaller } from '../selection/index.ts';
import { STANDALONE_CSP } from './snapshot.content.ts';
import { SnapshotFiles } from './snapshot.files.ts';
import { BriefingRenderer, CONTENT_TYPES, type Format } from './snapshot.render.ts';
import { getSnapshot } from './snapshot.service.ts';

export interface SnapshotRouterOptions {
  gateway: Gateway;
  log: Logger;
  dataDir: string | undefined;
  clientDir: string;
  pseudonymKey: Buffer;
  audit: AuditLog | undefined;
  /** Authentication and rate limiting, as for /graphql. */
  middleware: RequestHandler[];
}

function fail(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function snapshotRouter(o: SnapshotRouterOptions): { router: Router; files: SnapshotFiles; close(): Promise<void> } {
  const dir = path.join(o.dataDir ?? path.join(os.tmpdir(), `lantern-${process.pid}`), 'snapshots');
  const files = new SnapshotFiles(dir, new BriefingRenderer({ clientDir: o.clientDir, log: o.log }));
  const router = express.Router();
  router.get('/:id/:file', ...o.middleware, async (req, res, next) => {
    try {
      const id = String(req.params.id);
      const m = /^briefing\.(html|pdf|png)$/.exec(String(req.params.file));
      if (!m || !/^[\w.-]{1,100}$/.test(id)) {
        fail(res, 404, 'NOT_FOUND', 'A snapshot file is /snapshots/<id>/briefing.html, .pdf or .png.');
        return;
      }
      const format = m[1] as Format;
      const principal = res.locals.principal as Principal;
      const purpose = purposeOf(req.headers['x-lantern-purpose']);
      const caller: SelectionCaller = {
        // Files are made masked whatever the request's own unmasking; an unmasked snapshot is read through `can` (snapshot.service).
        gateway: o.gateway.forScope(scopeFor(principal, { unmaskReason: null, pseudonymKey: o.pseudonymKey })),
        principal,
        audit: o.audit,
        purpose,
        requestId: String(req.id ?? ''),
      };
      const s = await getSnapshot(caller, id);
      if (!s) {
        fail(res, 404, 'NOT_FOUND', `No snapshot with id ${JSON.stringify(id)}.`);
        return;
      }
      if (!s.verified) {
        o.log.error({ snapshot: id }, 'A stored snapshot no longer matches its hash');
        fail(res, 409, 'CONFLICT', `Snapshot ${id} no longer matches its content hash; it is not served. Report this to an administrator.`);
        return;
      }
      let bytes: Buffer;
      try {
        bytes = await files.get({ id: s.id, hash: s.hash, content: s.content }, format);
      } catch (e) {
        o.log.error({ err: e, snapshot: id, format }, 'Could not render a snapshot');
        fail(res, 503, 'SERVICE_UNAVAILABLE', `The ${format.toUpperCase()} of snapshot ${id} could not be rendered: ${(e as Error).message}`);
        return;
      }
      // On disk (the audit spool) before the file leaves.
      await o.audit?.record({
        at: new Date().toISOString(),
        actor: principal.name,
        role: principal.role,
        kind: 'snapshot',
        operation: `GET briefing.${format}`,
        variables: JSON.stringify({ snapshot: id, hash: s.hash, masked: s.masked }),
        purpose,
        recordCount: s.nodeCount + s.edgeCount,
        recordIds: [...s.content.nodes.map((n) => n.id), ...s.content.edges.map((e) => e.id)].slice(0, 5000),
        requestId: caller.requestId ?? '',
        outcome: 'ok',
      });
      const stem = s.title.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'briefing';
      res.setHeader('content-type', CONTENT_TYPES[format]);
      res.setHeader('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${stem}-v${s.version}.${format}"`);
      res.setHeader('cache-control', 'private, max-age=3600, immutable');
      res.setHeader('etag', `"${s.hash}"`);
      res.setHeader('x-lantern-sha256', s.hash);
      if (format === 'html') res.setHeader('content-security-policy', `${STANDALONE_CSP}; frame-ancestors 'none'`);
      res.end(bytes);
    } catch (e) {
      next(e);
    }
  });
  return { router, files, close: () => files.close() };
}
