/** The circuit finder's read: `circuits(...)` (server/modules/stays), through the caller's scope. */
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type { CircuitsQuery } from '../../../server/kernel/__generated__/graphql.ts';
import { gql } from '../api/graphql.ts';

export type Circuit = CircuitsQuery['circuits'][number];

const CIRCUITS = graphql(`
  query Circuits($ids: [ID!]!, $windowDays: Int, $minPremises: Int, $asKnownOn: Date) {
    circuits(ids: $ids, windowDays: $windowDays, minPremises: $minPremises, asKnownOn: $asKnownOn, first: 200) {
      kind
      people {
        id
        label
      }
      premises {
        id
        label
      }
      from
      to
      moves
      stays {
        id
        personId
        premisesId
        validFrom
        validTo
      }
    }
  }
`);

export async function circuits(ids: string[], o: { windowDays: number; minPremises: number; asKnownOn: string | null }, signal?: AbortSignal): Promise<Circuit[]> {
  return (await gql(CIRCUITS, { ids, ...o }, signal)).circuits;
}

/** What "Put on chart" adds for a circuit: its people and premises (the stay links among them follow in the same step). */
export function circuitIds(c: Pick<Circuit, 'people' | 'premises'>): string[] {
  return [...c.people.map((p) => p.id), ...c.premises.map((p) => p.id)];
}

/** What it highlights once added: the people, premises and the stays that are the evidence. */
export function circuitEvidence(c: Pick<Circuit, 'people' | 'premises' | 'stays'>): string[] {
  return [...circuitIds(c), ...c.stays.map((s) => s.id)];
}
