import type { Resolvers } from '../../graphql/resolvers.ts';
import * as searching from './search.service.ts';

export const resolvers: Resolvers = {
  Query: {
    search: (_root, args, ctx) => searching.search(ctx, args),
  },
};
