import type { Resolvers } from '../../graphql/resolvers.ts';
import { sources } from '../entity/index.ts';
import { subgraph } from '../graph/index.ts';
import * as ind from './indicators.service.ts';

export const resolvers: Resolvers = {
  Query: {
    indicators: () => ind.indicators() as never,
    indicatorHits: (_root, args, ctx) => ind.indicatorHits(ctx, args) as never,
    flagged: (_root, args, ctx) => ind.flagged(ctx, args) as never,
  },
  IndicatorHit: {
    graph: (parent, _args, ctx) => subgraph(ctx, { ids: parent.entityIds ?? [] }) as never,
  },
  IndicatorEvidence: {
    sources: (parent, _args, ctx) => sources(ctx, parent) as never,
  },
};
