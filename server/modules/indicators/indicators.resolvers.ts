import type { Resolvers } from '../../graphql/resolvers.ts';
import { sources } from '../entity/index.ts';
import { subgraph } from '../graph/index.ts';
import * as ind from './indicators.service.ts';

export const resolvers: Resolvers = {
  Query: {
    indicators: () => ind.indicators(),
    indicatorHits: (_root, args, ctx) => ind.indicatorHits(ctx, args),
    flagged: (_root, args, ctx) => ind.flagged(ctx, args),
  },
  IndicatorHit: {
    graph: (parent, _args, ctx) => subgraph(ctx, { ids: parent.entityIds ?? [] }, { passOver: true }),
  },
  IndicatorEvidence: {
    sources: (parent, _args, ctx) => sources(ctx, parent),
  },
};
