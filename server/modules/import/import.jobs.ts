/**
 * Imports started from the workspace run in the background as jobs: startImport checks the
 * mapping and file, answers at once with a job id, and the import reports its progress to an
 * (:ImportJob) node (phase, rows done of the total, rows per second, time left) that importJob
 * reads, on this server instance or any other. A job whose server stopped shows INTERRUPTED
 * (no progress for 30 s); starting the same import again resumes it, as with `lantern import`.
 */
import { randomUUID } from 'node:crypto';
import type { Gateway } from '../../db/gateway.ts';
import { badInput } from '../../errors.ts';
import { resolveGraph } from '../resolve/index.ts';
import { checked, type FileArgs, resultOf } from './import.api.ts';
import { importFiles, type ImportProgress } from './import.service.ts';

type G = Pick<Gateway, 'read' | 'write' | 'writeTx'>;

export type JobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED';

export interface ImportJob {
  id: string;
  source: string;
  fileName: string;
  status: JobStatus;
  phase: string;
  done: number;
  total: number;
  rowsPerSecond: number;
  secondsLeft: number | null;
  startedBy: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  result: ReturnType<typeof resultOf> | null;
  resolution: { records: number; newRecords: number; candidatePairs: number; merged: number; review: number } | null;
  error: string | null;
}

/** A running job that has not reported for this long is taken to have lost its server. */
export const STALE_MS = 30_000;
const HEARTBEAT_MS = 5_000;
const PROGRESS_MS = 500;

const now = () => new Date().toISOString();

function stored(j: ImportJob): Record<string, unknown> {
  const { id: _id, result, resolution, ...rest } = j;
  return { ...rest, result: result ? JSON.stringify(result) : null, resolution: resolution ? JSON.stringify(resolution) : null };
}

function fromStore(p: Record<string, unknown>, at = Date.now()): ImportJob {
  const status = String(p.status) as JobStatus;
  const updatedAt = String(p.updatedAt);
  return {
    id: String(p.id),
    source: String(p.source),
    fileName: String(p.fileName),
    status: status === 'RUNNING' && at - Date.parse(updatedAt) > STALE_MS ? 'INTERRUPTED' : status,
    phase: String(p.phase),
    done: Number(p.done ?? 0),
    total: Number(p.total ?? 0),
    rowsPerSecond: Number(p.rowsPerSecond ?? 0),
    secondsLeft: p.secondsLeft === null || p.secondsLeft === undefined ? null : Number(p.secondsLeft),
    startedBy: String(p.startedBy),
    startedAt: String(p.startedAt),
    updatedAt,
    finishedAt: (p.finishedAt as string | null) ?? null,
    // Jobs stored before warnings were reported have none.
    result: typeof p.result === 'string' ? { valuesLeftOut: 0, linksNotMade: 0, warnings: [], ...(JSON.parse(p.result) as Partial<NonNullable<ImportJob['result']>>) } as ImportJob['result'] : null,
    resolution: typeof p.resolution === 'string' ? (JSON.parse(p.resolution) as ImportJob['resolution']) : null,
    error: (p.error as string | null) ?? null,
  };
}

export async function getJob(gateway: Pick<Gateway, 'read'>, id: string): Promise<ImportJob | null> {
  const [r] = await gateway.read('import/job', { id });
  return r ? fromStore(r.job as Record<string, unknown>) : null;
}

export async function listJobs(gateway: Pick<Gateway, 'read'>, first = 20): Promise<ImportJob[]> {
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first', 'first must be a whole number from 1 to 200');
  return (await gateway.read('import/jobs', { first })).map((r) => fromStore(r.job as Record<string, unknown>));
}

export interface StartedJob {
  job: ImportJob;
  /** Settles when the job has finished (for tests and the CLI; the API does not wait). */
  finished: Promise<ImportJob>;
}

/** Checks the mapping and file (as importPreview does), records the job and starts it in the background. */
export async function startImport(gateway: G, a: FileArgs & { resolve?: boolean | null }, by: string): Promise<StartedJob> {
  const { mapping, bytes } = checked(a);
  const started = now();
  const job: ImportJob = {
    id: `import-${randomUUID()}`,
    source: a.source,
    fileName: a.fileName,
    status: 'RUNNING',
    phase: 'reading',
    done: 0,
    total: 0,
    rowsPerSecond: 0,
    secondsLeft: null,
    startedBy: by,
    startedAt: started,
    updatedAt: started,
    finishedAt: null,
    result: null,
    resolution: null,
    error: null,
  };
  await gateway.write('import/job-save', { id: job.id, props: stored(job) });

  // Progress writes go one after another, the latest state winning; a heartbeat keeps a long
  // batch from looking like a lost server.
  let state = { ...job };
  let writing: Promise<unknown> = Promise.resolve();
  let lastWrite = 0;
  const save = (force = false) => {
    if (!force && Date.now() - lastWrite < PROGRESS_MS) return writing;
    lastWrite = Date.now();
    const snapshot = { ...state, updatedAt: now() };
    writing = writing.then(() => gateway.write('import/job-save', { id: snapshot.id, props: stored(snapshot) })).catch(() => undefined);
    return writing;
  };
  const heartbeat = setInterval(() => void save(true), HEARTBEAT_MS);
  heartbeat.unref();
  let phaseStart = 0;
  const onProgress = (p: ImportProgress) => {
    if (p.phase !== state.phase) phaseStart = p.ms;
    const rate = p.done / Math.max(0.001, (p.ms - phaseStart) / 1000);
    state = { ...state, phase: p.phase, done: p.done, total: p.total, rowsPerSecond: Math.round(rate * 10) / 10, secondsLeft: rate > 0 ? Math.round(((p.total - p.done) / rate) * 10) / 10 : null };
    void save(p.done === p.total);
  };

  const finished = (async (): Promise<ImportJob> => {
    try {
      const r = await importFiles(gateway, { source: a.source, mapping, files: [{ name: a.fileName, bytes }], onProgress });
      state = { ...state, result: resultOf(r) };
      if (a.resolve) {
        state = { ...state, phase: 'resolving', done: 0, total: 0, rowsPerSecond: 0, secondsLeft: null };
        await save(true);
        const run = await resolveGraph(gateway);
        state = { ...state, resolution: { records: run.records, newRecords: run.newRecords, candidatePairs: run.candidatePairs, merged: run.merged, review: run.review } };
      }
      state = { ...state, status: 'SUCCEEDED', phase: 'done', secondsLeft: 0, finishedAt: now() };
    } catch (e) {
      state = { ...state, status: 'FAILED', error: (e as Error).message, finishedAt: now() };
    } finally {
      clearInterval(heartbeat);
    }
    await save(true);
    return { ...state };
  })();
  return { job, finished };
}
