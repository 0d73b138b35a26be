import type { Resolvers } from '../../graphql/resolvers.ts';
import * as analytics from './analytics.service.ts';

export const resolvers: Resolvers = {
  Query: {
    networkAnalytics: (_root, args, ctx) => analytics.networkAnalytics(ctx, args),
    suspectedNetworks: (_root, args, ctx) => analytics.suspectedNetworks(ctx, args),
  },
};
