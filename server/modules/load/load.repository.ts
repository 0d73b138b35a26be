/**
 * The bulk loader's statements (cypher/queries/load/): batched UNWIND writes of source records,
 * entities of one type and links of one type, each batch in one write transaction. Labels and
 * relationship types reach Cypher only as parameters picked from the closed lists in
 * server/model/model.ts (Neo4j 5.26 dynamic labels, `SET n:$($label)`).
 */
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

export async function writeSources(tx: Tx, rows: SourceWriteRow[]): Promise<number> {
  const [r] = await tx.run('load/sources', { rows });
  return Number(r?.written ?? 0);
}

export async function writeEntities(tx: Tx, type: EntityType, rows: WriteRow[]): Promise<number> {
  const [r] = await tx.run('load/entities', { label: LABEL[type], rows });
  return Number(r?.written ?? 0);
}

/** Writes links of one type; returns the ids written (rows whose ends are missing are not). */
export async function writeLinks(tx: Tx, type: LinkType, rows: LinkWriteRow[]): Promise<string[]> {
  const spec = LINK_TYPES[type];
  const [r] = await tx.run('load/links', { type, fromTypes: [...spec.from], toTypes: [...spec.to], rows });
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
