/** The snapshot module's public entry (docs/architecture.md): a snapshot as the caller may see it, for cases. */
export { getSnapshot } from './snapshot.service.ts';
