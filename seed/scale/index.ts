/**
 * Loads the scale graph (`lantern seed scale --people N`): chunks from the generator go through
 * the bulk loader one after another, so memory holds one chunk whatever N is. The ground truth
 * is streamed to its file as chunks pass.
 */
import type { Gateway } from '../../server/db/gateway.ts';
import { loadDataset, type LoadOptions } from '../../server/modules/load/load.service.ts';
import { cellCount, generateScale, SCALE_SEED, type ScaleChunk } from './generate.ts';
import { TruthWriter } from './truth.ts';

export { TruthWriter } from './truth.ts';
export { generateScale, generateCell, cellCount, SCALE_SEED, PEOPLE_PER_CELL, type ScaleChunk, type ScaleTruth } from './generate.ts';

export interface ScaleProgress {
  people: number;
  totalPeople: number;
  rows: number;
  ms: number;
}

export interface ScaleResult {
  people: number;
  sources: number;
  entities: number;
  links: number;
  rows: number;
  ms: number;
}

export async function seedScale(
  gateway: Gateway,
  o: { people: number; seed?: number; truthFile?: string; onProgress?: (p: ScaleProgress) => void; chunks?: AsyncIterable<ScaleChunk> } & Pick<LoadOptions, 'batchSize'>,
): Promise<ScaleResult> {
  const started = performance.now();
  const seed = o.seed ?? SCALE_SEED;
  const truth = o.truthFile
    ? new TruthWriter(o.truthFile, { scenario: 'lantern-scale', version: 1, seed, synthetic: true, people: o.people, cells: cellCount(o.people) })
    : undefined;
  const result: ScaleResult = { people: 0, sources: 0, entities: 0, links: 0, rows: 0, ms: 0 };
  for await (const chunk of o.chunks ?? generateScale({ people: o.people, seed })) {
    const r = await loadDataset(gateway, chunk.data, { synthetic: true, ...(o.batchSize ? { batchSize: o.batchSize } : {}) });
    truth?.add(chunk.truth);
    result.people += chunk.people;
    result.sources += r.sources;
    result.entities += Object.values(r.entities).reduce((a, n) => a + (n ?? 0), 0);
    result.links += Object.values(r.links).reduce((a, n) => a + (n ?? 0), 0);
    result.rows = result.sources + result.entities + result.links;
    o.onProgress?.({ people: result.people, totalPeople: o.people, rows: result.rows, ms: performance.now() - started });
  }
  truth?.close();
  result.ms = Math.round(performance.now() - started);
  return result;
}
