/** Operations through the caller's scoped gateway (cypher/queries/operations/). */
import type { Gateway } from '../../db/gateway.ts';
import type { DashboardRows } from './dashboard.ts';

const clean = <T>(xs: (T | null)[]): T[] => xs.filter((x): x is T => x !== null);

export async function list(gw: Gateway): Promise<DashboardRows['operation'][]> {
  return (await gw.read('operations/list')).map((r) => r.operation as DashboardRows['operation']);
}

export async function dashboardRows(gw: Gateway, id: string): Promise<DashboardRows | null> {
  const [r] = await gw.read('operations/dashboard', { id });
  if (!r) return null;
  return {
    operation: r.operation as DashboardRows['operation'],
    visits: clean(r.visits as DashboardRows['visits']),
    encounters: clean(r.encounters as DashboardRows['encounters']),
    referrals: clean(r.referrals as DashboardRows['referrals']),
    offences: clean(r.offences as DashboardRows['offences']),
  };
}
