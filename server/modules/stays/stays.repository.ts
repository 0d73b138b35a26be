/** Stays through the caller's scoped gateway (cypher/queries/stays/). */
import type { Gateway } from '../../db/gateway.ts';

export type Row = Record<string, unknown>;
export interface StayRow {
  link: Row;
  person: Row;
  premises: Row;
}

export const STAY_TYPES = ['WORKS_AT', 'LIVES_AT'] as const;

export async function stayRows(gw: Gateway, ids: string[], linkTypes: readonly string[] = STAY_TYPES): Promise<StayRow[]> {
  if (ids.length === 0) return [];
  return (await gw.read('stays/of', { ids, linkTypes: [...linkTypes] })).map((r) => ({ link: r.link as Row, person: r.person as Row, premises: r.premises as Row }));
}
