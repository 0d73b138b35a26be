/**
 * Worker thread of the bulk scale load: writes one part of the scale graph as CSV (csv-part.ts)
 * and posts each chunk's counts and ground truth to the parent, then the importer's arguments.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writePart, type PartJob } from './csv-part.ts';

const groups = await writePart(workerData as PartJob, (c) => parentPort!.postMessage({ kind: 'chunk', chunk: c }));
parentPort!.postMessage({ kind: 'done', groups });
