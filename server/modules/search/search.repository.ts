import type { Gateway, Row } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';

export type Hit = { node: Row; score: number };
interface Page {
  query: string;
  types: string[] | null;
  skip: number;
  limit: number;
}

const hits = (records: Row[]): Hit[] => records.filter((r) => r.node !== null).map((r) => ({ node: r.node as Row, score: Number(r.score) }));

/**
 * The page among Lucene's `fetch` best hits: `found` of them before the filters, `kept` after;
 * `seen` holds every best hit's id when there were `fetch` of them and the page is short. Among
 * them an exact match (`exact`, folded) ranks first, then entities whose kind or type `words` name.
 */
export async function searchBest(
  gw: Gateway,
  q: Page & { fetch: number; exact: string; words: string[] },
): Promise<{ rows: Hit[]; found: number; kept: number; seen: string[] | null }> {
  const records = await gw.read('search/entities-top', { ...q, skip: int(q.skip), limit: int(q.limit), fetch: int(q.fetch) });
  const first = records[0];
  return { rows: hits(records), found: Number(first?.found ?? 0), kept: Number(first?.keptCount ?? 0), seen: (first?.seen as string[] | null) ?? null };
}

/** The page among every hit but those in `exclude`. */
export async function searchRest(gw: Gateway, q: Page & { exclude: string[] }): Promise<Hit[]> {
  return hits(await gw.read('search/entities', { ...q, skip: int(q.skip), limit: int(q.limit) }));
}
