/**
 * CSV: one zip holding `entities.csv` (one row per entity, a column per field and per property),
 * `links.csv` (one row per link, with both ends' labels, a column per field and per property its
 * type carries), `sources.csv` (the provenance records cited) and `columns.csv` (each property
 * column's type as the registry declares it, and its description). Cells are written by the
 * kernel's CSV writer (server/kernel/csv.ts: byte-order mark, RFC 4180 quoting, formulas
 * disarmed), as every Lantern CSV is.
 */
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { csvText } from '../../kernel/csv.ts';
import type { Selection } from '../selection/index.ts';
import { ENTITY_FIELDS, LINK_FIELDS, entityFields, entityPropertyColumns, linkFields, linkPropertyColumns, propertyText, provenanceLine } from './common.ts';

const table = (header: string[], rows: string[][]): string => csvText(stringify, header, rows);

export function toCsvFiles(s: Selection): Record<string, string> {
  const props = entityPropertyColumns(s.entities).map((c) => c.name);
  const linkColumns = linkPropertyColumns(s.links);
  const linkProps = linkColumns.map((c) => c.name);
  const labelOf = new Map(s.entities.map((e) => [e.id, e.label]));
  const entities = table(
    [...ENTITY_FIELDS, 'x', 'y', ...props],
    s.entities.map((e) => [...Object.values(entityFields(e)), String(e.position.x), String(e.position.y), ...props.map((p) => (e.properties[p] === undefined ? '' : propertyText(e.properties[p]!)))]),
  );
  const links = table(
    [...LINK_FIELDS.slice(0, 3), 'source', 'source_label', 'target', 'target_label', ...LINK_FIELDS.slice(3), ...linkProps],
    s.links.map((l) => {
      const f = Object.values(linkFields(l));
      const own = linkProps.map((p) => (l.properties[p] === undefined ? '' : propertyText(l.properties[p]!)));
      return [...f.slice(0, 3), l.source, labelOf.get(l.source) ?? '', l.target, labelOf.get(l.target) ?? '', ...f.slice(3), ...own];
    }),
  );
  const columns = table(
    ['file', 'column', 'type', 'description'],
    [
      ...entityPropertyColumns(s.entities).map((c) => ['entities.csv', c.name, c.type, c.description]),
      ...linkColumns.map((c) => ['links.csv', c.name, c.type, c.description]),
    ],
  );
  const sources = table(
    ['id', 'source', 'record_key', 'file', 'line', 'recorded_at', 'imported_at', 'grade', 'source_evaluation', 'intelligence_assessment', 'handling_code', 'handling_conditions', 'classification', 'summary', 'summary_withheld'],
    s.sources.map((r) => [
      r.id, r.source, r.recordKey, r.file ?? '', r.line === null ? '' : String(r.line), r.recordedAt ?? '', r.importedAt ?? '', r.grading.code,
      String(r.grading.sourceEvaluation), r.grading.intelligenceAssessment, r.grading.handlingCode, r.grading.handlingConditions ?? '', r.grading.classification,
      r.summary ?? '', String(r.withheld),
    ]),
  );
  return { 'entities.csv': entities, 'links.csv': links, 'sources.csv': sources, 'columns.csv': columns, 'README.txt': `${provenanceLine(s)}\r\n` };
}

/** The CSV files in one zip, stamped with the export's time. */
export function toCsvZip(s: Selection): Uint8Array {
  const mtime = new Date(s.generatedAt);
  return zipSync(Object.fromEntries(Object.entries(toCsvFiles(s)).map(([name, text]) => [name, [strToU8(text), { mtime }]])), { level: 6 });
}
