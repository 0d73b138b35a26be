/**
 * Integration-test fixtures (factories with overrides): entities shaped the way every writer
 * stores them (shapeEntity), links with dates and grades, all ids carrying the suite's tag so
 * that suites never share data. Written and removed through the test statements in cypher/testing/.
 */
import type { Gateway } from '../db/gateway.ts';
import { ID_PREFIX, LABEL, LINK_TYPES, type EntityType, type LinkType } from '../model/model.ts';
import { shapeEntity, type Props } from '../model/shape.ts';
import { runOffline } from './statements.ts';

export interface Grade {
  sourceEvaluation?: 1 | 2 | 3;
  intelligenceAssessment?: 'A' | 'B' | 'C' | 'D' | 'E';
  handlingCode?: 'P' | 'C';
  handlingConditions?: string;
  classification?: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
}

export interface FixtureLink {
  type: LinkType;
  from: string;
  to: string;
  role?: string;
  validFrom?: string;
  validTo?: string;
  recordedAt?: string;
  grade?: Grade;
  props?: Props;
}

const DEFAULT_GRADE = { sourceEvaluation: 1, intelligenceAssessment: 'B', handlingCode: 'P', classification: 'OFFICIAL' } as const;

export class Fixture {
  readonly entities: Record<string, unknown>[] = [];
  readonly links: Record<string, unknown>[] = [];
  private n = 0;

  /** `tag` makes every id unique to one suite, e.g. `nbh` gives person-nbh-1. */
  constructor(readonly tag: string) {}

  get sourceId(): string {
    return `src-${this.tag}-1`;
  }

  entity(type: EntityType, props: Props, o: { recordedAt?: string; grade?: Grade; key?: string } = {}): string {
    this.n += 1;
    const id = `${ID_PREFIX[type]}-${this.tag}-${o.key ?? this.n}`;
    const shaped = shapeEntity(type, props);
    this.entities.push({
      id,
      type,
      label: LABEL[type],
      display: shaped.label,
      searchText: shaped.searchText,
      props: shaped.props,
      grading: { ...DEFAULT_GRADE, ...o.grade },
      recordedAt: o.recordedAt ?? '2024-01-01T00:00:00Z',
      sourceIds: [this.sourceId],
    });
    return id;
  }

  link(l: FixtureLink): string {
    if (!(l.type in LINK_TYPES)) throw new Error(`Unknown link type ${l.type}`);
    this.n += 1;
    const id = `link-${l.type.toLowerCase()}-${this.tag}-${this.n}`;
    this.links.push({
      id,
      type: l.type,
      from: l.from,
      to: l.to,
      props: { ...l.props, ...(l.role ? { role: l.role } : {}) },
      grading: { ...DEFAULT_GRADE, ...l.grade },
      recordedAt: l.recordedAt ?? '2024-01-01T00:00:00Z',
      validFrom: l.validFrom ?? null,
      validTo: l.validTo ?? null,
      sourceIds: [this.sourceId],
    });
    return id;
  }

  async write(gw: Gateway): Promise<void> {
    await runOffline(gw, 'testing/source-records', {
      records: [{ id: this.sourceId, source: `test-${this.tag}`, recordKey: '1', recordedAt: '2024-01-01T00:00:00Z', summary: 'test fixture', ...DEFAULT_GRADE }],
    });
    await runOffline(gw, 'testing/write-fixture', { entities: this.entities, links: this.links });
  }

  async remove(gw: Gateway, extraIds: string[] = []): Promise<void> {
    await runOffline(gw, 'testing/remove-fixture', { ids: [...this.entities.map((e) => String(e.id)), ...extraIds], prefix: `src-${this.tag}-`, source: `test-${this.tag}` });
  }
}
