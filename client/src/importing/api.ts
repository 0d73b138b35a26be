/** The import and review pages' GraphQL operations (server/modules/import, server/modules/resolve). */
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type { ImportFileMutation, ImportJobFieldsFragment, ImportPreviewQuery, MatchDecisionFieldsFragment, ResolvedClusterQuery, ResolvedClustersQuery } from '../../../server/kernel/__generated__/graphql.ts';
import { gql, GraphQLRequestError } from '../api/graphql.ts';
import type { EntityType } from '../model/types.ts';

export type Preview = ImportPreviewQuery['importPreview'];
export type PreviewRow = Preview['records'][number];
export type RowError = Preview['errors'][number];

export interface ImportInput {
  source: string;
  mapping: string;
  fileName: string;
  /** The file's bytes, base64. */
  content: string;
}

export async function preview(i: ImportInput, rows = 20): Promise<Preview> {
  const d = await gql(PREVIEW, { ...i, rows });
  return d.importPreview;
}

export type ImportResult = ImportFileMutation['importFile'];
export type ImportJob = ImportJobFieldsFragment;

export const ROW_ERROR = graphql(`
  fragment RowErrorFields on ImportRowError {
    file
    line
    column
    value
    reason
  }
`);

const PREVIEW = graphql(`
  query ImportPreview($source: String!, $mapping: String!, $fileName: String!, $content: String!, $rows: Int) {
    importPreview(source: $source, mapping: $mapping, fileName: $fileName, content: $content, rows: $rows) {
      rows
      records {
        line
        recordKey
        summary
        entities {
          type
          id
          properties {
            name
            value
          }
        }
        links {
          type
          from
          to
          role
        }
      }
      errors {
        ...RowErrorFields
      }
      warnings {
        ...RowErrorFields
      }
    }
  }
`);

export const IMPORT_RESULT = graphql(`
  fragment ImportResultFields on ImportResult {
    rows
    imported
    skipped
    bad
    created
    changed
    unchanged
    entities
    links
    valuesLeftOut
    linksNotMade
    errors {
      ...RowErrorFields
    }
    warnings {
      ...RowErrorFields
    }
  }
`);

export const IMPORT_JOB = graphql(`
  fragment ImportJobFields on ImportJob {
    id
    status
    phase
    done
    total
    rowsPerSecond
    secondsLeft
    startedAt
    finishedAt
    error
    result {
      ...ImportResultFields
    }
    resolution {
      records
      newRecords
      candidatePairs
      merged
      review
    }
  }
`);

const START_IMPORT = graphql(`
  mutation StartImport($source: String!, $mapping: String!, $fileName: String!, $content: String!, $resolve: Boolean) {
    startImport(source: $source, mapping: $mapping, fileName: $fileName, content: $content, resolve: $resolve) {
      ...ImportJobFields
    }
  }
`);

const IMPORT_JOB_QUERY = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportJobFields
    }
  }
`);

const IMPORT_FILE = graphql(`
  mutation ImportFile($source: String!, $mapping: String!, $fileName: String!, $content: String!) {
    importFile(source: $source, mapping: $mapping, fileName: $fileName, content: $content) {
      ...ImportResultFields
    }
  }
`);

export async function startImport(i: ImportInput, resolve: boolean): Promise<ImportJob> {
  const d = await gql(START_IMPORT, { ...i, resolve });
  return d.startImport;
}

export async function importJob(id: string): Promise<ImportJob | null> {
  const d = await gql(IMPORT_JOB_QUERY, { id });
  return d.importJob;
}

/** The one-request import, for a server without background jobs. */
export async function importFile(i: ImportInput): Promise<ImportResult> {
  const d = await gql(IMPORT_FILE, { ...i });
  return d.importFile;
}

export function isMissingField(e: unknown): boolean {
  return e instanceof GraphQLRequestError && /Cannot query field|Unknown argument/.test(e.message);
}

// The review queue.

export type MatchDecision = MatchDecisionFieldsFragment;
export type MatchRecord = MatchDecision['a'];

export const MATCH_RECORD = graphql(`
  fragment MatchRecordFields on MatchRecord {
    id
    entityType
    label
    fields {
      name
      value
    }
    sources
    resolvedId
  }
`);

export const MATCH_DECISION = graphql(`
  fragment MatchDecisionFields on MatchDecision {
    id
    entityType
    status
    probability
    weight
    swapped
    evidence {
      field
      level
      weight
      a
      b
    }
    rule
    decidedBy
    decidedAt
    note
    history
    a {
      ...MatchRecordFields
    }
    b {
      ...MatchRecordFields
    }
  }
`);

const REVIEW_QUEUE = graphql(`
  query ReviewQueue($first: Int, $offset: Int, $entityType: EntityType) {
    reviewQueue(first: $first, offset: $offset, entityType: $entityType) {
      total
      items {
        ...MatchDecisionFields
      }
    }
  }
`);

const ACCEPT = graphql(`
  mutation AcceptMatch($id: ID!, $note: String) {
    acceptMatch(id: $id, note: $note) {
      ...MatchDecisionFields
    }
  }
`);

const REJECT = graphql(`
  mutation RejectMatch($id: ID!, $note: String) {
    rejectMatch(id: $id, note: $note) {
      ...MatchDecisionFields
    }
  }
`);

const UNDO = graphql(`
  mutation UndoMerge($id: ID!, $note: String) {
    undoMerge(id: $id, note: $note) {
      ...MatchDecisionFields
    }
  }
`);

const RESOLVED_CLUSTERS = graphql(`
  query ResolvedClusters($first: Int, $offset: Int, $entityType: EntityType) {
    resolvedClusters(first: $first, offset: $offset, entityType: $entityType) {
      total
      items {
        id
        entityType
        records {
          id
          label
        }
        merges {
          id
        }
      }
    }
  }
`);

const RESOLVED_CLUSTER = graphql(`
  query ResolvedCluster($id: ID!) {
    resolvedCluster(id: $id) {
      id
      entityType
      records {
        ...MatchRecordFields
      }
      merges {
        ...MatchDecisionFields
      }
    }
  }
`);

export async function reviewQueue(first: number, offset: number, entityType: EntityType | null): Promise<{ items: MatchDecision[]; total: number }> {
  const d = await gql(REVIEW_QUEUE, { first, offset, entityType });
  return d.reviewQueue;
}

export type Decision = 'accept' | 'reject' | 'undo';

export async function decide(id: string, what: Decision, note: string | null): Promise<MatchDecision> {
  if (what === 'accept') return (await gql(ACCEPT, { id, note })).acceptMatch;
  if (what === 'reject') return (await gql(REJECT, { id, note })).rejectMatch;
  return (await gql(UNDO, { id, note })).undoMerge;
}

/** A resolved entity: records merged into one, and the merges (with their evidence) that join them. */
export type ResolvedCluster = NonNullable<ResolvedClusterQuery['resolvedCluster']>;

/** A resolved entity in the list: its records' labels and how many merges join them. */
export type ClusterSummary = ResolvedClustersQuery['resolvedClusters']['items'][number];

// The list is kept lean (the query-cost limit counts every nested list); one cluster's evidence
// is read when it is opened.
export async function resolvedClusters(first: number, offset: number, entityType: EntityType | null): Promise<{ items: ClusterSummary[]; total: number }> {
  const d = await gql(RESOLVED_CLUSTERS, { first, offset, entityType });
  return d.resolvedClusters;
}

export async function resolvedCluster(id: string): Promise<ResolvedCluster | null> {
  const d = await gql(RESOLVED_CLUSTER, { id });
  return d.resolvedCluster;
}
