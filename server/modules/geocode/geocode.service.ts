/**
 * Geocoding from a postcode-centroid file (docs/import.md, Geocoding): premises that have a
 * postcode and no coordinates get the postcode's centroid as latitude and longitude, written
 * through the editing path (applyUpdate: shaped, cited by one source record naming the file,
 * analysis marked dirty), in batches of one write transaction each. What could not be placed is
 * listed with the reason.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Gateway, Row } from '../../db/gateway.ts';
import { parsePostcode } from '../../model/normalise.ts';
import { applyUpdate, sourceRecord, write } from '../editing/index.ts';
import { describeColumns, readCentroids, type CentroidColumns, type FileProblem } from './postcodes.ts';

export type UnplacedReason = 'no postcode' | 'bad postcode' | 'postcode not in the file';

export interface Placed {
  id: string;
  label: string;
  postcode: string;
  latitude: number;
  longitude: number;
  /** The file's line the centroid came from. */
  line: number;
  /** Coordinates replaced (--overwrite), null when the premises had none. */
  was: { latitude: number; longitude: number } | null;
}

export interface Unplaced {
  id: string;
  label: string;
  postcode: string | null;
  reason: UnplacedReason;
}

export interface GeocodeResult {
  file: string;
  rows: number;
  columns: CentroidColumns;
  fileProblems: FileProblem[];
  fileProblemCount: number;
  premises: number;
  alreadyPlaced: number;
  placed: Placed[];
  unplaced: Unplaced[];
  written: boolean;
  sourceRecord: { source: string; recordKey: string } | null;
  ms: number;
}

export type GeocodeProgress = { phase: 'reading'; rows: number } | { phase: 'writing'; done: number; total: number };

export interface GeocodeOptions {
  file: string;
  dryRun?: boolean;
  overwrite?: boolean;
  /** Only premises whose id starts with this. */
  idPrefix?: string | null;
  batchSize?: number;
  onProgress?: (p: GeocodeProgress) => void;
}

/** The source system geocoding writes as. */
export const GEOCODE_SOURCE = 'postcode-file';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export async function geocode(gw: Gateway, o: GeocodeOptions): Promise<GeocodeResult> {
  const started = Date.now();
  const premises = (await gw.read('geocode/premises', { idPrefix: o.idPrefix ?? null })).map((r) => r.entity as Row);
  const unplaced: Unplaced[] = [];
  const todo: { row: Row; postcode: string; compact: string }[] = [];
  let alreadyPlaced = 0;
  for (const row of premises) {
    const hasCoordinates = num(row.latitude) !== null && num(row.longitude) !== null;
    if (hasCoordinates && !o.overwrite) {
      alreadyPlaced += 1;
      continue;
    }
    const id = String(row.id);
    const label = String(row.label ?? id);
    const text = typeof row.postcode === 'string' ? row.postcode.trim() : '';
    if (!text) {
      if (!hasCoordinates) unplaced.push({ id, label, postcode: null, reason: 'no postcode' });
      else alreadyPlaced += 1;
      continue;
    }
    const pc = parsePostcode(text);
    if (!pc) {
      if (!hasCoordinates) unplaced.push({ id, label, postcode: text, reason: 'bad postcode' });
      else alreadyPlaced += 1;
      continue;
    }
    todo.push({ row, postcode: pc.formatted, compact: pc.compact });
  }
  const want = new Set(todo.map((t) => t.compact));
  // The file's SHA-256, taken as it is read: the record key pairs the file's name with what it held.
  const hash = crypto.createHash('sha256');
  const input = fs.createReadStream(o.file);
  input.on('data', (chunk) => hash.update(chunk));
  const read = await readCentroids(input, { file: o.file, want, onProgress: (rows) => o.onProgress?.({ phase: 'reading', rows }) });
  const placed: Placed[] = [];
  const rowsOf = new Map<string, Row>();
  for (const t of todo) {
    const id = String(t.row.id);
    const label = String(t.row.label ?? id);
    const c = read.centroids.get(t.compact);
    const lat = num(t.row.latitude);
    const lng = num(t.row.longitude);
    if (!c) {
      // With --overwrite a placed premises whose postcode is not in the file keeps its coordinates.
      if (lat !== null && lng !== null) alreadyPlaced += 1;
      else unplaced.push({ id, label, postcode: t.postcode, reason: 'postcode not in the file' });
      continue;
    }
    if (lat === c.latitude && lng === c.longitude) {
      alreadyPlaced += 1;
      continue;
    }
    placed.push({ id, label, postcode: t.postcode, latitude: c.latitude, longitude: c.longitude, line: c.line, was: lat !== null && lng !== null ? { latitude: lat, longitude: lng } : null });
    rowsOf.set(id, t.row);
  }
  let record: GeocodeResult['sourceRecord'] = null;
  if (!o.dryRun && placed.length > 0) {
    const name = path.basename(o.file);
    record = { source: GEOCODE_SOURCE, recordKey: `${name}#${hash.digest('hex').slice(0, 16)}` };
    const provenance = {
      recordedAt: null,
      record: {
        ...record,
        sourceEvaluation: 2,
        intelligenceAssessment: 'C',
        handlingCode: 'P',
        handlingConditions: null,
        classification: 'OFFICIAL',
        summary: `Coordinates from the postcode-centroid file ${name} (${describeColumns(read.columns)}): the centroid of the postcode, not of the building.`,
      },
    };
    const size = o.batchSize ?? 200;
    for (let i = 0; i < placed.length; i += size) {
      const batch = placed.slice(i, i + size);
      await write(gw, async (tx) => {
        const sourceId = await sourceRecord(tx, provenance);
        for (const p of batch) await applyUpdate(tx, rowsOf.get(p.id)!, { latitude: p.latitude, longitude: p.longitude }, sourceId);
      });
      o.onProgress?.({ phase: 'writing', done: Math.min(placed.length, i + size), total: placed.length });
    }
  }
  return {
    file: o.file,
    rows: read.rows,
    columns: read.columns,
    fileProblems: read.problems,
    fileProblemCount: read.problemCount,
    premises: premises.length,
    alreadyPlaced,
    placed,
    unplaced,
    written: !o.dryRun && placed.length > 0,
    sourceRecord: record,
    ms: Date.now() - started,
  };
}

/** 0: every premises considered is placed; 2: some could not be placed (listed). Bad arguments or an unreadable file: 1. */
export const exitCodeOf = (r: GeocodeResult): number => (r.unplaced.length > 0 ? 2 : 0);
