/**
 * Search: validates the arguments, builds the Lucene query, pages through the ranked results.
 */
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { toGraphNode } from '../entity/index.ts';
import { decodeCursor, intArg, page } from '../entity/index.ts';
import { buildSearchQuery, matchedForm, words } from './search.query.ts';
import { fold } from '../../model/normalise.ts';
import * as repo from './search.repository.ts';

export const MAX_TEXT = 200;

/**
 * How many of Lucene's best hits a page is read from first. At 1M people a text has a median of
 * 34,000 hits (the fuzzy and prefix forms); asking for the 256 best instead of scoring them all
 * cut the raw statement's p50 and p95 by about a third (bench/ANALYSIS.md, session 6).
 */
const BEST_HITS = 256;

export interface SearchArgs {
  text: string;
  types?: readonly string[] | null;
  first?: number | null;
  after?: string | null;
}

export async function search(ctx: Context, args: SearchArgs) {
  const text = args.text.trim();
  if (text.length === 0 || text.length > MAX_TEXT) throw badInput('text', `give 1 to ${MAX_TEXT} characters to search for.`);
  const first = intArg('first', args.first, { min: 1, max: 100, default: 20 });
  const skip = decodeCursor('search', args.after);
  const query = buildSearchQuery(text);
  if (!query) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
  const rows = await ranked(ctx, { query, exact: fold(text).replace(/\s+/g, ' '), words: words(text) }, args.types?.length ? [...args.types] : null, skip, first + 1);
  const p = page('search', rows, skip, first);
  return {
    pageInfo: p.pageInfo,
    edges: p.items.map(({ item, cursor }) => ({
      cursor,
      node: toGraphNode(item.node),
      score: item.score,
      matched: matchedForm(item.node.searchText, text),
    })),
  };
}

/**
 * The page of hits from `skip`: the results are the best BEST_HITS hits (an exact name or form
 * first, then entities of a kind or type the text names, each in Lucene's order), then
 * every other hit in score order, each kept by the filters. Ties can come in a different order
 * from a query for every hit than from one for the best n, so the rest is read without the best
 * hits' ids: every page, whatever its size and start, is a slice of the same list.
 */
async function ranked(ctx: Context, q: { query: string; exact: string; words: string[] }, types: string[] | null, skip: number, limit: number) {
  const { query } = q;
  const best = await repo.searchBest(ctx.gateway, { ...q, types, skip, limit, fetch: BEST_HITS });
  if (best.rows.length === limit || best.found < BEST_HITS) return best.rows;
  const rest = await repo.searchRest(ctx.gateway, { query, types, exclude: best.seen ?? [], skip: Math.max(0, skip - best.kept), limit: limit - best.rows.length });
  return [...best.rows, ...rest];
}
