/**
 * Running the stored analysis: the full recompute as a resumable job (`lantern analyse --all`,
 * or the worker when nothing is kept yet, the rules changed or the day turned), and the
 * incremental round over the entities writes marked dirty. One run at a time across processes
 * (a lease in the ScoreState node, renewed while it runs; a killed holder's lease runs out).
 */
import { randomUUID } from 'node:crypto';
import type { Gateway } from '../../db/gateway.ts';
import { today } from '../risk/index.ts';
import { analysisVersion, fullView, incrementalView, metricsView, networksAround, reach, VIEWS, type Phases, type Progress, type Stamp, type View } from './scores.compute.ts';
import * as repo from './scores.repository.ts';

/** A lease lasts this long unless renewed (every third of it while a run holds it). */
export const LEASE_SECONDS = 30;
/** Past this many entities to rescore, a round runs the full recompute instead. */
export const INCREMENTAL_MAX = 200_000;
/**
 * Communities and centrality depend on the whole graph: an incremental round recomputes them only
 * when they are older than this (a full recompute always does); meanwhile they answer marked stale.
 */
export const METRICS_EVERY_MS = 10 * 60_000;
/** Dirty marks taken per incremental round. */
export const DIRTY_PER_ROUND = 50_000;

export class Busy extends Error {
  constructor(readonly holder: string) {
    super(`another analysis run (${holder}) holds the lease; it ends or expires within ${LEASE_SECONDS} s`);
    this.name = 'Busy';
  }
}

async function leased<T>(gw: Gateway, by: string, work: () => Promise<T>): Promise<T> {
  if (!(await repo.lock(gw, by, LEASE_SECONDS))) throw new Busy(String((await repo.state(gw)).lockedBy ?? 'unknown'));
  let lost = false;
  const timer = setInterval(() => {
    repo.lock(gw, by, LEASE_SECONDS).then(
      (ok) => (lost ||= !ok),
      () => undefined,
    );
  }, (LEASE_SECONDS * 1000) / 3);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await repo.unlock(gw, by).catch(() => undefined);
    void lost;
  }
}

export interface RunOptions {
  /** Who runs (the lease holder's name). */
  by?: string;
  batch?: number;
  progress?: (p: Progress) => void;
}

/** What a full run found and did. */
export interface FullReport {
  job: string;
  resumed: boolean;
  ms: number;
  /** Its time by view and phase, in ms ("all: rules"). */
  phases: Phases;
}

const addPhases = (into: Phases, prefix: string, from: Phases) => {
  for (const [k, v] of Object.entries(from)) into[`${prefix}${k}`] = (into[`${prefix}${k}`] ?? 0) + v;
};

/**
 * The full recompute: resumes the job a killed run left (same rules and day) from its checkpoint,
 * or starts one; both views; then clears the dirty marks made before it started.
 */
export async function runFull(gw: Gateway, o: RunOptions = {}): Promise<FullReport> {
  const by = o.by ?? `full-${randomUUID()}`;
  const started = performance.now();
  return leased(gw, by, async () => {
    const s = await repo.state(gw);
    const version = analysisVersion();
    const day = today();
    const resume = s.jobState === 'running' && s.jobRulesVersion === version && s.jobAsOf === day;
    const job = resume ? String(s.job) : randomUUID();
    const startedAt = resume ? String(s.jobStartedAt) : new Date().toISOString();
    if (!resume) await repo.setState(gw, { job, jobState: 'running', jobRulesVersion: version, jobAsOf: day, jobStartedAt: startedAt, jobView: VIEWS[0], jobAfter: null, jobDone: 0, jobTotal: 0 });
    const stamp: Stamp = { job, asOf: day, computedAt: startedAt, rulesVersion: version };
    const firstView = resume ? VIEWS.indexOf(s.jobView as View) : 0;
    const phases: Phases = {};
    for (let v = Math.max(0, firstView); v < VIEWS.length; v++) {
      const view = VIEWS[v]!;
      const after = resume && v === firstView ? ((s.jobAfter as string | null) ?? null) : null;
      const done = await fullView(gw, view, stamp, {
        after,
        batch: o.batch ?? 5000,
        checkpoint: (lastId, done, total) => repo.setState(gw, { jobView: view, jobAfter: lastId, jobDone: done, jobTotal: total }),
        progress: o.progress ?? (() => undefined),
      });
      addPhases(phases, `${view}: `, done);
      if (v + 1 < VIEWS.length) await repo.setState(gw, { jobView: VIEWS[v + 1], jobAfter: null, jobDone: 0, jobTotal: 0 });
    }
    // Marks made before the job began are covered by it (it read the graph after them).
    const before = startedAt;
    for (;;) {
      const marks = await repo.dirty(gw, DIRTY_PER_ROUND);
      const old = marks.filter((m) => m.at <= before || Date.parse(m.at) <= Date.parse(before)).map((m) => m.id);
      if (old.length === 0) break;
      await repo.clearDirty(gw, old, before);
      if (old.length < marks.length) break;
    }
    const finishedAt = new Date().toISOString();
    await repo.setState(gw, { jobState: 'done', complete: true, rulesVersion: version, asOf: day, computedAt: startedAt, updatedAt: finishedAt, fullFinishedAt: finishedAt, metricsAt: finishedAt });
    return { job, resumed: resume, ms: performance.now() - started, phases };
  });
}

export interface IncrementalReport {
  marks: number;
  rescored: number;
  full: boolean;
  ms: number;
  /** Its time by phase, in ms (both views together). */
  phases: Phases;
}

/**
 * One incremental round: takes the dirty marks, works out whose results they can change, rescores
 * those in both views, recomputes the suspected networks, and clears the marks it took (a mark
 * renewed meanwhile stays for the next round).
 */
export async function runIncremental(gw: Gateway, o: RunOptions = {}): Promise<IncrementalReport> {
  const started = performance.now();
  const marks = await repo.dirty(gw, DIRTY_PER_ROUND);
  if (marks.length === 0) return { marks: 0, rescored: 0, full: false, ms: 0, phases: {} };
  const by = o.by ?? `incremental-${randomUUID()}`;
  return leased(gw, by, async () => {
    const s = await repo.state(gw);
    const progress = o.progress ?? (() => undefined);
    const seeds = marks.map((m) => m.id);
    const phases: Phases = {};
    const t0 = performance.now();
    const reached = seeds.includes('*') ? null : await reach(gw, seeds);
    const targets = reached?.ids ?? null;
    phases.reach = performance.now() - t0;
    if (targets === null || targets.length > INCREMENTAL_MAX || s.complete !== true) {
      await repo.unlock(gw, by);
      const r = await runFull(gw, o);
      return { marks: marks.length, rescored: -1, full: true, ms: performance.now() - started, phases: r.phases };
    }
    const stamp: Stamp = { job: String(s.job), asOf: String(s.asOf), computedAt: new Date().toISOString(), rulesVersion: String(s.rulesVersion) };
    await repo.setState(gw, { roundState: 'running', roundMarks: marks.length, roundTotal: targets.length, roundDone: 0, roundStartedAt: stamp.computedAt });
    for (const view of VIEWS) {
      await incrementalView(gw, view, stamp, targets, { batch: o.batch ?? 5000, progress, phases });
    }
    for (const view of VIEWS) {
      progress({ phase: `${view}: suspected networks`, done: targets.length, total: targets.length });
      await networksAround(gw, view, stamp, reached!.premises, phases);
    }
    const t1 = performance.now();
    const metricsAt = s.metricsAt ? Date.parse(String(s.metricsAt)) : 0;
    if (Date.now() - metricsAt >= METRICS_EVERY_MS) {
      for (const view of VIEWS) {
        progress({ phase: `${view}: communities and centrality`, done: targets.length, total: targets.length });
        await metricsView(gw, view, stamp);
      }
      await repo.setState(gw, { metricsAt: new Date().toISOString() });
    }
    phases.metrics = performance.now() - t1;
    const latest = marks.reduce((a, m) => (Date.parse(m.at) > Date.parse(a) ? m.at : a), marks[0]!.at);
    await repo.clearDirty(gw, seeds, latest);
    await repo.setState(gw, { roundState: 'done', roundDone: targets.length, updatedAt: new Date().toISOString() });
    return { marks: marks.length, rescored: targets.length, full: false, ms: performance.now() - started, phases };
  });
}

/** Whether the kept results need a full recompute: none yet, other rules, another day, or a job left unfinished. */
export async function needsFull(gw: Gateway): Promise<string | null> {
  const s = await repo.state(gw);
  if (s.jobState === 'running') return 'a full recompute was left unfinished';
  if (s.complete !== true) return 'nothing is kept yet';
  if (s.rulesVersion !== analysisVersion()) return `the rules changed (${String(s.rulesVersion)} to ${analysisVersion()})`;
  if (s.asOf !== today()) return `the kept scores are as of ${String(s.asOf)}`;
  return null;
}
