/**
 * The scale generator: a synthetic graph of the demo's shape for any number of people, for
 * benchmarks (`lantern seed scale --people N`).
 *
 * The graph is made of cells of 50 people. Each cell is a small copy of the demo scenario in
 * the demo's proportions (docs/demo.md): one planted network (parlours sharing booking phones,
 * a controller and partner, a nominee director and front company, a driver and vehicles, nine
 * workers rotating between the parlours in dated stays and living in an HMO, adverts listing
 * the booking phones), legitimate businesses with their own companies, staff and fixed lines,
 * people on the risk register with homes, phones, associates and risk factors, offences,
 * visits of an operation (one operation per two cells), potential victims with referrals, a
 * duplicate person, and noise that crosses cells (a customer calling booking phones of two
 * networks, a taxi seen at parlours of two networks).
 *
 * The phases of a cell are in cell/ (cell.ts: rows, ids and builders; network.ts, noise.ts,
 * register.ts), called in a fixed order, since every random draw comes from the cell's generator.
 * Each cell is generated from its own seeded generator (seed, cell number), so it is the same
 * whatever N is and whatever was generated before it, and the generator never holds more than
 * one chunk of cells: memory stays flat as N grows. Ids are `<prefix>-s<cell>-<n>`.
 *
 * Nothing real: towns and postcode districts are real, postcode units use only C, I, K, M, O, V;
 * phone numbers are in the UK's unallocated 04 range (Ofcom's drama ranges hold only about
 * 3,000 numbers, too few for a million people); vehicle marks start with ZZ, company numbers
 * with ZS, emails use the reserved example.net/example.org, advert sites .example.
 */
import type { PhoneForms } from '../../server/model/normalise.ts';
import type { Dataset } from '../../server/modules/load/load.service.ts';
import { Random } from '../../server/kernel/random.ts';
import { TOWNS } from '../demo/places.ts';
import type { NetworkTruth, RotationTruth } from '../demo/generate.ts';
import { Cell, operationOf, pad } from './cell/cell.ts';
import { plantNetwork } from './cell/network.ts';
import { crossCellNoise, legitimateBusinesses } from './cell/noise.ts';
import { riskRegister } from './cell/register.ts';

export const SCALE_SEED = 20250915;
export const PEOPLE_PER_CELL = 50;
/** Cells per chunk handed to the loader: about 1,000 people, 17,000 rows. */
export const CELLS_PER_CHUNK = 20;

export interface ScaleVictim {
  personId: string;
  networkId: string;
  visitId: string;
  identifiedOn: string;
  referralIds: string[];
}

export interface ScaleTruth {
  networks: NetworkTruth[];
  potentialVictims: ScaleVictim[];
  duplicates: { personIds: string[]; differences: string }[];
  noise: { description: string; ids: string[] }[];
  /** Every network worker's dated stays at the parlours, in order (as the demo's truth.rotations). */
  rotations: RotationTruth[];
}

export interface ScaleChunk {
  /** Position of the chunk in the whole stream (0, 1, ...). */
  index: number;
  /** First and one-past-last cell of the chunk. */
  cells: [number, number];
  people: number;
  data: Dataset;
  truth: ScaleTruth;
}

export function cellCount(people: number): number {
  return Math.ceil(people / PEOPLE_PER_CELL);
}

/** The generator's phone numbers: 04, then the cell (6 digits) and a sequence number (3 digits). */
const SCALE_PHONE = /^04\d{9}$/;

/**
 * The forms parsePhone gives the generator's own phone numbers, without a libphonenumber parse of
 * each (the bulk path shapes millions): the range has no national format, so the national form
 * is the ten digits after the 0, the country GB and the line type UNKNOWN. Undefined for any
 * other number, which is then parsed. generate.test.ts checks it against parsePhone.
 */
export function scalePhoneForms(written: string): PhoneForms | undefined {
  if (written.length !== 11 || !SCALE_PHONE.test(written)) return undefined;
  const national = written.slice(1);
  const e164 = `+44${national}`;
  return {
    e164,
    national,
    country: 'GB',
    lineType: 'UNKNOWN',
    searchForms: [e164, e164.slice(1), national],
  };
}

/** Generates one cell of `people` people (PEOPLE_PER_CELL, or fewer for the last cell). */
export function generateCell(
  cell: number,
  people: number = PEOPLE_PER_CELL,
  seed: number = SCALE_SEED,
): { data: Dataset; truth: ScaleTruth } {
  const rng = new Random((seed ^ Math.imul(cell + 1, 0x9e3779b1)) >>> 0);
  const c = new Cell(rng, cell);
  const truth: ScaleTruth = { networks: [], potentialVictims: [], duplicates: [], noise: [], rotations: [] };
  const towns = rng.sample(TOWNS, 2);
  // A cell too small for a network (the last cell of an odd N) holds only people on the register.
  const full = people >= PEOPLE_PER_CELL;
  if (full) {
    // One operation per two cells, made by the even one.
    c.operation =
      cell % 2 === 0
        ? c.entity(
            'OPERATION',
            {
              name: `Operation Scale ${pad(cell / 2 + 1, 5)}`,
              startDate: '2025-08-22',
              endDate: '2025-09-09',
              description: 'Synthetic week of action (scale data)',
              lead: 'Thames Valley Police',
            },
            c.record('VISITS', '2025-08-20', 'Operation order'),
          )
        : operationOf(cell);
    const planted = plantNetwork(c, towns, truth);
    legitimateBusinesses(c, towns, planted.parlours, truth);
    crossCellNoise(c, planted, truth);
  }
  riskRegister(c, towns, people, full, truth);
  return { data: { sources: c.sources, entities: c.entities, links: c.links }, truth };
}

export interface ScaleOptions {
  people: number;
  seed?: number;
  /** Cells per chunk: bounds what is held at once. */
  cellsPerChunk?: number;
  /** Only the chunks whose index % parts === part (default: all), for writers working in parallel. */
  part?: number;
  parts?: number;
}

/**
 * The scale graph as a stream of chunks of whole cells, in cell order; a chunk is made only when
 * the caller asks for it, so at most one chunk is held at a time.
 */
export async function* generateScale(o: ScaleOptions): AsyncGenerator<ScaleChunk> {
  const seed = o.seed ?? SCALE_SEED;
  const per = o.cellsPerChunk ?? CELLS_PER_CHUNK;
  const cells = cellCount(o.people);
  const parts = o.parts ?? 1;
  const part = o.part ?? 0;
  for (let first = 0, index = 0; first < cells; first += per, index++) {
    if (index % parts !== part) continue;
    const last = Math.min(cells, first + per);
    const chunk: ScaleChunk = {
      index,
      cells: [first, last],
      people: 0,
      data: { sources: [], entities: [], links: [] },
      truth: { networks: [], potentialVictims: [], duplicates: [], noise: [], rotations: [] },
    };
    for (let cell = first; cell < last; cell++) {
      const people = Math.min(PEOPLE_PER_CELL, o.people - cell * PEOPLE_PER_CELL);
      const g = generateCell(cell, people, seed);
      chunk.people += people;
      chunk.data.sources.push(...g.data.sources);
      chunk.data.entities.push(...g.data.entities);
      chunk.data.links.push(...g.data.links);
      chunk.truth.networks.push(...g.truth.networks);
      chunk.truth.potentialVictims.push(...g.truth.potentialVictims);
      chunk.truth.duplicates.push(...g.truth.duplicates);
      chunk.truth.noise.push(...g.truth.noise);
      chunk.truth.rotations.push(...g.truth.rotations);
    }
    yield chunk;
  }
}
