import type { Resolvers } from '../../graphql/resolvers.ts';
import { requireRole } from '../auth/auth.service.ts';
import * as imports from './import.api.ts';

export const resolvers: Resolvers = {
  Query: {
    importPreview: (_root, args, ctx) => (requireRole(ctx.principal, 'admin', 'analyst'), imports.preview(args)) as never,
  },
  Mutation: {
    importFile: (_root, args, ctx) => imports.importOne(ctx.gateway, args) as never,
  },
};
