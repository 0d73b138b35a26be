/** Operations and their dashboards, over what the caller may see. */
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { dashboard, type BucketSize } from './dashboard.ts';
import * as repo from './operations.repository.ts';

export async function operations(ctx: Context) {
  return (await repo.list(ctx.gateway)).map((o) => ({ ...o, name: o.name ?? o.id }));
}

export async function operationDashboard(ctx: Context, args: { operationId: string; bucket?: BucketSize | null }) {
  if (args.operationId.length === 0 || args.operationId.length > 200) throw badInput('operationId', 'an id has 1 to 200 characters.');
  const rows = await repo.dashboardRows(ctx.gateway, args.operationId);
  return rows ? dashboard(rows, args.bucket ?? 'DAY') : null;
}
