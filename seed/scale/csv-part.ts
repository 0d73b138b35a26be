/**
 * One part of the scale graph as CSV for the bulk import: the chunks `index % parts === part`,
 * each prepared by the loader's own `prepare` (shaping, grading, checks; the generator's own
 * phone numbers shaped without a libphonenumber parse each, scalePhoneForms) and written by
 * CsvWriter. Runs in a worker thread (csv-worker.ts) or, with one part, in the calling thread.
 */
import { CsvWriter, type CsvGroups } from '../../server/modules/load/load.csv.ts';
import { prepare } from '../../server/modules/load/load.service.ts';
import { generateScale, scalePhoneForms, type ScaleTruth } from './generate.ts';

export interface PartJob {
  people: number;
  seed: number;
  dir: string;
  part: number;
  parts: number;
  importedAt: string;
  cellsPerChunk?: number;
}

export interface PartChunk {
  index: number;
  people: number;
  rows: number;
  truth: ScaleTruth;
}

export async function writePart(job: PartJob, onChunk: (c: PartChunk) => void): Promise<CsvGroups> {
  const csv = new CsvWriter(job.dir, `p${job.part}`, new Date(job.importedAt));
  const generator = generateScale({ people: job.people, seed: job.seed, ...(job.cellsPerChunk ? { cellsPerChunk: job.cellsPerChunk } : {}), part: job.part, parts: job.parts });
  for await (const chunk of generator) {
    const p = prepare(chunk.data, { synthetic: true, knownPhones: scalePhoneForms });
    csv.add(p);
    onChunk({ index: chunk.index, people: chunk.people, rows: chunk.data.sources.length + chunk.data.entities.length + chunk.data.links.length, truth: chunk.truth });
  }
  return csv.close();
}
