import type { Resolvers } from '../../graphql/resolvers.ts';
import * as svc from './stays.service.ts';

export const resolvers: Resolvers = {
  Query: {
    stays: (_root, args, ctx) => svc.stays(ctx, args),
    circuits: (_root, args, ctx) => svc.circuitsOf(ctx, args),
  },
};
