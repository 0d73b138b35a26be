/**
 * Search: validates the arguments, builds the Lucene query, pages through the ranked results.
 */
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { toGraphNode } from '../entity/entity.mapper.ts';
import { decodeCursor, intArg, page } from '../entity/paging.ts';
import { buildSearchQuery, matchedForm } from './search.query.ts';
import * as repo from './search.repository.ts';

export const MAX_TEXT = 200;

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
  const rows = await repo.searchEntities(ctx.gateway, {
    query,
    types: args.types?.length ? [...args.types] : null,
    skip,
    limit: first + 1,
  });
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
