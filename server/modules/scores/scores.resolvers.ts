import type { Resolvers } from '../../graphql/resolvers.ts';
import * as scores from './scores.service.ts';

export const resolvers: Resolvers = {
  Query: {
    analysisStatus: (_root, _args, ctx) => scores.status(ctx.gateway),
  },
};
