/**
 * Accumulates the demo's source records, entities and links. Entities get stable sequential ids
 * (`person-000001`) in generation order; source records and links get the ids the importer
 * derives for them (from the source and record key; from the link's type, ends, role and start),
 * so that the demo loaded in bulk and the demo imported from its source files
 * (seed/demo/sources/) are the same graph.
 */
import { ID_PREFIX, type EntityType, type LinkType } from '../../server/model/model.ts';
import type { Dataset, EntityInput, LinkInput, SourceRecordInput } from '../../server/modules/load/load.service.ts';
import { linkId, sourceRecordId } from '../../server/modules/import/rows.ts';
import type { Random } from '../../server/kernel/random.ts';
import { gradingAt, SOURCE_SYSTEMS, type SourceCode } from './sources.ts';

const pad = (n: number) => String(n).padStart(6, '0');

export type LinkExtra = Omit<LinkInput, 'type' | 'id' | 'from' | 'to' | 'sourceIds'>;

export class Builder {
  readonly sources: SourceRecordInput[] = [];
  readonly entities = new Map<string, EntityInput>();
  readonly links: LinkInput[] = [];
  private readonly seq = new Map<string, number>();

  constructor(private readonly rng: Random) {}

  private next(prefix: string): number {
    const n = (this.seq.get(prefix) ?? 0) + 1;
    this.seq.set(prefix, n);
    return n;
  }

  /** A row of a source system, recorded at `at` (a date or an ISO datetime). */
  record(code: SourceCode, at: string, summary: string): string {
    const sys = SOURCE_SYSTEMS[code];
    const grading = gradingAt(sys, this.rng.next());
    const n = this.next(`src-${code}`);
    const recordKey = `${code}-2025-${pad(n)}`;
    const id = sourceRecordId(code, recordKey);
    const recordedAt = at.length === 10 ? `${at}T${String(this.rng.int(8, 18)).padStart(2, '0')}:${String(this.rng.int(0, 59)).padStart(2, '0')}:00Z` : at;
    this.sources.push({ id, source: code, recordKey, file: sys.file, line: n + (sys.header ? 1 : 0), recordedAt, summary, ...grading });
    return id;
  }

  entity(type: EntityType, props: Record<string, unknown>, source: string | string[]): string {
    const id = `${ID_PREFIX[type]}-${pad(this.next(ID_PREFIX[type]))}`;
    this.entities.set(id, { type, id, props, sourceIds: [...new Set(Array.isArray(source) ? source : [source])] });
    return id;
  }

  /** Records that an entity was also seen in a source record. */
  cite(id: string, source: string): void {
    const e = this.get(id);
    if (!e.sourceIds.includes(source)) e.sourceIds.push(source);
  }

  get(id: string): EntityInput {
    const e = this.entities.get(id);
    if (!e) throw new Error(`no demo entity ${id}`);
    return e;
  }

  link(type: LinkType, from: string, to: string, source: string | string[], extra: LinkExtra = {}): string {
    const clean = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as LinkExtra;
    const id = linkId(type, from, to, clean.role ?? '', clean.validFrom ?? '');
    this.links.push({ type, id, from, to, sourceIds: [...new Set(Array.isArray(source) ? source : [source])], ...clean });
    return id;
  }

  dataset(): Dataset {
    return { sources: this.sources, entities: [...this.entities.values()], links: this.links };
  }
}
