import type { Resolvers } from '../../graphql/resolvers.ts';

export const resolvers: Resolvers = {};
