import type { Resolvers } from '../../graphql/resolvers.ts';
import { toExportFile } from './export.api.ts';

export const resolvers: Resolvers = {
  Query: {
    exportSelection: (_root, args, ctx) => toExportFile(ctx, args),
  },
};
