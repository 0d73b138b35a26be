import type { Resolvers } from '../../graphql/resolvers.ts';
import * as system from './system.service.ts';

export const resolvers: Resolvers = {
  Query: {
    about: (_root, _args, ctx) => system.about(ctx),
  },
  Mutation: {
    ping: () => true,
  },
};
