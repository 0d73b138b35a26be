import type { Resolvers } from '../../graphql/resolvers.ts';
import { sources } from '../entity/index.ts';
import * as risk from './risk.service.ts';

export const resolvers: Resolvers = {
  Query: {
    riskProfile: (_root, args, ctx) => risk.riskProfile(ctx, args),
    riskProfiles: (_root, args, ctx) => risk.riskProfiles(ctx, args),
    riskRules: () => risk.rulesOut(),
  },
  RiskFactorEvidence: {
    sources: (parent, _args, ctx) => sources(ctx, parent),
  },
};
