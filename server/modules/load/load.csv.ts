/**
 * Writes prepared rows (the output of `prepare` in load.service.ts, the same rows the online
 * loader sends) as CSV files for `neo4j-admin database import full`, the bulk path for a fresh
 * store (docs/decisions/0006-bulk-load.md). One file per label or relationship type, written as
 * chunks pass, so memory holds one chunk whatever the size; headers are written at the end into
 * files of their own, because the columns of a group are known only once all its rows are seen
 * (a data row that stops before the last columns leaves them unset).
 *
 * The stored graph is the online loader's: nodes `:Entity:<Label>` and `:SourceRecord` with the
 * same properties and Cypher types (strings, booleans, floats for JavaScript numbers, integers for
 * neo4j-driver Integers, lists of strings, dates, datetimes with their offset), null properties
 * left unset, links of the same types with the same properties.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ID_PREFIX, LABEL, LINK_TYPES, type EntityType, type LinkType } from '../../model/model.ts';
import type { prepare } from './load.service.ts';
import { LoadError } from './load.service.ts';

type Prepared = ReturnType<typeof prepare>;

/** Cypher types a column can hold, as the importer's header names them. */
type Kind = 'string' | 'boolean' | 'double' | 'long' | 'date' | 'datetime' | 'string[]' | 'double[]';

/** Between the elements of a list in one field: a control character no generated text holds. */
export const ARRAY_DELIMITER = '\u001f';
const ARRAY_DELIMITER_ARG = 'U+001F';

interface Column {
  name: string;
  kind: Kind;
}

/** One label's or relationship type's file: its columns as found so far, and buffered rows. */
class Group {
  readonly columns: Column[] = [];
  private readonly index = new Map<string, number>();
  /** Rows are encoded into this buffer as they come (no joined string per flush). */
  private readonly buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private pos = 0;
  /** One row's fields by column, reused from row to row. */
  private readonly fields: string[] = [];
  private readonly fd: number;
  rows = 0;

  constructor(
    readonly file: string,
    readonly fixed: Column[],
  ) {
    this.fd = fs.openSync(file, 'w');
  }

  column(name: string, kind: Kind, where: Where): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.columns.length;
      this.columns.push({ name, kind });
      this.index.set(name, i);
      this.fields.push('');
    } else if (this.columns[i]!.kind !== kind) {
      // Whole numbers travel as Cypher integers and others as floats (as neo4j-driver sends them);
      // a column that holds both is stored as floats: its header is written last, so the rows
      // written so far are read as floats too.
      const was = this.columns[i]!.kind;
      if ((was === 'long' && kind === 'double') || (was === 'double' && kind === 'long')) {
        this.columns[i]!.kind = 'double';
        return i;
      }
      throw new LoadError(`${whereText(where)}: ${name} is ${kind} here but ${this.columns[i]!.kind} in earlier rows; the bulk import needs one type per property`);
    }
    return i;
  }

  /** One row: `fixed` is its leading fields (ids), already encoded and joined. */
  add(fixed: string, values: Record<string, unknown>, dates: Record<string, string> | undefined, datetimes: Record<string, string> | undefined, where: Where, skip?: string): void {
    const fields = this.fields;
    let last = -1;
    for (const k in values) {
      const v = values[k];
      if (v === null || v === undefined || k === skip) continue;
      const text = encode(v, where, k);
      const i = this.column(k, encoded, where);
      fields[i] = text;
      if (i > last) last = i;
    }
    // Dates 'YYYY-MM-DD' and ISO datetimes with a zone, checked by prepare.
    for (const k in dates) {
      const i = this.column(k, 'date', where);
      fields[i] = dates[k]!;
      if (i > last) last = i;
    }
    for (const k in datetimes) {
      const i = this.column(k, 'datetime', where);
      fields[i] = datetimes[k]!;
      if (i > last) last = i;
    }
    let line = fixed;
    for (let i = 0; i <= last; i++) {
      line += `,${fields[i]}`;
      fields[i] = '';
    }
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.pos + line.length * 3 + 1 > this.buf.length) {
      this.flush();
      if (line.length * 3 + 1 > this.buf.length) {
        fs.writeSync(this.fd, `${line}\n`);
        this.rows += 1;
        return;
      }
    }
    this.pos += this.buf.write(line, this.pos);
    this.buf[this.pos++] = 10;
    this.rows += 1;
  }

  flush(): void {
    let at = 0;
    while (at < this.pos) at += fs.writeSync(this.fd, this.buf, at, this.pos - at);
    this.pos = 0;
  }

  close(): string {
    this.flush();
    fs.closeSync(this.fd);
    const header = this.file.replace(/\.csv$/, '.header.csv');
    const names = [...this.fixed, ...this.columns].map((c) => (c.name.startsWith(':') ? c.name : c.kind ? `${c.name}:${c.kind}` : c.name));
    fs.writeFileSync(header, `${names.join(',')}\n`);
    return header;
  }
}

const BUFFER_BYTES = 1 << 20;

/** The row a field belongs to, for messages: what it is and its id (text built only on error). */
type Where = readonly [what: string, id: string];
const whereText = (w: Where) => `${w[0]} ${w[1]}`;

const SPECIAL = /["\n\r]/;
const quote = (s: string, where: Where, key = ''): string => {
  if (!SPECIAL.test(s)) return `"${s}"`;
  if (s.includes('\n') || s.includes('\r')) throw new LoadError(`${whereText(where)}: ${key} holds a line break, which the bulk import does not take; load it online`);
  return `"${s.replaceAll('"', '""')}"`;
};

/** A field, for messages (a function of its own: a closure made per field costs a field's time). */
const where = (row: Where, key: string) => `${whereText(row)}: ${key}`;

/** The kind of the value `encode` last encoded (saves a pair per field). */
let encoded: Kind = 'string';

function encode(v: unknown, row: Where, key: string): string {
  if (typeof v === 'string') {
    encoded = 'string';
    return quote(v, row, key);
  }
  if (typeof v === 'boolean') {
    encoded = 'boolean';
    return v ? 'true' : 'false';
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new LoadError(`${where(row, key)}: ${v} is not a finite number`);
    encoded = Number.isSafeInteger(v) ? 'long' : 'double';
    return String(v);
  }
  if (neo4j.isInt(v)) {
    encoded = 'long';
    return v.toString();
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) {
      for (const x of v) if (x.includes(ARRAY_DELIMITER)) throw new LoadError(`${where(row, key)}: holds the list delimiter U+001F`);
      encoded = 'string[]';
      return quote(v.join(ARRAY_DELIMITER), row);
    }
    if (v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      encoded = 'double[]';
      return v.join(ARRAY_DELIMITER);
    }
    throw new LoadError(`${where(row, key)}: a list must hold only strings or only numbers for the bulk import`);
  }
  throw new LoadError(`${where(row, key)}: ${typeof v} values cannot be bulk imported`);
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/** Which entity type an id of an earlier chunk is, from its prefix (ids are `<prefix>-...`). */
const TYPE_BY_PREFIX = new Map(Object.entries(ID_PREFIX).map(([t, p]) => [p, t as EntityType]));
const typeOfId = (id: string): EntityType | undefined => TYPE_BY_PREFIX.get(id.slice(0, id.indexOf('-')));

export interface CsvGroups {
  /** `--nodes=` and `--relationships=` arguments for neo4j-admin, headers first. */
  args: string[];
  sources: number;
  entities: number;
  links: number;
}

/**
 * Collects prepared chunks into CSV files under `dir`, their names prefixed with `part` (several
 * writers may share a directory). `importedAt` is what the online loader sets with datetime()
 * when it first writes a source record.
 */
export class CsvWriter {
  private readonly groups = new Map<string, Group>();
  private readonly importedAt: string;

  constructor(
    private readonly dir: string,
    private readonly part: string,
    importedAt: Date,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.importedAt = importedAt.toISOString();
  }

  private group(key: string, fixed: Column[]): Group {
    let g = this.groups.get(key);
    if (!g) {
      g = new Group(path.join(this.dir, `${this.part}-${slug(key)}.csv`), fixed);
      this.groups.set(key, g);
    }
    return g;
  }

  add(p: Prepared): void {
    const sources = this.group('node:SourceRecord', [{ name: 'id:ID', kind: '' as Kind }]);
    const datetimes = { recordedAt: '', importedAt: this.importedAt };
    for (const s of p.sources) {
      const where: Where = ['source record', s.id];
      datetimes.recordedAt = s.recordedAt;
      sources.add(quote(s.id, where), s.props, undefined, datetimes, where);
    }
    for (const [type, rows] of p.entities) {
      const g = this.group(`node:Entity:${LABEL[type]}`, [{ name: 'id:ID', kind: '' as Kind }]);
      for (const r of rows) {
        const where: Where = [type, r.id];
        g.add(quote(r.id, where), r.props, r.dates, r.datetimes, where, 'id');
      }
    }
    for (const [type, rows] of p.links) {
      const spec = LINK_TYPES[type];
      const g = this.group(`rel:${type}`, [
        { name: ':START_ID', kind: '' as Kind },
        { name: ':END_ID', kind: '' as Kind },
        { name: 'id', kind: 'string' },
      ]);
      for (const r of rows) {
        const where: Where = [type, r.id];
        // Ends in this chunk were checked by prepare; ends in earlier chunks by their id's prefix
        // (the importer itself refuses an end that does not exist).
        const from = typeOfId(r.from);
        const to = typeOfId(r.to);
        if (!from || !(spec.from as readonly string[]).includes(from)) throw new LoadError(`${whereText(where)}: cannot start at ${r.from}`);
        if (!to || !(spec.to as readonly string[]).includes(to)) throw new LoadError(`${whereText(where)}: cannot end at ${r.to}`);
        g.add(`${quote(r.from, where)},${quote(r.to, where)},${quote(r.id, where)}`, r.props, r.dates, r.datetimes, where);
      }
    }
  }

  /** Closes the files and writes their headers; returns the importer's arguments. */
  close(): CsvGroups {
    const out: CsvGroups = { args: [], sources: 0, entities: 0, links: 0 };
    for (const [key, g] of this.groups) {
      const header = g.close();
      const [what, ...rest] = key.split(':');
      if (what === 'node') {
        out.args.push(`--nodes=${rest.join(':')}=${header},${g.file}`);
        if (rest[0] === 'SourceRecord') out.sources += g.rows;
        else out.entities += g.rows;
      } else {
        out.args.push(`--relationships=${rest[0] as LinkType}=${header},${g.file}`);
        out.links += g.rows;
      }
    }
    return out;
  }
}

/** The importer's options for these files. */
export const IMPORT_OPTIONS = [`--array-delimiter=${ARRAY_DELIMITER_ARG}`, '--bad-tolerance=0', '--multiline-fields=false', '--id-type=string'];
