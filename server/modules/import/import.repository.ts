/**
 * The importer's statements (cypher/queries/import/): history-keeping source records,
 * provenance-gathering entities and links, and the natural-key lookup.
 */
import { markDirty } from '../scores/index.ts';
import type { Gateway, Tx } from '../../db/gateway.ts';
import { LABEL, LINK_TYPES, type EntityType, type LinkType } from '../../model/model.ts';
import { toDate, toDateTime, type WriteRow } from '../load/index.ts';
import { sourceIdPrefix } from '../../model/source-ids.ts';
import type { NaturalKey } from './rows.ts';

/** Provenance properties: gathered across rows by the statements, not overwritten. */
const PROVENANCE = new Set(['sourceIds', 'sourceEvaluation', 'intelligenceAssessment', 'handlingCode', 'handlingConditions', 'classification', 'recordedAt', 'updatedAt', 'synthetic']);

function split(r: WriteRow) {
  const all: Record<string, unknown> = { ...r.props };
  for (const [k, v] of Object.entries(r.dates)) all[k] = toDate(v);
  for (const [k, v] of Object.entries(r.datetimes)) all[k] = toDateTime(v);
  const fields: Record<string, unknown> = {};
  const prov: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) (PROVENANCE.has(k) ? prov : fields)[k] = v;
  return { fields, prov };
}

export interface SourceWrite {
  id: string;
  props: Record<string, unknown>;
}

export async function writeSources(tx: Tx, rows: SourceWrite[]): Promise<{ created: number; changed: number; unchanged: number }> {
  const [r] = await tx.run('import/sources', {
    rows: rows.map((s) => ({ id: s.id, props: { ...s.props, recordedAt: toDateTime(String(s.props.recordedAt)) } })),
  });
  return { created: Number(r?.created ?? 0), changed: Number(r?.changed ?? 0), unchanged: Number(r?.unchanged ?? 0) };
}

export async function writeEntities(tx: Tx, type: EntityType, rows: WriteRow[]): Promise<{ written: number; created: number }> {
  const [r] = await tx.run('import/entities', { label: LABEL[type], rows: rows.map((e) => ({ id: e.id, ...split(e) })) });
  return { written: Number(r?.written ?? 0), created: Number(r?.created ?? 0) };
}

export async function writeLinks(tx: Tx, type: LinkType, rows: (WriteRow & { from: string; to: string })[]): Promise<string[]> {
  const spec = LINK_TYPES[type];
  const [r] = await tx.run('import/links', {
    type,
    fromTypes: [...spec.from],
    toTypes: [...spec.to],
    rows: rows.map((l) => ({ id: l.id, from: l.from, to: l.to, ...split(l) })),
  });
  return (r?.written as string[] | undefined) ?? [];
}

/** CALLED links of call records: merged by their two phones, totals recomputed from the calls citing them (import/call-links). */
export async function writeCallLinks(tx: Tx, rows: (WriteRow & { from: string; to: string })[]): Promise<string[]> {
  const [r] = await tx.run('import/call-links', { rows: rows.map((l) => ({ id: l.id, from: l.from, to: l.to, ...split(l) })) });
  return (r?.written as string[] | undefined) ?? [];
}

const KEY_PARAM: Partial<Record<EntityType, string>> = {
  PHONE: 'phones',
  EMAIL: 'emails',
  VEHICLE: 'vehicles',
  BANK_ACCOUNT: 'accounts',
  ORGANISATION: 'organisations',
  ADVERT: 'adverts',
};

/** Existing entity ids by natural key (`TYPE value` -> id). */
export async function naturalIds(gateway: Gateway, keys: NaturalKey[]): Promise<Map<string, string>> {
  const params: Record<string, string[]> = Object.fromEntries(Object.values(KEY_PARAM).map((p) => [p, []]));
  for (const k of keys) params[KEY_PARAM[k.type]!]!.push(k.value);
  const rows = await gateway.read('import/natural-ids', params);
  return new Map(rows.map((r) => [`${String(r.type)} ${String(r.value)}`, String(r.id)]));
}

export async function sourceCounts(gateway: Gateway, source: string): Promise<{ current: number; superseded: number }> {
  const [r] = await gateway.read('import/source-counts', { source });
  return { current: Number(r?.current ?? 0), superseded: Number(r?.superseded ?? 0) };
}

export async function removeSource(gateway: Gateway, source: string): Promise<number> {
  const [r] = await gateway.writeTx(async (tx) => {
    const rows = await tx.run('import/remove-source', { source, prefix: sourceIdPrefix(source) });
    // Entities it deleted are gone with their links: whose scores that changed is not known, so all.
    await markDirty(tx, ['*']);
    return rows;
  });
  return Number(r?.removed ?? 0);
}

export interface SourceGraph {
  current: number;
  superseded: number;
  entities: Record<string, number>;
  links: Record<string, number>;
}

const countBy = (xs: string[]) => xs.reduce<Record<string, number>>((o, x) => ((o[x] = (o[x] ?? 0) + 1), o), {});

/** Source records of a source and the entities and links citing them, by type. */
export async function sourceGraph(gateway: Gateway, source: string): Promise<SourceGraph> {
  const [r] = await gateway.read('import/source-graph', { source, prefix: sourceIdPrefix(source) });
  return {
    current: Number(r?.current ?? 0),
    superseded: Number(r?.superseded ?? 0),
    entities: countBy((r?.entityTypes as string[]) ?? []),
    links: countBy((r?.linkTypes as string[]) ?? []),
  };
}
