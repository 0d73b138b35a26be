/** Stays through the caller's scoped gateway (cypher/queries/stays/). */
import neo4j from 'neo4j-driver';
import type { Gateway } from '../../db/gateway.ts';

export type Row = Record<string, unknown>;
export interface StayRow {
  link: Row;
  person: Row;
  premises: Row;
}

export const STAY_TYPES = ['WORKS_AT', 'LIVES_AT'] as const;

/** At most `limit` stays, in person, day, id order. */
export async function stayRows(gw: Gateway, ids: string[], limit: number, linkTypes: readonly string[] = STAY_TYPES): Promise<StayRow[]> {
  if (ids.length === 0) return [];
  return (await gw.read('stays/of', { ids, linkTypes: [...linkTypes], limit: neo4j.int(limit) })).map((r) => ({ link: r.link as Row, person: r.person as Row, premises: r.premises as Row }));
}

/** Whom at most `limit` stays of the ids name, with the stays' dates (stays/people). */
export async function stayPeople(gw: Gateway, ids: string[], limit: number): Promise<{ person: string; validFrom: unknown; validTo: unknown; recordedAt: unknown }[]> {
  return (await gw.read('stays/people', { ids, limit: neo4j.int(limit) })).map((r) => ({ person: String(r.person), validFrom: r.validFrom, validTo: r.validTo, recordedAt: r.recordedAt }));
}
