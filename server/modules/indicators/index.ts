/** The indicators module's public entry (docs/architecture.md): the rules library and their evaluation over the graph. */
export { evaluateOn, prepareGraph } from './evaluate.ts';
export type { Hit, ILink, INode } from './graph.ts';
export { combineFlagged, type Flagged } from './indicators.service.ts';
export { INDICATOR_HOPS, INDICATOR_LINK_TYPES, aroundAll, all, operationsOf } from './indicators.repository.ts';
export { library, libraryVersion } from './library.ts';
