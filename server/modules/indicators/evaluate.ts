/**
 * The indicator library's logic (pure): each rule, by id, over an in-memory graph of the entities
 * and links that indicators look at. Every hit carries its evidence: the entities and links that
 * make it fire, with their grading, sources and dates.
 */
import type { Library } from './library.ts';

export interface INode {
  id: string;
  type: string;
  label: string;
  kind?: string | null;
  category?: string | null;
  status?: string | null;
  postedOn?: string | null;
  obscuredNumber?: boolean | null;
  potentialVictim?: boolean | null;
  suspect?: boolean | null;
  recordedAt?: string | null;
}

export interface ILink {
  id: string;
  type: string;
  source: string;
  target: string;
  role?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  recordedAt?: string | null;
  weight?: number | null;
  sourceEvaluation?: number | null;
  intelligenceAssessment?: string | null;
  handlingCode?: string | null;
  handlingConditions?: string | null;
  classification?: string | null;
  sourceIds?: string[] | null;
}

export interface HitEvidence {
  summary: string;
  entityIds: string[];
  linkIds: string[];
  /** The weakest link's stored grading. */
  grading: Pick<ILink, 'sourceEvaluation' | 'intelligenceAssessment' | 'handlingCode' | 'handlingConditions' | 'classification'>;
  sourceIds: string[];
  from: string | null;
  to: string | null;
  strength: number;
}

export interface Hit {
  indicatorId: string;
  indicatorVersion: number;
  title: string;
  entityId: string;
  entityType: string;
  label: string;
  score: number;
  summary: string;
  evidence: HitEvidence[];
  entityIds: string[];
  linkIds: string[];
}

export function evaluate(_lib: Library, _nodes: readonly INode[], _links: readonly ILink[], _targets: readonly string[] | null, _asOf: string): Hit[] {
  return [];
}
