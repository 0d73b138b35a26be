import type { Resolvers } from '../../graphql/resolvers.ts';
import * as auth from './auth.service.ts';

export const resolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) => auth.me(ctx),
    users: (_p, _a, ctx) => auth.listUsers(ctx),
    apiTokens: (_p, _a, ctx) => auth.listTokens(ctx),
  },
  Mutation: {
    createUser: (_p, { input }, ctx) => auth.addUser(ctx, input),
    updateUser: (_p, { id, input }, ctx) => auth.changeUser(ctx, id, input),
    createApiToken: (_p, { name, role, needToKnow }, ctx) => auth.addToken(ctx, name, role, needToKnow),
    revokeApiToken: (_p, { idOrName }, ctx) => auth.removeToken(ctx, idOrName),
  },
};
