/**
 * Accumulates the demo's source records, entities and links, handing out stable sequential ids
 * (`person-000001`, `link-works_at-000001`, `src-intel-000001`) in generation order.
 */
import { ID_PREFIX, type EntityType, type LinkType } from '../../server/model/model.ts';
import type { Dataset, EntityInput, LinkInput, SourceRecordInput } from '../../server/modules/load/load.service.ts';
import type { Random } from './random.ts';
import { SOURCE_SYSTEMS, type SourceCode } from './sources.ts';

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
    const total = sys.gradings.reduce((s, g) => s + g.weight, 0);
    let r = this.rng.next() * total;
    let grading = sys.gradings[0]!.grading;
    for (const g of sys.gradings) {
      r -= g.weight;
      if (r < 0) {
        grading = g.grading;
        break;
      }
    }
    const n = this.next(`src-${code}`);
    const id = `src-${code.toLowerCase()}-${pad(n)}`;
    const recordedAt = at.length === 10 ? `${at}T${String(this.rng.int(8, 18)).padStart(2, '0')}:${String(this.rng.int(0, 59)).padStart(2, '0')}:00Z` : at;
    this.sources.push({ id, source: code, recordKey: `${code}-2025-${pad(n)}`, file: sys.file, line: n + 1, recordedAt, summary, ...grading });
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
    const id = `link-${type.toLowerCase()}-${pad(this.next(`link-${type}`))}`;
    const clean = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as LinkExtra;
    this.links.push({ type, id, from, to, sourceIds: [...new Set(Array.isArray(source) ? source : [source])], ...clean });
    return id;
  }

  dataset(): Dataset {
    return { sources: this.sources, entities: [...this.entities.values()], links: this.links };
  }
}
