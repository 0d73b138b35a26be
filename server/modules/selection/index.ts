/** The selection module's public entry (docs/architecture.md): what an export or a briefing shows, read for a caller. */
export { auditSelection, parseSelection, resolveSelection } from './selection.service.ts';
export type * from './selection.types.ts';
