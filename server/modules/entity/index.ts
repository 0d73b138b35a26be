/** The entity module's public entry (docs/architecture.md): rows to GraphQL shapes, paging, date scalars, source records. */
export {
  CLASSIFICATION_VALUE, entityTypeOf, SOURCE_EVALUATION_VALUE, subtitleOf, toEntity, toGrading, toGraphEdge, toGraphNode, aboutMasked, withheldSources,
  type ClassificationName, type EntityOut, type GraphEdgeOut, type GraphNodeOut, type SourceEvaluationName,
} from './entity.mapper.ts';
export { annotations, sources, type LinkOut } from './entity.service.ts';
export { decodeCursor, intArg, page } from './paging.ts';
export { parseDate, parseDateTime } from './scalars.ts';
