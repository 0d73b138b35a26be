/** The editing module's public entry: the write path other modules reuse (geocoding). */
export { applyUpdate } from './editing.service.ts';
export { write, sourceRecord, type Tx } from './editing.repository.ts';
