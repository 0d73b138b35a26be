import type { Resolvers } from '../../graphql/resolvers.ts';
import * as graphs from './graph.service.ts';

export const resolvers: Resolvers = {
  Query: {
    neighbourhood: (_root, args, ctx) => graphs.neighbourhood(ctx, args),
    paths: (_root, args, ctx) => graphs.paths(ctx, args),
    connectingNetwork: (_root, args, ctx) => graphs.connectingNetwork(ctx, args),
    subgraph: (_root, args, ctx) => graphs.subgraph(ctx, args),
    linksAmong: (_root, args, ctx) => graphs.linksAmong(ctx, args),
    commonNeighbours: (_root, args, ctx) => graphs.commonNeighbours(ctx, args),
    timeline: (_root, args, ctx) => graphs.timeline(ctx, args),
  },
};
