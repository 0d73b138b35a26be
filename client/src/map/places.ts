/**
 * Where the chart's entities are: their latitude and longitude, read with `entities(ids)` for
 * the types that have them (mapData.placedTypes), through the caller's scope like any read.
 */
import { gql } from '../api/graphql.ts';
import { TypedDocumentString } from '../../../server/kernel/__generated__/graphql.ts';
import type { GraphNode } from '../model/types.ts';
import { placedTypes, validPlace, type LatLon } from './mapData.ts';

/** The most ids `entities(ids)` takes in one call. */
const BATCH = 500;

export const PLACED_TYPES = placedTypes();
export const PLACEABLE: ReadonlySet<string> = new Set(PLACED_TYPES.map((t) => t.name));

type Places = { entities: { id: string; latitude?: number | null; longitude?: number | null }[] };
// Built at run time from the registry (an installation's placed types too), so typed here rather than by codegen.
const QUERY = new TypedDocumentString<Places, { ids: string[] }>(
  `query MapPlaces($ids: [ID!]!) { entities(ids: $ids) { id ${PLACED_TYPES.map((t) => `... on ${t.label} { latitude longitude }`).join(' ')} } }`,
);

/** Places of those of `nodes` that can have one; an entity without a usable place is left out. */
export async function fetchPlaces(nodes: readonly GraphNode[], signal?: AbortSignal): Promise<Map<string, LatLon>> {
  const ids = nodes.filter((n) => PLACEABLE.has(n.type)).map((n) => n.id);
  const out = new Map<string, LatLon>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const d = await gql(QUERY, { ids: ids.slice(i, i + BATCH) }, signal);
    for (const e of d.entities) {
      const p = validPlace(e.latitude, e.longitude);
      if (p) out.set(e.id, p);
    }
  }
  return out;
}
