import type { Resolvers } from '../../graphql/resolvers.ts';
import * as alerts from './alerts.service.ts';
import type { AlertRow } from './alerts.repository.ts';

export const resolvers: Resolvers = {
  Query: {
    alerts: (_root, args, ctx) => alerts.alerts(ctx, args),
    watches: (_root, args, ctx) => alerts.watches(ctx, args),
  },
  Mutation: {
    watch: (_root, { input }, ctx) => alerts.watch(ctx, input),
    unwatch: (_root, { id }, ctx) => alerts.unwatch(ctx, id),
    decideAlert: (_root, args, ctx) => alerts.decideAlert(ctx, args),
  },
  Subscription: {
    alertRaised: {
      subscribe: (_root, args, ctx) => alerts.alertRaised(ctx, ctx.services.alerts, args),
      resolve: (a: AlertRow) => a,
    },
  },
  Alert: {
    evidence: (a, _args, ctx) => alerts.evidence(ctx, a as AlertRow),
    watch: (a, _args, ctx) => alerts.watchOfAlert(ctx, a as AlertRow),
  },
};
