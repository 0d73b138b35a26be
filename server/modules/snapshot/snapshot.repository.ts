/**
 * Snapshots in Neo4j: (:Snapshot {id, title, ..., hash, content}) with the record as canonical
 * JSON text, and (:Snapshot)-[:SUPERSEDES]->(:Snapshot) between versions. Queries live in
 * cypher/queries/snapshot/; there is a create statement and reads, and no update or delete.
 */
import type { Gateway, Row } from '../../db/gateway.ts';
import { int } from '../../db/values.ts';

export interface SnapshotRow {
  id: string;
  title: string;
  author: string;
  authorRole: string;
  createdAt: string;
  asKnownOn: string | null;
  version: number;
  supersedes: string | null;
  supersededBy: string | null;
  classification: string;
  handlingCode: string;
  marking: string;
  masked: boolean;
  unmaskReason: string | null;
  nodeCount: number;
  edgeCount: number;
  findingCount: number;
  hash: string;
  /** The canonical JSON record; null in lists. */
  content: string | null;
}

function toRow(r: Row): SnapshotRow {
  const s = r.snapshot as Row;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    id: String(s.id),
    title: String(s.title),
    author: String(s.author),
    authorRole: String(s.authorRole),
    createdAt: String(s.createdAt),
    asKnownOn: text(s.asKnownOn),
    version: Number(s.version ?? 1),
    supersedes: text(s.supersedes),
    supersededBy: text(r.supersededBy),
    classification: String(s.classification),
    handlingCode: String(s.handlingCode),
    marking: String(s.marking),
    masked: s.masked === true,
    unmaskReason: text(s.unmaskReason),
    nodeCount: Number(s.nodeCount ?? 0),
    edgeCount: Number(s.edgeCount ?? 0),
    findingCount: Number(s.findingCount ?? 0),
    hash: String(s.hash),
    content: text(s.content),
  };
}

/** What is stored: the row's fields, the record, and how many analysts' notes it holds (partners see none). */
export type NewSnapshot = Omit<SnapshotRow, 'supersededBy' | 'content'> & { annotationCount: number; content: string };

/** Stores a snapshot; false when `supersedes` names a version that is missing or already superseded. */
export async function create(gateway: Gateway, s: NewSnapshot): Promise<boolean> {
  const rows = await gateway.write('snapshot/create', {
    ...s,
    version: int(s.version),
    annotationCount: int(s.annotationCount),
    nodeCount: int(s.nodeCount),
    edgeCount: int(s.edgeCount),
    findingCount: int(s.findingCount),
  });
  return rows.length === 1;
}

export async function byId(gateway: Gateway, id: string, canUnmask: boolean): Promise<SnapshotRow | null> {
  const [row] = await gateway.read('snapshot/by-id', { id, canUnmask });
  return row ? toRow(row) : null;
}

export async function list(gateway: Gateway, o: { canUnmask: boolean; limit: number; title: string | null }): Promise<SnapshotRow[]> {
  return (await gateway.read('snapshot/list', { canUnmask: o.canUnmask, limit: int(o.limit), title: o.title })).map(toRow);
}

export async function annotations(gateway: Gateway, ids: string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  return (await gateway.read('snapshot/annotations', { ids })).map((r) => r.annotation as Row);
}
