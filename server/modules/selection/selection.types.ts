/**
 * A resolved selection: the entities and links an export or a briefing snapshot shows, with
 * everything they need (properties, roles, grading, provenance, positions, colours), read
 * through the caller's scoped gateway and with potential victims masked unless unmasked.
 */
import type { EntityType } from '../../model/model.ts';
import type { Gateway } from '../../db/gateway.ts';
import type { Principal } from '../../graphql/context.ts';
import type { AuditLog } from '../audit/index.ts';
import type { GraphEdgeOut } from '../entity/index.ts';

/** What to select: entities and their neighbourhood, or a saved chart (by name or id). */
export type SelectionInput = { ids: string[]; hops: number } | { chart: string };

/** Who is asking. A GraphQL `Context` is one; the CLI builds its own (see `cliCaller`). */
export interface SelectionCaller {
  /** The gateway seen through the caller's scope (`ctx.gateway`, or `db.gateway.forScope(...)`). */
  readonly gateway: Gateway;
  readonly principal: Principal;
  readonly audit?: AuditLog | undefined;
  readonly purpose?: string;
  readonly requestId?: string;
}

export interface SelectionOptions {
  /** Unmask potential victims, with this reason: admins and analysts with need-to-know only. */
  unmaskReason?: string | null;
  /** The most entities to select (default and maximum 5000). */
  limit?: number;
}

/** UK 3x5x2 grading of an entity, link or source record. */
export interface SelectionGrading {
  /** 1 reliable, 2 untested, 3 not reliable. */
  sourceEvaluation: 1 | 2 | 3;
  intelligenceAssessment: 'A' | 'B' | 'C' | 'D' | 'E';
  handlingCode: 'P' | 'C';
  handlingConditions: string | null;
  classification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  /** e.g. `1-B-P`. */
  code: string;
  /** Source 3, or assessment D or E. */
  low: boolean;
}

export type PropertyValue = string | number | boolean | string[] | null;

export interface SelectedEntity {
  id: string;
  type: EntityType;
  /** `Person`, `Premises`, ... (the Neo4j label). */
  typeName: string;
  /** What the chart shows; for a masked potential victim, the pseudonym ("Protected person 3F9A2C", db/scope.ts). */
  label: string;
  /** A second line (a premises' kind and town, ...); null for masked people. */
  subtitle: string | null;
  /** The entity's own properties (docs/model.md); for a masked person only what masking keeps. */
  properties: Record<string, PropertyValue>;
  potentialVictim: boolean;
  suspect: boolean;
  safeguarded: boolean;
  /** True when this is a potential victim shown under a pseudonym. */
  masked: boolean;
  grading: SelectionGrading;
  sourceIds: string[];
  recordedAt: string | null;
  updatedAt: string | null;
  /** Position on the chart (saved chart), or from a force-directed layout (ids selection). */
  position: { x: number; y: number };
  /** The workspace's colour for the entity's type (#rrggbb). */
  colour: string;
}

/** A link: the graph module's edge (type, ends, role, dates, weight, call counts, sources) and more. */
export interface SelectedLink extends Omit<GraphEdgeOut, 'grading' | 'retired'> {
  /** How it reads between its ends: "works at". */
  verb: string;
  /** Whether direction matters to the reader. */
  directed: boolean;
  grading: SelectionGrading;
  colour: string;
  /**
   * The properties only links of its type carry, as the registry declares them (an installation's
   * declared link properties; a call link's total duration), by name, sorted. A call link's count,
   * first and last call are fields of their own, not repeated here.
   */
  properties: Record<string, PropertyValue>;
}

export interface SelectedSource {
  id: string;
  /** The source system, e.g. INTEL. */
  source: string;
  recordKey: string;
  file: string | null;
  line: number | null;
  recordedAt: string | null;
  importedAt: string | null;
  grading: SelectionGrading;
  /** The record's summary; null where withheld because it concerns a masked person. */
  summary: string | null;
  withheld: boolean;
}

export interface Selection {
  /** One line saying what was selected, e.g. `person-1, person-2 and their neighbourhood (1 hop)`. */
  description: string;
  kind: 'ids' | 'chart';
  ids: string[] | null;
  hops: number | null;
  chart: { id: string; name: string; updatedAt: string; layout: string | null } | null;
  entities: SelectedEntity[];
  links: SelectedLink[];
  /** The source records cited by the entities and links, best graded first. */
  sources: SelectedSource[];
  truncated: boolean;
  truncation: string | null;
  masking: {
    /** True unless the caller unmasked with a reason. */
    masked: boolean;
    /** How many potential victims are shown under pseudonyms. */
    maskedCount: number;
    unmaskReason: string | null;
  };
  /** Whose view: the caller's role, and whether it sees everything (false for partners). */
  view: { role: string; actor: string; shareAll: boolean };
  positions: 'chart' | 'layout';
  generatedAt: string;
}
