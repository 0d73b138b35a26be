import type { Resolvers } from '../../graphql/resolvers.ts';
import { requireCan } from '../access/index.ts';
import * as imports from './import.api.ts';
import * as jobs from './import.jobs.ts';

export const resolvers: Resolvers = {
  Query: {
    importPreview: (_root, args, ctx) => (requireCan(ctx.principal, 'write'), imports.preview(args)),
    importJob: (_root, args, ctx) => (requireCan(ctx.principal, 'write'), jobs.getJob(ctx.gateway, args.id)),
    importJobs: (_root, args, ctx) => (requireCan(ctx.principal, 'write'), jobs.listJobs(ctx.gateway, args.first ?? 20)),
  },
  Mutation: {
    importFile: (_root, args, ctx) => imports.importOne(ctx.gateway, args),
    // The job runs on after the answer; importJob follows it.
    startImport: async (_root, args, ctx) => (await jobs.startImport(ctx.services.system, args, ctx.principal.name)).job,
  },
};
