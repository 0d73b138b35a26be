/** The analytics module's public entry (docs/architecture.md). */
export type { ALink } from './analytics.types.ts';
