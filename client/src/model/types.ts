/** The client's view of the GraphQL graph contract (server/modules/graph/graph.graphql), typed from the workspace's documents. */

// One list of entity types for server and client: the model module is plain TypeScript.
import { ENTITY_TYPES, type EntityType } from '../../../server/model/model.ts';

export { ENTITY_TYPES, type EntityType };
import type { EdgeFieldsFragment, GradingFieldsFragment, GraphFieldsFragment, NodeFieldsFragment } from '../../../server/kernel/__generated__/graphql.ts';

export type { SourceEvaluation, IntelligenceAssessment as Assessment } from '../../../server/kernel/__generated__/graphql.ts';

/** A record's grading, as the workspace's documents ask for it (server/kernel/documents.ts). */
export type Grading = GradingFieldsFragment;
/** An entity on the chart: the NodeFields fragment. */
export type GraphNode = NodeFieldsFragment;
/** A link on the chart: the EdgeFields fragment. */
export type GraphEdge = EdgeFieldsFragment;

/** A graph answer: the GraphFields fragment, with the paths found (paths and connectingNetwork only). */
export type Graph = GraphFieldsFragment & { paths?: { nodeIds: string[] }[] };

export interface Position {
  x: number;
  y: number;
}
