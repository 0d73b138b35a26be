/**
 * The bulk loader's statements (cypher/queries/load/): batched UNWIND writes of source records,
 * entities of one type and links of one type, each batch in one write transaction. Labels and
 * relationship types reach Cypher only as parameters picked from the closed lists in
 * server/model/model.ts (Neo4j 5.26 dynamic labels, `SET n:$($label)`).
 */
import neo4j from 'neo4j-driver';
import type { Gateway, Tx } from '../../db/gateway.ts';
import { LABEL, LINK_TYPES, type EntityType, type LinkType } from '../../model/model.ts';

/** A row as the statements take it: plain properties, plus temporal ones as ISO strings. */
export interface WriteRow {
  id: string;
  props: Record<string, unknown>;
  dates: Record<string, string>;
  datetimes: Record<string, string>;
}

export interface LinkWriteRow extends WriteRow {
  from: string;
  to: string;
}

export interface SourceWriteRow {
  id: string;
  props: Record<string, unknown>;
  recordedAt: string;
}

// Each writer runs inside a write transaction the caller opened, so that several small
// batches of different types can share one commit (gateway.writeTx).
//
// Dates and datetimes travel as driver temporal values inside `props`, so that the statements
// are a plain `SET n += row.props`: converting them in Cypher (FOREACH over keys, date(),
// datetime()) cost three Eager operators and a function call per value, and made the loader
// about 1.4x slower than a minimal UNWIND ... MERGE (docs/BENCHMARKS.md, load).

const DATETIME_PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** 'YYYY-MM-DD' to a Neo4j date. */
export function toDate(v: string) {
  return new neo4j.types.Date(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)));
}

/** An ISO datetime with a zone to a Neo4j datetime with the same offset (as Cypher's datetime() would). */
export function toDateTime(v: string) {
  const m = DATETIME_PARTS.exec(v);
  if (!m) throw new Error(`not an ISO datetime with a zone: ${v}`);
  const nanos = m[7] ? Number(m[7].padEnd(9, '0').slice(0, 9)) : 0;
  const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 3600 + Number(m[11]) * 60);
  return new neo4j.types.DateTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), nanos, offset);
}

function withTemporals(r: WriteRow): Record<string, unknown> {
  const props: Record<string, unknown> = { ...r.props };
  for (const [k, v] of Object.entries(r.dates)) props[k] = toDate(v);
  for (const [k, v] of Object.entries(r.datetimes)) props[k] = toDateTime(v);
  return props;
}

export async function writeSources(tx: Tx, rows: SourceWriteRow[]): Promise<number> {
  const [r] = await tx.run('load/sources', { rows: rows.map((s) => ({ id: s.id, props: { ...s.props, recordedAt: toDateTime(s.recordedAt) } })) });
  return Number(r?.written ?? 0);
}

export async function writeEntities(tx: Tx, type: EntityType, rows: WriteRow[]): Promise<number> {
  const [r] = await tx.run('load/entities', { label: LABEL[type], rows: rows.map((e) => ({ id: e.id, props: withTemporals(e) })) });
  return Number(r?.written ?? 0);
}

/** Writes links of one type; returns the ids written (rows whose ends are missing are not). */
export async function writeLinks(tx: Tx, type: LinkType, rows: LinkWriteRow[]): Promise<string[]> {
  const spec = LINK_TYPES[type];
  const [r] = await tx.run('load/links', {
    type,
    fromTypes: [...spec.from],
    toTypes: [...spec.to],
    rows: rows.map((l) => ({ id: l.id, from: l.from, to: l.to, props: withTemporals(l) })),
  });
  return (r?.written as string[] | undefined) ?? [];
}

export interface GraphCounts {
  entities: Record<string, number>;
  links: Record<string, number>;
  sourceRecords: number;
}

function toCounts(rows: Record<string, unknown>[]): GraphCounts {
  const out: GraphCounts = { entities: {}, links: {}, sourceRecords: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.kind === 'entity') out.entities[String(r.name)] = n;
    else if (r.kind === 'link') out.links[String(r.name)] = n;
    else out.sourceRecords = n;
  }
  return out;
}

/** Entities by type, links by type and source records in the whole database. */
export async function graphCounts(gateway: Gateway): Promise<GraphCounts> {
  return toCounts(await gateway.read('load/counts'));
}

/** The same counts, among the given ids only. */
export async function countsForIds(gateway: Gateway, ids: { entityIds: string[]; linkIds: string[]; sourceIds: string[] }): Promise<GraphCounts> {
  return toCounts(await gateway.read('load/counts-for-ids', ids));
}

export interface OperationSummary {
  id: string;
  visits: number;
  premisesVisited: number;
  peopleEncountered: number;
  potentialVictims: number;
  safeguarded: number;
  referralKinds: string[];
  offenceCategories: string[];
}

/** What an operation did, counted from the graph. */
export async function operationSummary(gateway: Gateway, id: string): Promise<OperationSummary | undefined> {
  const [r] = await gateway.read('load/operation-summary', { id });
  return r as OperationSummary | undefined;
}

export async function hasEntities(gateway: Gateway): Promise<boolean> {
  const [r] = await gateway.read('load/has-entities');
  return r?.any === true;
}
