import type { Resolvers } from '../../graphql/resolvers.ts';
import { requireCan } from '../access/index.ts';
import * as resolve from './resolve.service.ts';

// Reading the queue shows records side by side: analysts and admins only (mutations are
// guarded for them in schema.ts).
export const resolvers: Resolvers = {
  Query: {
    reviewQueue: (_root, args, ctx) => (requireCan(ctx.principal, 'write'), resolve.reviewQueue(ctx.gateway, args.first ?? 20, args.offset ?? 0, args.entityType ?? null)),
    matchDecision: (_root, args, ctx) => (requireCan(ctx.principal, 'write'), resolve.getDecision(ctx.gateway, args.id)),
    resolvedClusters: (_root, args, ctx) => (requireCan(ctx.principal, 'write'), resolve.resolvedClusters(ctx.gateway, args.first ?? 20, args.offset ?? 0, args.entityType ?? null)),
    resolvedCluster: (_root, args, ctx) => (requireCan(ctx.principal, 'write'), resolve.resolvedCluster(ctx.gateway, args.id)),
  },
  Mutation: {
    acceptMatch: (_root, args, ctx) => resolve.acceptMatch(ctx.gateway, args.id, ctx.principal.name, args.note ?? null),
    rejectMatch: (_root, args, ctx) => resolve.rejectMatch(ctx.gateway, args.id, ctx.principal.name, args.note ?? null),
    undoMerge: (_root, args, ctx) => resolve.undoMerge(ctx.gateway, args.id, ctx.principal.name, args.note ?? null),
  },
};
