/**
 * The importer behind GraphQL (the workspace's upload): the same mapping and importer as
 * `lantern import`, with the file's bytes sent as base64 and errors turned into GraphQL ones.
 */
import type { Gateway } from '../../db/gateway.ts';
import { badInput } from '../../errors.ts';
import { LoadError } from '../load/index.ts';
import { importFiles, ImportError, previewImport, type ImportReport } from './import.service.ts';
import { MappingError, parseMapping, type Mapping } from './mapping.ts';

export interface FileArgs {
  source: string;
  mapping: string;
  fileName: string;
  content: string;
}

// The HTTP body limit is 1 MB (server/http/app.ts); bigger files go through `lantern import`.
const MAX_BYTES = 1024 * 1024;

export function checked(a: FileArgs): { mapping: Mapping; bytes: Uint8Array } {
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(a.source)) throw badInput('source', 'source must be 1 to 40 letters, digits, dots, dashes or underscores');
  let mapping: Mapping;
  try {
    mapping = parseMapping(a.mapping, 'mapping');
  } catch (e) {
    if (e instanceof MappingError) throw badInput('mapping', e.message);
    throw e;
  }
  if (!/^[A-Za-z0-9+/=\s]*$/.test(a.content)) throw badInput('content', 'content must be the file in base64');
  const bytes = Buffer.from(a.content, 'base64');
  if (bytes.length > MAX_BYTES) throw badInput('content', 'files over 1 MB are imported with `lantern import`');
  return { mapping, bytes };
}

const text = (v: unknown) => (v === null || v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v));

export function preview(a: FileArgs & { rows?: number | null }) {
  const { mapping, bytes } = checked(a);
  const rows = a.rows ?? 20;
  if (!Number.isInteger(rows) || rows < 1 || rows > 200) throw badInput('rows', 'rows must be a whole number from 1 to 200');
  const p = previewImport({ source: a.source, mapping, file: { name: a.fileName, bytes }, rows });
  return {
    rows: p.rows,
    errors: p.errors,
    warnings: p.warnings,
    records: p.records.map((r) => ({
      line: r.line,
      recordKey: r.source.recordKey,
      summary: r.source.summary,
      entities: r.entities.map((e) => ({ type: e.type, id: e.id, properties: Object.entries(e.props).map(([name, value]) => ({ name, value: text(value) })) })),
      links: r.links.map((l) => ({ type: l.type, from: l.from, to: l.to, role: l.role ?? null })),
    })),
  };
}

/** An import's report as GraphQL's ImportResult (the first 1,000 bad rows). */
export function resultOf(r: ImportReport) {
  return {
    rows: r.rows,
    imported: r.imported,
    skipped: r.skipped,
    bad: r.bad,
    created: r.sourceRecords.created,
    changed: r.sourceRecords.changed,
    unchanged: r.sourceRecords.unchanged,
    entities: r.entities,
    links: r.links,
    valuesLeftOut: r.lost.valuesLeftOut,
    linksNotMade: r.lost.linksNotMade,
    errors: r.errors.slice(0, 1000),
    warnings: r.warnings.slice(0, 1000),
  };
}

export async function importOne(gateway: Gateway, a: FileArgs) {
  const { mapping, bytes } = checked(a);
  try {
    return resultOf(await importFiles(gateway, { source: a.source, mapping, files: [{ name: a.fileName, bytes }] }));
  } catch (e) {
    if (e instanceof ImportError || e instanceof LoadError) throw badInput('content', e.message);
    throw e;
  }
}
