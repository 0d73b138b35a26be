/** The operations dashboard's GraphQL operations (server/modules/operations). */
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type { OperationDashboardQuery, OperationsQuery } from '../../../server/kernel/__generated__/graphql.ts';
import { gql } from '../api/graphql.ts';

export type OperationSummary = OperationsQuery['operations'][number];

export const OPERATION_SUMMARY = graphql(`
  fragment OperationSummaryFields on OperationSummary {
    id
    name
    startDate
    endDate
    lead
    description
  }
`);

const OPERATIONS = graphql(`
  query Operations {
    operations {
      ...OperationSummaryFields
    }
  }
`);

export async function operations(): Promise<OperationSummary[]> {
  const d = await gql(OPERATIONS, {});
  return d.operations;
}

export type OperationDashboard = NonNullable<OperationDashboardQuery['operationDashboard']>;
export type CountByKey = OperationDashboard['referralsByKind'][number];
export type OperationBucket = OperationDashboard['buckets'][number];

const OPERATION_DASHBOARD = graphql(`
  query OperationDashboard($operationId: ID!, $bucket: BucketSize) {
    operationDashboard(operationId: $operationId, bucket: $bucket) {
      operation {
        ...OperationSummaryFields
      }
      visits
      premisesVisited
      peopleEncountered
      potentialVictimsIdentified
      safeguarded
      referralsByKind {
        key
        count
      }
      offencesByCategory {
        key
        count
      }
      visitOutcomes {
        key
        count
      }
      buckets {
        start
        end
        visits
        premisesVisited
        peopleEncountered
        potentialVictimsIdentified
        safeguarded
        referrals
        offences
      }
      bucketSize
      premisesIds
    }
  }
`);

export async function operationDashboard(operationId: string, bucket: 'DAY' | 'WEEK'): Promise<OperationDashboard | null> {
  const d = await gql(OPERATION_DASHBOARD, { operationId, bucket });
  return d.operationDashboard;
}
