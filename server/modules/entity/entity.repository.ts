/**
 * Entity reads through the gateway, by query name (cypher/queries/entity/). Read transactions only.
 */
import type { Gateway, Row } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';

export async function entitiesByIds(gw: Gateway, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await gw.read('entity/by-ids', { ids })).map((r) => r.entity as Row);
}

export async function sourceRecords(gw: Gateway, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await gw.read('entity/sources', { ids })).map((r) => r.source as Row);
}

export async function annotations(gw: Gateway, targetId: string): Promise<Row[]> {
  return (await gw.read('entity/annotations', { targetId })).map((r) => r.annotation as Row);
}

export interface LinksPageQuery {
  id: string;
  types: string[] | null;
  entityTypes: string[] | null;
  skip: number;
  limit: number;
}

export async function linksPage(gw: Gateway, q: LinksPageQuery): Promise<{ total: number; rows: { link: Row; other: Row }[] }> {
  const rows = await gw.read('entity/links', { ...q, skip: int(q.skip), limit: int(q.limit) });
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.filter((r) => r.link !== null).map((r) => ({ link: r.link as Row, other: r.other as Row })),
  };
}

export interface LinkRow {
  link: Row;
  source: Row;
  target: Row;
  elementId: string;
}

export async function linkById(gw: Gateway, id: string): Promise<LinkRow | undefined> {
  const [row] = await gw.read('entity/link-by-id', { id, visibleOnly: true });
  return row as LinkRow | undefined;
}
