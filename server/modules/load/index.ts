/** The load module's public entry (docs/architecture.md): checking and writing entities, links and source records in bulk. */
export { DATE_PROPS, LoadError, prepare, type Dataset, type EntityInput, type LinkInput, type SourceRecordInput } from './load.service.ts';
export { toDate, toDateTime, type WriteRow } from './load.repository.ts';
