/** The graph module's public entry (docs/architecture.md): its arguments' limits and checks, the reads, and its repository for a chart's own read. */
export { filterParams, ids, LIMITS } from './graph.args.ts';
export { neighbourhood, subgraph } from './graph.service.ts';
export * as graphRepository from './graph.repository.ts';
