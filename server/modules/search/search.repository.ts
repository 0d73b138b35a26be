import type { Gateway, Row } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';

export async function searchEntities(
  gw: Gateway,
  q: { query: string; types: string[] | null; skip: number; limit: number },
): Promise<{ node: Row; score: number }[]> {
  return (await gw.read('search/entities', { ...q, skip: int(q.skip), limit: int(q.limit) })).map((r) => ({ node: r.node as Row, score: Number(r.score) }));
}
