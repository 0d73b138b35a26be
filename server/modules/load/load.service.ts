/**
 * The bulk loader: writes a data set of source records, entities and links into Neo4j in
 * batches, idempotently (MERGE on id; re-running changes nothing). Every entity is shaped by
 * shapeEntity and every entity and link carries its provenance: its sourceIds and the best
 * grading among those sources (docs/model.md). Used by `lantern seed demo`, and meant for the
 * scale generator and the file importer too.
 *
 * A row states the whole of an entity's or link's provenance: loading it again replaces its
 * properties and sourceIds rather than adding to them.
 */
import neo4j from 'neo4j-driver';
import type { Gateway } from '../../db/gateway.ts';
import {
  CLASSIFICATIONS,
  ENTITY_TYPES,
  HANDLING_CODES,
  ID_PREFIX,
  INTELLIGENCE_ASSESSMENTS,
  LINK_TYPES,
  LINK_TYPE_NAMES,
  foreignLinkProperty,
  SOURCE_EVALUATIONS,
  type Classification,
  type EntityType,
  type HandlingCode,
  type IntelligenceAssessment,
  type LinkType,
  type SourceEvaluation,
} from '../../model/model.ts';
import { shapeEntity, ShapeError, type KnownPhones } from '../../model/shape.ts';
import { writeEntities, writeLinks, writeSources, type LinkWriteRow, type SourceWriteRow, type WriteRow } from './load.repository.ts';

export interface SourceGrading {
  sourceEvaluation: SourceEvaluation;
  intelligenceAssessment: IntelligenceAssessment;
  handlingCode: HandlingCode;
  handlingConditions: string | null;
  classification: Classification;
}

/** One row of a source system. */
export interface SourceRecordInput extends SourceGrading {
  id: string;
  source: string;
  recordKey: string;
  file?: string | null;
  line?: number | null;
  /** ISO datetime. */
  recordedAt: string;
  summary: string;
}

export interface EntityInput {
  type: EntityType;
  id: string;
  /** Type-specific properties as docs/model.md names them; dates as 'YYYY-MM-DD'. */
  props: Record<string, unknown>;
  sourceIds: string[];
  /** ISO datetimes; default: the earliest and latest recordedAt of its sources. */
  recordedAt?: string;
  updatedAt?: string;
}

export interface LinkInput {
  type: LinkType;
  id: string;
  from: string;
  to: string;
  role?: string;
  validFrom?: string;
  validTo?: string;
  /** ISO datetime; default: the earliest recordedAt of its sources. */
  recordedAt?: string;
  weight?: number;
  count?: number;
  firstAt?: string;
  lastAt?: string;
  sourceIds: string[];
}

export interface Dataset {
  sources: SourceRecordInput[];
  entities: EntityInput[];
  links: LinkInput[];
}

export interface LoadOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** Marks every entity and link synthetic (demo and scale data). */
  synthetic?: boolean;
  /** Grading of sources loaded earlier, for rows that cite sources not in this data set. */
  knownSources?: ReadonlyMap<string, SourceGrading & { recordedAt: string }>;
  /** Forms of the phone numbers the caller made itself (shape.ts); the rest are parsed. */
  knownPhones?: KnownPhones;
  onProgress?: (p: { phase: 'sources' | 'entities' | 'links'; done: number; total: number }) => void;
}

export interface LoadResult {
  sources: number;
  entities: Partial<Record<EntityType, number>>;
  links: Partial<Record<LinkType, number>>;
  ms: number;
}

/** A data set that cannot be loaded as it is: names the row and what is wrong. */
export class LoadError extends Error {
  override name = 'LoadError';
}

/** Properties stored as Neo4j dates and datetimes (docs/model.md); the rest are stored as given. */
export const DATE_PROPS = new Set(['dateOfBirth', 'postedOn', 'occurredOn', 'startDate', 'endDate', 'visitedOn', 'referredOn', 'recordedOn', 'validFrom', 'validTo']);
export const DATETIME_PROPS = new Set(['recordedAt', 'updatedAt', 'firstAt', 'lastAt']);
/** Stored as Neo4j integers (a JavaScript number would travel as a float). */
export const INTEGER_PROPS = new Set(['sourceEvaluation', 'count', 'line']);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The best grading among sources: lowest evaluation, lowest letter, most restrictive handling and classification. */
export function bestGrading(sources: readonly SourceGrading[]): SourceGrading {
  if (sources.length === 0) throw new LoadError('bestGrading needs at least one source');
  const first = sources[0]!;
  let g: SourceGrading = {
    sourceEvaluation: first.sourceEvaluation,
    intelligenceAssessment: first.intelligenceAssessment,
    handlingCode: first.handlingCode,
    handlingConditions: first.handlingConditions,
    classification: first.classification,
  };
  // Each source's conditions once, in the order cited (a condition may itself contain '; ', so
  // they are compared whole, as the importer's CONTAINS check does).
  const conditions = first.handlingConditions ? [first.handlingConditions] : [];
  for (let i = 1; i < sources.length; i++) {
    const s = sources[i]!;
    if (s.handlingConditions && !conditions.includes(s.handlingConditions)) conditions.push(s.handlingConditions);
    g = {
      sourceEvaluation: Math.min(g.sourceEvaluation, s.sourceEvaluation) as SourceEvaluation,
      intelligenceAssessment: s.intelligenceAssessment < g.intelligenceAssessment ? s.intelligenceAssessment : g.intelligenceAssessment,
      handlingCode: g.handlingCode === 'C' || s.handlingCode === 'C' ? 'C' : 'P',
      handlingConditions: null,
      classification: g.classification === 'OFFICIAL-SENSITIVE' || s.classification === 'OFFICIAL-SENSITIVE' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
    };
  }
  g.handlingConditions = g.handlingCode === 'C' ? conditions.join('; ') || null : null;
  return g;
}

function checkGrading(where: string, g: SourceGrading): void {
  if (!(SOURCE_EVALUATIONS as readonly number[]).includes(g.sourceEvaluation)) throw new LoadError(`${where}: sourceEvaluation must be 1, 2 or 3`);
  if (!(INTELLIGENCE_ASSESSMENTS as readonly string[]).includes(g.intelligenceAssessment)) throw new LoadError(`${where}: intelligenceAssessment must be A to E`);
  if (!(HANDLING_CODES as readonly string[]).includes(g.handlingCode)) throw new LoadError(`${where}: handlingCode must be P or C`);
  if (!(CLASSIFICATIONS as readonly string[]).includes(g.classification)) throw new LoadError(`${where}: classification must be OFFICIAL or OFFICIAL-SENSITIVE`);
}

/** Puts one property into a row's plain, date or datetime map, checking that its value can be stored. */
function putProp(where: string, row: Omit<WriteRow, 'id'>, k: string, v: unknown): void {
  if (v === undefined) return;
  if (v !== null && DATE_PROPS.has(k)) {
    if (typeof v !== 'string' || !DATE.test(v)) throw new LoadError(`${where}: ${k} must be a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
    row.dates[k] = v;
  } else if (v !== null && DATETIME_PROPS.has(k)) {
    if (typeof v !== 'string' || !DATETIME.test(v)) throw new LoadError(`${where}: ${k} must be an ISO datetime with a zone, got ${JSON.stringify(v)}`);
    row.datetimes[k] = v;
  } else if (typeof v === 'number' && INTEGER_PROPS.has(k)) {
    if (!Number.isInteger(v)) throw new LoadError(`${where}: ${k} must be a whole number, got ${v}`);
    row.props[k] = neo4j.int(v);
  } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    throw new LoadError(`${where}: ${k} is an object; Neo4j properties hold only values and lists`);
  } else {
    row.props[k] = v;
  }
}

/** Puts a best grading's five properties into a row. */
function putGrading(where: string, row: Omit<WriteRow, 'id'>, g: SourceGrading): void {
  for (const k in g) putProp(where, row, k, g[k as keyof SourceGrading]);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Graded = SourceGrading & { recordedAt: string };

const GRADING_PROPS = ['sourceEvaluation', 'intelligenceAssessment', 'handlingCode', 'handlingConditions', 'classification'];
/** Properties `prepare` sets on every entity, over any shaped property of the same name. */
const ENTITY_OWN = new Set(['id', 'type', 'label', 'searchText', 'sourceIds', ...GRADING_PROPS, 'recordedAt', 'updatedAt', 'synthetic']);
/** A link's fields that are not properties, and the properties `prepare` sets on every link. */
const LINK_OWN = new Set(['type', 'id', 'from', 'to', 'sourceIds', 'recordedAt', ...GRADING_PROPS, 'synthetic']);

/**
 * Checks and prepares a data set for writing: shapes entities, grades everything from its
 * sources, checks link types, roles and ends. Pure; throws LoadError naming the bad row.
 */
export function prepare(data: Dataset, o: Pick<LoadOptions, 'synthetic' | 'knownSources' | 'knownPhones'> = {}) {
  const grades = new Map<string, Graded>(o.knownSources ?? []);
  const sources: SourceWriteRow[] = [];
  const seenSources = new Set<string>();
  for (const s of data.sources) {
    const where = `source record ${s.id}`;
    if (seenSources.has(s.id)) throw new LoadError(`${where}: duplicate id`);
    seenSources.add(s.id);
    checkGrading(where, s);
    if (!DATETIME.test(s.recordedAt)) throw new LoadError(`${where}: recordedAt must be an ISO datetime with a zone`);
    grades.set(s.id, s);
    // The record's own properties, then file and line (null when not given) and synthetic.
    const row: Omit<WriteRow, 'id'> = { props: {}, dates: {}, datetimes: {} };
    for (const k in s) {
      if (k === 'id' || k === 'recordedAt' || k === 'synthetic') continue;
      putProp(where, row, k, k === 'file' || k === 'line' ? (s[k] ?? null) : s[k as keyof SourceRecordInput]);
    }
    if (!('file' in s)) row.props.file = null;
    if (!('line' in s)) row.props.line = null;
    row.props.synthetic = o.synthetic === true;
    sources.push({ id: s.id, recordedAt: s.recordedAt, props: row.props });
  }

  // Most rows cite one source: their grading is that source's (as bestGrading of one gives), made
  // once per source rather than once per row.
  const single = new Map<string, { grading: SourceGrading; first: string; last: string }>();
  const provenance = (where: string, sourceIds: string[]) => {
    if (sourceIds.length === 0) throw new LoadError(`${where}: needs at least one source id`);
    if (sourceIds.length === 1) {
      const sid = sourceIds[0]!;
      let p = single.get(sid);
      if (!p) {
        const g = grades.get(sid);
        if (!g) throw new LoadError(`${where}: unknown source record ${sid}`);
        p = { grading: bestGrading([g]), first: g.recordedAt, last: g.recordedAt };
        single.set(sid, p);
      }
      return p;
    }
    const graded: Graded[] = [];
    let first = '';
    let last = '';
    for (const sid of sourceIds) {
      const g = grades.get(sid);
      if (!g) throw new LoadError(`${where}: unknown source record ${sid}`);
      graded.push(g);
      if (first === '' || g.recordedAt < first) first = g.recordedAt;
      if (last === '' || g.recordedAt > last) last = g.recordedAt;
    }
    return { grading: bestGrading(graded), first, last };
  };

  const entityType = new Map<string, EntityType>();
  const entities = new Map<EntityType, WriteRow[]>();
  for (const e of data.entities) {
    const where = `${e.type} ${e.id}`;
    if (!(ENTITY_TYPES as readonly string[]).includes(e.type)) throw new LoadError(`${where}: unknown entity type`);
    if (!e.id.startsWith(`${ID_PREFIX[e.type]}-`)) throw new LoadError(`${where}: id must start with ${ID_PREFIX[e.type]}-`);
    if (entityType.has(e.id)) throw new LoadError(`${where}: duplicate id`);
    entityType.set(e.id, e.type);
    let shaped;
    try {
      shaped = shapeEntity(e.type, e.props, o);
    } catch (err) {
      if (err instanceof ShapeError) throw new LoadError(`${where}: ${err.message}`);
      throw err;
    }
    const p = provenance(where, e.sourceIds);
    // The shaped properties, then what every entity has (which wins over a shaped property of
    // the same name), put straight into the row.
    const row: WriteRow = { id: e.id, props: {}, dates: {}, datetimes: {} };
    const shapedProps = shaped.props;
    for (const k in shapedProps) if (!ENTITY_OWN.has(k)) putProp(where, row, k, shapedProps[k]);
    row.props.id = e.id;
    row.props.type = e.type;
    row.props.label = shaped.label;
    row.props.searchText = shaped.searchText;
    row.props.sourceIds = e.sourceIds;
    putGrading(where, row, p.grading);
    putProp(where, row, 'recordedAt', e.recordedAt ?? p.first);
    putProp(where, row, 'updatedAt', e.updatedAt ?? p.last);
    row.props.synthetic = o.synthetic === true;
    let list = entities.get(e.type);
    if (!list) entities.set(e.type, (list = []));
    list.push(row);
  }

  const links = new Map<LinkType, LinkWriteRow[]>();
  const linkIds = new Set<string>();
  for (const l of data.links) {
    const where = `${l.type} ${l.id}`;
    if (!(LINK_TYPE_NAMES as string[]).includes(l.type)) throw new LoadError(`${where}: unknown link type`);
    const spec = LINK_TYPES[l.type] as { from: readonly EntityType[]; to: readonly EntityType[]; roles?: readonly string[] };
    if (linkIds.has(`${l.type}/${l.id}`)) throw new LoadError(`${where}: duplicate id`);
    linkIds.add(`${l.type}/${l.id}`);
    if (l.role !== undefined && !spec.roles?.includes(l.role)) throw new LoadError(`${where}: role ${l.role} is not one of ${(spec.roles ?? []).join(', ') || '(none)'}`);
    const foreign = foreignLinkProperty(l.type, l);
    if (foreign) throw new LoadError(`${where}: ${foreign.property} belongs to ${foreign.carriedBy.join(', ')} links only`);
    const fromType = entityType.get(l.from);
    const toType = entityType.get(l.to);
    // Ends loaded earlier are checked by the statement itself (it matches only allowed types).
    if (fromType && !spec.from.includes(fromType)) throw new LoadError(`${where}: cannot start at ${fromType} ${l.from}`);
    if (toType && !spec.to.includes(toType)) throw new LoadError(`${where}: cannot end at ${toType} ${l.to}`);
    const p = provenance(where, l.sourceIds);
    // The link's own properties, then its provenance and synthetic (which win over its own).
    const row: LinkWriteRow = { id: l.id, from: l.from, to: l.to, props: {}, dates: {}, datetimes: {} };
    for (const k in l) if (!LINK_OWN.has(k)) putProp(where, row, k, l[k as keyof LinkInput]);
    putProp(where, row, 'recordedAt', l.recordedAt ?? p.first);
    row.props.sourceIds = l.sourceIds;
    putGrading(where, row, p.grading);
    row.props.synthetic = o.synthetic === true;
    let list = links.get(l.type);
    if (!list) links.set(l.type, (list = []));
    list.push(row);
  }
  return { sources, entities, links };
}

type Work =
  | { kind: 'sources'; rows: SourceWriteRow[] }
  | { kind: 'entities'; type: EntityType; rows: WriteRow[] }
  | { kind: 'links'; type: LinkType; rows: LinkWriteRow[] };

/**
 * Loads a data set: source records, then entities by type, then links by type. Rows go in
 * chunks of at most `batchSize`, and consecutive small chunks share a transaction up to that
 * many rows, so a small data set commits a handful of times rather than once per type.
 * A transaction whose links have a missing end is rolled back and reported.
 */
export async function loadDataset(gateway: Gateway, data: Dataset, o: LoadOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const batchSize = o.batchSize ?? 1000;
  const prepared = prepare(data, o);
  const result: LoadResult = { sources: 0, entities: {}, links: {}, ms: 0 };

  const work: Work[] = [
    ...chunks(prepared.sources, batchSize).map((rows): Work => ({ kind: 'sources', rows })),
    ...ENTITY_TYPES.flatMap((type) => chunks(prepared.entities.get(type) ?? [], batchSize).map((rows): Work => ({ kind: 'entities', type, rows }))),
    ...LINK_TYPE_NAMES.flatMap((type) => chunks(prepared.links.get(type) ?? [], batchSize).map((rows): Work => ({ kind: 'links', type, rows }))),
  ];
  const totals = {
    sources: prepared.sources.length,
    entities: [...prepared.entities.values()].reduce((n, l) => n + l.length, 0),
    links: [...prepared.links.values()].reduce((n, l) => n + l.length, 0),
  };
  const done = { sources: 0, entities: 0, links: 0 };

  const transactions: Work[][] = [];
  let current: Work[] = [];
  let rowsInCurrent = 0;
  for (const w of work) {
    if (current.length > 0 && rowsInCurrent + w.rows.length > batchSize) {
      transactions.push(current);
      current = [];
      rowsInCurrent = 0;
    }
    current.push(w);
    rowsInCurrent += w.rows.length;
  }
  if (current.length > 0) transactions.push(current);

  for (const batch of transactions) {
    const written = await gateway.writeTx(async (tx) => {
      const out: { w: Work; n: number }[] = [];
      for (const w of batch) {
        if (w.kind === 'sources') out.push({ w, n: await writeSources(tx, w.rows) });
        else if (w.kind === 'entities') out.push({ w, n: await writeEntities(tx, w.type, w.rows) });
        else {
          const ids = await writeLinks(tx, w.type, w.rows);
          if (ids.length !== w.rows.length) {
            const ok = new Set(ids);
            const missing = w.rows.filter((r) => !ok.has(r.id)).slice(0, 5);
            throw new LoadError(
              `${w.rows.length - ids.length} ${w.type} link(s) cannot be written because an end is missing or of the wrong type, e.g. ` +
                missing.map((r) => `${r.id} (${r.from} -> ${r.to})`).join(', '),
            );
          }
          out.push({ w, n: ids.length });
        }
      }
      return out;
    });
    for (const { w, n } of written) {
      if (w.kind === 'sources') result.sources += n;
      else if (w.kind === 'entities') result.entities[w.type] = (result.entities[w.type] ?? 0) + n;
      else result.links[w.type] = (result.links[w.type] ?? 0) + n;
      done[w.kind] += n;
      o.onProgress?.({ phase: w.kind, done: done[w.kind], total: totals[w.kind] });
    }
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
