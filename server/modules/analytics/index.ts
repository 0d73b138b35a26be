/** The analytics module's public entry (docs/architecture.md). */
export type { ALink, ANode } from './analytics.types.ts';
export { allLinks, nodes, read } from './analytics.repository.ts';
export { PROJECTION_LINK_TYPES, keptTies, networkOrder, networksOfTies, networksWithComponents, premisesTies, suspectedNetworks, type SuspectedNetwork, type Tie } from './networks.ts';
export { useAnalyticsEngine, wholeGraphMetrics, type AnalyticsEngine } from './analytics.service.ts';
