/**
 * How a source record's id starts: every record id of a source starts with this (as the demo's
 * `src-tvcr-...`), so that its records are found by prefix. Domain model, since the importer
 * writes these ids and the resolver and the demo read a source's records by them.
 */
export const sourceIdPrefix = (source: string) => `src-${source}-`;
