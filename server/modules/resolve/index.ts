/** The resolve module's public entry (docs/architecture.md). */
export { resolveGraph } from './resolve.service.ts';
