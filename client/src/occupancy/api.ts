/** The occupancy view's reads: `stays(ids, asKnownOn)` (server/modules/stays), through the caller's scope. */
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import { gql } from '../api/graphql.ts';
import { readAhead } from '../api/readAhead.ts';
import { basisOf, everyone, type StayRecord } from './stays.ts';
import type { ChartDoc } from '../state/chartDoc.ts';

const STAYS = graphql(`
  query OccupancyStays($ids: [ID!]!, $asKnownOn: Date) {
    stays(ids: $ids, asKnownOn: $asKnownOn, followPeople: true) {
      id
      type
      validFrom
      validTo
      person {
        id
        label
      }
      premises {
        id
        label
      }
    }
  }
`);

/**
 * The stays of the people in `basis` and of the people who stayed at its premises, every one of
 * theirs (a worker found at a selected parlour is followed to her other premises: the server
 * follows them, `followPeople`, in the same request), as known on `asKnownOn`.
 */
export async function readStays(basis: readonly string[], asKnownOn: string | null, signal?: AbortSignal): Promise<StayRecord[]> {
  if (basis.length === 0) return [];
  return (await gql(STAYS, { ids: [...basis], asKnownOn }, signal)).stays;
}

/** What the view reads for: the people and premises, and the "as known on" day. */
export const staysKey = (ids: readonly string[], asKnownOn: string | null) => `${ids.join()}|${asKnownOn ?? ''}`;

/** The view's first stays read, started by prepareOccupancy and taken by the view. */
const staysAhead = readAhead<StayRecord[]>();

/**
 * Starts the view's first read as the Occupancy button is pressed (App starts its code beside
 * it), rather than once the code has arrived: for the ids the view will open on (the selection's
 * people and premises, else everyone on the chart).
 */
export function prepareOccupancy(doc: ChartDoc, selection: readonly string[]): void {
  const ids = basisOf(doc, selection) ?? everyone(doc);
  staysAhead.start(staysKey(ids, doc.filters.asKnownOn), () => readStays(ids, doc.filters.asKnownOn));
}

/** readStays, or what prepareOccupancy started for the same ids and day. */
export function staysOf(ids: readonly string[], asKnownOn: string | null, signal?: AbortSignal): Promise<StayRecord[]> {
  return staysAhead.take(staysKey(ids, asKnownOn), () => readStays(ids, asKnownOn, signal));
}
