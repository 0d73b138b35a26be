import type { Resolvers } from '../../graphql/resolvers.ts';
import * as audit from './audit.service.ts';

export const resolvers: Resolvers = {
  Query: {
    auditLog: (_p, args, ctx) => audit.auditLogPage(ctx, args),
  },
};
