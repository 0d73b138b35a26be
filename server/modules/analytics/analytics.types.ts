import type { EntityType } from '../../model/model.ts';

/** What the analytics read from the graph: entities and links with the facts they weigh. */
export interface ANode {
  id: string;
  type: EntityType;
  label: string;
  kind?: string | null;
  /** An advert's posting date: its links hold on that day. */
  postedOn?: string | null;
}

export interface ALink {
  id: string;
  type: string;
  source: string;
  target: string;
  role?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  /** Link weight where it has one: call count, number of sightings. */
  weight?: number | null;
  sourceEvaluation?: number | null;
  intelligenceAssessment?: string | null;
}

/** What the weighted metrics read of a link: its ends and its grading. */
export type WLink = Pick<ALink, 'source' | 'target' | 'sourceEvaluation' | 'intelligenceAssessment'>;
