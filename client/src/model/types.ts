/** The client's view of the GraphQL graph contract (server/modules/graph/graph.graphql). */

export const ENTITY_TYPES = [
  'PERSON',
  'PREMISES',
  'PHONE',
  'EMAIL',
  'VEHICLE',
  'BANK_ACCOUNT',
  'ORGANISATION',
  'ADVERT',
  'OFFENCE',
  'OPERATION',
  'VISIT',
  'REFERRAL',
  'RISK_FACTOR',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export type SourceEvaluation = 'RELIABLE' | 'UNTESTED' | 'NOT_RELIABLE';
export type Assessment = 'A' | 'B' | 'C' | 'D' | 'E';

export interface Grading {
  code: string;
  low: boolean;
  sourceEvaluation: SourceEvaluation;
  intelligenceAssessment: Assessment;
  handlingCode?: 'P' | 'C';
  handlingConditions?: string | null;
  classification?: string;
}

export interface GraphNode {
  id: string;
  type: EntityType;
  label: string;
  subtitle?: string | null;
  degree: number;
  supernode: boolean;
  potentialVictim: boolean;
  suspect: boolean;
  safeguarded: boolean;
  riskScore?: number | null;
  kind?: string | null;
  grading: Grading;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  role?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  recordedAt?: string | null;
  weight?: number | null;
  grading: Grading;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  truncation?: string | null;
}

export interface Position {
  x: number;
  y: number;
}
