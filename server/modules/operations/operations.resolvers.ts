import type { Resolvers } from '../../graphql/resolvers.ts';
import * as ops from './operations.service.ts';

export const resolvers: Resolvers = {
  Query: {
    operations: (_root, _args, ctx) => ops.operations(ctx),
    operationDashboard: (_root, args, ctx) => ops.operationDashboard(ctx, args),
  },
};
