/**
 * Records every GraphQL operation in the audit log once its response is known: who, the
 * operation, its variables (secrets removed) and the query text's hash, the stated purpose, and
 * the records disclosed: those whose id is in the answer, and every potential victim the request
 * read unmasked (noted by the gateway, db/scope.ts), whatever fields of them the query selected.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { print, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../../graphql/context.ts';
import { disclosedIds, queryHash, redactVariables, type AuditLog } from './audit.service.ts';

/**
 * Counts every request answered 401, 403 or 429 (unauthenticated, refused, rate-limited), by
 * status and path; the audit log records the counts as one `refused` entry a minute.
 */
export function countRefusals(audit: AuditLog): RequestHandler {
  return (req, res, next) => {
    res.on('finish', () => {
      if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode === 429) audit.countRefusal(res.statusCode, req.originalUrl.split('?')[0]!.slice(0, 100));
    });
    next();
  };
}

function operationName(op: OperationDefinitionNode | undefined, given: string | null | undefined): string {
  if (given) return given;
  if (op?.name) return op.name.value;
  const first = op?.selectionSet.selections.find((s) => s.kind === 'Field');
  return first && first.kind === 'Field' ? `${op?.operation ?? 'query'} ${first.name.value}` : 'unparsed request';
}

export const auditPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue: ctx, request, response, operation, document }) {
        if (!ctx.audit) return;
        const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const answered = disclosedIds(single?.data);
        const unmasked = ctx.gateway.scope.disclosures ?? new Set<string>();
        const all = new Set([...answered.ids, ...unmasked]);
        const ids = [...all].slice(0, 5000);
        // disclosedIds keeps at most 5,000 ids but counts them all.
        const count = all.size + (answered.count - answered.ids.length);
        const text = request.query ?? (document ? print(document) : '');
        const hash = text ? queryHash(text) : undefined;
        const codes = [...new Set((single?.errors ?? []).map((e) => String(e.extensions?.code ?? 'ERROR')))];
        const name = operationName(
          operation ?? (document?.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode | undefined),
          request.operationName,
        );
        // Awaited: with a spool, the answer leaves only once its entry is on disk (audit.spool.ts).
        const written: Promise<void>[] = [];
        if (ctx.unmaskReason !== null) {
          // Unmasking is recorded on its own, with its reason, so that it can be reviewed apart.
          written.push(ctx.audit.record({
            at: new Date().toISOString(),
            actor: ctx.principal.name,
            role: ctx.principal.role,
            kind: 'unmask',
            operation: name,
            variables: JSON.stringify({ reason: ctx.unmaskReason }),
            ...(hash ? { queryHash: hash } : {}),
            purpose: ctx.purpose,
            recordCount: count,
            recordIds: ids,
            requestId: ctx.requestId,
            outcome: codes.length ? codes.join(',') : 'ok',
          }));
        }
        written.push(ctx.audit.record({
          at: new Date().toISOString(),
          actor: ctx.principal.name,
          role: ctx.principal.role,
          kind: 'graphql',
          operation: name,
          variables: redactVariables(request.variables),
          ...(hash ? { queryHash: hash } : {}),
          purpose: ctx.purpose,
          recordCount: count,
          recordIds: ids,
          requestId: ctx.requestId,
          outcome: codes.length ? codes.join(',') : 'ok',
        }));
        await Promise.all(written);
      },
    };
  },
};
