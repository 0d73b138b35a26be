/** The occupancy view's reads: `stays(ids, asKnownOn)` (server/modules/stays), through the caller's scope. */
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import { gql } from '../api/graphql.ts';
import { peopleOf, type StayRecord } from './stays.ts';
import type { ChartDoc } from '../state/chartDoc.ts';

const STAYS = graphql(`
  query OccupancyStays($ids: [ID!]!, $asKnownOn: Date) {
    stays(ids: $ids, asKnownOn: $asKnownOn) {
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
 * theirs (a worker found at a selected parlour is followed to her other premises), as known on
 * `asKnownOn`.
 */
export async function readStays(doc: ChartDoc, basis: readonly string[], asKnownOn: string | null, signal?: AbortSignal): Promise<StayRecord[]> {
  if (basis.length === 0) return [];
  const first = (await gql(STAYS, { ids: [...basis], asKnownOn }, signal)).stays;
  const people = peopleOf(doc, basis, first);
  const hasPremises = basis.some((id) => doc.nodes[id]?.type !== 'PERSON');
  if (!hasPremises || people.length === 0) return first;
  return (await gql(STAYS, { ids: people, asKnownOn }, signal)).stays;
}
