import type { Resolvers } from '../../graphql/resolvers.ts';
import * as cases from './cases.service.ts';

export const resolvers: Resolvers = {
  Query: {
    cases: (_root, _args, ctx) => cases.list(ctx),
    case: (_root, args, ctx) => cases.get(ctx, args.id),
  },
  Mutation: {
    createCase: (_root, args, ctx) => cases.create(ctx, args.input),
    addCaseMember: (_root, args, ctx) => cases.addMember(ctx, args.caseId, args.member, args.role),
    removeCaseMember: (_root, args, ctx) => cases.removeMember(ctx, args.caseId, args.member),
    attachChart: (_root, args, ctx) => cases.attachChart(ctx, args.caseId, args.chartId, args.mode ?? 'read'),
    attachSnapshot: (_root, args, ctx) => cases.attachSnapshot(ctx, args.caseId, args.snapshotId),
  },
  Case: {
    members: (parent, _args, ctx) => cases.members(ctx, String(parent.id)),
    charts: (parent, _args, ctx) => cases.charts(ctx, String(parent.id)),
    snapshots: (parent, _args, ctx) => cases.snapshots(ctx, String(parent.id)),
    notes: (parent, _args, ctx) => cases.notes(ctx, String(parent.id)),
  },
};
