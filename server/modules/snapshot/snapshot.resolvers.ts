import type { Resolvers } from '../../graphql/resolvers.ts';
import type { SelectionInput } from '../selection/index.ts';
import { parseSelection } from '../selection/index.ts';
import * as snapshots from './snapshot.service.ts';

export const resolvers: Resolvers = {
  Query: {
    snapshots: (_root, args, ctx) => snapshots.listSnapshots(ctx, args),
    snapshot: (_root, args, ctx) => snapshots.getSnapshot(ctx, args.id),
    snapshotDiff: (_root, args, ctx) => snapshots.compareSnapshots(ctx, args.from, args.to),
  },
  Mutation: {
    createSnapshot: (_root, { input }, ctx) => {
      const selection: SelectionInput | null = input.selection ? parseSelection(input.selection, 'input.selection') : null;
      return snapshots.createSnapshot(ctx, {
        ...input,
        selection,
        chartElements: input.chartElements
          ? { ids: input.chartElements.ids, positions: (input.chartElements.positions ?? null) as Record<string, { x: number; y: number }> | null }
          : null,
      });
    },
  },
  Snapshot: {
    // Kept in the snapshot's content only (the stored record has no purpose property).
    purpose: (s) => (s as unknown as snapshots.StoredSnapshot).content.purpose,
    findings: (s) => (s as unknown as snapshots.StoredSnapshot).content.findings,
    files: (s) => snapshots.fileUrls(String(s.id)),
  },
  SnapshotSummary: {
    files: (s) => snapshots.fileUrls(String(s.id)),
  },
};
