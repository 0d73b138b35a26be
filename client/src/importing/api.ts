/** The import and review pages' GraphQL operations (server/modules/import, server/modules/resolve). */
import { gql, GraphQLRequestError } from '../api/graphql.ts';
import type { EntityType } from '../model/types.ts';

export interface RowError {
  file: string;
  line: number;
  column: string | null;
  /** The value as written, where one value is at fault. */
  value?: string | null;
  reason: string;
}

export interface PreviewRow {
  line: number;
  recordKey: string;
  summary: string;
  entities: { type: EntityType; id: string; properties: { name: string; value: string | null }[] }[];
  links: { type: string; from: string; to: string; role: string | null }[];
}

export interface Preview {
  rows: number;
  records: PreviewRow[];
  errors: RowError[];
  warnings: RowError[];
}

export interface ImportInput {
  source: string;
  mapping: string;
  fileName: string;
  /** The file's bytes, base64. */
  content: string;
}

export async function preview(i: ImportInput, rows = 20): Promise<Preview> {
  const d = await gql<{ importPreview: Preview }>(
    `query ImportPreview($source: String!, $mapping: String!, $fileName: String!, $content: String!, $rows: Int) {
      importPreview(source: $source, mapping: $mapping, fileName: $fileName, content: $content, rows: $rows) {
        rows records { line recordKey summary entities { type id properties { name value } } links { type from to role } }
        errors { file line column value reason } warnings { file line column value reason }
      }
    }`,
    { ...i, rows },
  );
  return d.importPreview;
}

export interface ImportResult {
  rows: number;
  imported: number;
  skipped: number;
  bad: number;
  created: number;
  changed: number;
  unchanged: number;
  entities: number;
  links: number;
  valuesLeftOut: number;
  linksNotMade: number;
  errors: RowError[];
  warnings: RowError[];
}

export interface ImportJob {
  id: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED';
  phase: string;
  done: number;
  total: number;
  rowsPerSecond: number;
  secondsLeft: number | null;
  startedAt: string;
  finishedAt: string | null;
  result: ImportResult | null;
  resolution: { records: number; newRecords: number; candidatePairs: number; merged: number; review: number } | null;
  error: string | null;
}

const RESULT = 'rows imported skipped bad created changed unchanged entities links valuesLeftOut linksNotMade errors { file line column value reason } warnings { file line column value reason }';
const JOB = `id status phase done total rowsPerSecond secondsLeft startedAt finishedAt error
  result { ${RESULT} } resolution { records newRecords candidatePairs merged review }`;

export async function startImport(i: ImportInput, resolve: boolean): Promise<ImportJob> {
  const d = await gql<{ startImport: ImportJob }>(
    `mutation StartImport($source: String!, $mapping: String!, $fileName: String!, $content: String!, $resolve: Boolean) {
      startImport(source: $source, mapping: $mapping, fileName: $fileName, content: $content, resolve: $resolve) { ${JOB} }
    }`,
    { ...i, resolve },
  );
  return d.startImport;
}

export async function importJob(id: string): Promise<ImportJob | null> {
  const d = await gql<{ importJob: ImportJob | null }>(`query ImportJob($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id });
  return d.importJob;
}

/** The one-request import, for a server without background jobs. */
export async function importFile(i: ImportInput): Promise<ImportResult> {
  const d = await gql<{ importFile: ImportResult }>(
    `mutation ImportFile($source: String!, $mapping: String!, $fileName: String!, $content: String!) {
      importFile(source: $source, mapping: $mapping, fileName: $fileName, content: $content) { ${RESULT} }
    }`,
    { ...i },
  );
  return d.importFile;
}

export function isMissingField(e: unknown): boolean {
  return e instanceof GraphQLRequestError && /Cannot query field|Unknown argument/.test(e.message);
}

// The review queue.

export interface MatchRecord {
  id: string;
  entityType: EntityType;
  label: string;
  fields: { name: string; value: string | null }[];
  sources: string[];
  resolvedId: string | null;
}

export interface MatchDecision {
  id: string;
  entityType: EntityType;
  status: 'MERGED' | 'REVIEW' | 'REJECTED' | 'UNDONE';
  probability: number;
  weight: number;
  swapped: boolean;
  evidence: { field: string; level: string; weight: number; a: string | null; b: string | null }[];
  /** A hard rule that decided the pair or held it back from a merge, in words. */
  rule: string | null;
  decidedBy: string;
  decidedAt: string;
  note: string | null;
  history: string[];
  a: MatchRecord;
  b: MatchRecord;
}

const RECORD = 'id entityType label fields { name value } sources resolvedId';
const DECISION = `id entityType status probability weight swapped evidence { field level weight a b } rule decidedBy decidedAt note history a { ${RECORD} } b { ${RECORD} }`;

export async function reviewQueue(first: number, offset: number, entityType: EntityType | null): Promise<{ items: MatchDecision[]; total: number }> {
  const d = await gql<{ reviewQueue: { items: MatchDecision[]; total: number } }>(
    `query ReviewQueue($first: Int, $offset: Int, $entityType: EntityType) { reviewQueue(first: $first, offset: $offset, entityType: $entityType) { total items { ${DECISION} } } }`,
    { first, offset, entityType },
  );
  return d.reviewQueue;
}

export type Decision = 'accept' | 'reject' | 'undo';

export async function decide(id: string, what: Decision, note: string | null): Promise<MatchDecision> {
  const field = { accept: 'acceptMatch', reject: 'rejectMatch', undo: 'undoMerge' }[what];
  const d = await gql<Record<string, MatchDecision>>(
    `mutation Decide($id: ID!, $note: String) { ${field}(id: $id, note: $note) { ${DECISION} } }`,
    { id, note },
  );
  return d[field]!;
}

/** A resolved entity: records merged into one, and the merges (with their evidence) that join them. */
export interface ResolvedCluster {
  id: string;
  entityType: EntityType;
  records: MatchRecord[];
  merges: MatchDecision[];
}

/** A resolved entity in the list: its records' labels and how many merges join them. */
export interface ClusterSummary {
  id: string;
  entityType: EntityType;
  records: { id: string; label: string }[];
  merges: { id: string }[];
}

// The list is kept lean (the query-cost limit counts every nested list); one cluster's evidence
// is read when it is opened.
export async function resolvedClusters(first: number, offset: number, entityType: EntityType | null): Promise<{ items: ClusterSummary[]; total: number }> {
  const d = await gql<{ resolvedClusters: { items: ClusterSummary[]; total: number } }>(
    `query ResolvedClusters($first: Int, $offset: Int, $entityType: EntityType) { resolvedClusters(first: $first, offset: $offset, entityType: $entityType) { total items { id entityType records { id label } merges { id } } } }`,
    { first, offset, entityType },
  );
  return d.resolvedClusters;
}

export async function resolvedCluster(id: string): Promise<ResolvedCluster | null> {
  const d = await gql<{ resolvedCluster: ResolvedCluster | null }>(
    `query ResolvedCluster($id: ID!) { resolvedCluster(id: $id) { id entityType records { ${RECORD} } merges { ${DECISION} } } }`,
    { id },
  );
  return d.resolvedCluster;
}
