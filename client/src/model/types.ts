/** The client's view of the GraphQL graph contract (server/modules/graph/graph.graphql). */

// One list of entity types for server and client: the model module is plain TypeScript.
import { ENTITY_TYPES, type EntityType } from '../../../server/model/model.ts';

export { ENTITY_TYPES, type EntityType };

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
  /** The paths found, node ids in order (paths and connectingNetwork only, when asked for). */
  paths?: { nodeIds: string[] }[];
}

export interface Position {
  x: number;
  y: number;
}
