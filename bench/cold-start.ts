/**
 * Cold start: what the first analyst after a restart waits for, with `lantern serve`'s warm-up
 * (LANTERN_WARM_UP_SECONDS, server/http/warm-up.ts) and without it, in the same run. Each start
 * is a fresh Neo4j JVM and a fresh server on the same store. The baseline ('off') sends its first
 * requests as soon as /readyz answers; 'on' sends them once /readyz says the warm-up is over.
 * Then both are measured the same way:
 *   - the first request of each kind (search, 1 hop, 2 hops, paths, subgraph), one after another,
 *     on samples the warm-up never read;
 *   - the next 20 (four rounds of the five kinds, other samples, so other list lengths): the
 *     slowest, which is what an analyst remembers of the first minute;
 *   - requests answered in the next 10 s one at a time (an analyst at work);
 *   - requests answered in the 10 s after that under 50 connections (the api-throughput mix).
 * A third mode, 'early', has the warm-up on but sends its first requests as soon as /readyz
 * answers, as an analyst who opens the workspace at once would (the warm-up yields to callers).
 * "First chart" is the time from spawning `lantern serve` to the first search and the first
 * one-hop neighbourhood answered (what opening a chart takes), in each mode.
 *
 *   tsx bench/cold-start.ts [--people 100k] [--runs 2] [--warm-up 60] [--modes off,on,early]
 */
import os from 'node:os';
import { arg, machine, median, printMachine, round, sizeName, sizes, writeResult } from './lib.ts';
import { graphql, KINDS, runMix, samples, scaleStore, startServeChild, warmUpOver, type Sample } from './api.ts';

const runs = Number(arg('runs', '2'));
const warmUpSeconds = arg('warm-up', '60');
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {};
let version: string | null = null;

type Mode = 'off' | 'on' | 'early';
const modes = arg('modes', 'off,on,early').split(',') as Mode[];
interface Start {
  readyS: number;
  warmUpS: number;
  warmUpState: string;
  first: Record<string, number>;
  /** The slowest of the 20 requests after the first five. */
  next20WorstMs: number;
  sequential10s: number;
  mix10s: number;
  mixErrors: number;
  /** Seconds from spawning the server to the first search and one-hop neighbourhood answered. */
  firstChartS: number;
  /** The one-minute load average when the server was spawned (the machine is shared). */
  load: number;
}

async function start(people: number, mode: Mode): Promise<Start> {
  const db = await scaleStore(people);
  version = db.neo4jVersion;
  try {
    const load = os.loadavg()[0]!;
    const t0 = performance.now();
    const server = await startServeChild(db, { env: { LANTERN_WARM_UP_SECONDS: mode === 'off' ? '0' : warmUpSeconds }, warmUp: 'skip' });
    const readyS = (performance.now() - t0) / 1000;
    const warmUpState = mode === 'early' ? 'not waited for' : await warmUpOver(server.url.replace(/\/graphql$/, ''));
    const warmUpS = (performance.now() - t0) / 1000 - readyS;
    try {
      // Seed 23: not the warm-up's person, nor api-latency's samples.
      const fresh = samples(people, 40, 23);
      /** One request of each kind from `from`, one after another: each one's time in ms. */
      const oneOfEach = async (from: Sample[]) => {
        const ms: Record<string, number> = {};
        for (const kind of KINDS) {
          const t = performance.now();
          const r = await graphql(server.url, from.find((x) => x.kind === kind)!);
          if (r.status !== 200 || r.errors) throw new Error(`${kind}: status ${r.status}, ${r.errors} errors`);
          ms[kind] = performance.now() - t;
        }
        return ms;
      };
      const first = await oneOfEach(fresh);
      const firstChartS = (performance.now() - t0) / 1000 - (first.neighbourhood2! + first.paths! + first.subgraph!) / 1000;
      let next20WorstMs = 0;
      for (let r = 1; r <= 4; r++) next20WorstMs = Math.max(next20WorstMs, ...Object.values(await oneOfEach(samples(people, 40, 23 + r))));
      const rest: Sample[] = fresh.filter((_, i) => i >= KINDS.length);
      let sequential10s = 0;
      const until = performance.now() + 10_000;
      while (performance.now() < until) {
        await graphql(server.url, rest[sequential10s % rest.length]!);
        sequential10s += 1;
      }
      const mix = await runMix(server, db, { connections: 50, seconds: 10, samples: samples(people, 200, 29) });
      return { readyS, warmUpS, warmUpState, first, next20WorstMs, sequential10s, mix10s: mix.result.requests.total, mixErrors: mix.errors, firstChartS, load };
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
  }
}

for (const people of sizes('100k')) {
  const size = sizeName(people);
  const seen: Record<Mode, Start[]> = { off: [], on: [], early: [] };
  for (let i = 0; i < runs; i++) {
    // Alternating, so that neither mode always has the warmer operating system behind it.
    for (const mode of i % 2 === 0 ? modes : [...modes].reverse()) {
      const s = await start(people, mode);
      seen[mode].push(s);
      process.stdout.write(
        `${size} warm-up ${mode} (load ${round(s.load, 2)}): first chart after ${round(s.firstChartS, 1)} s; ready in ${round(s.readyS, 1)} s, warm-up ${s.warmUpState} after ${round(s.warmUpS, 1)} s; first requests ${KINDS.map((k) => `${k} ${Math.round(s.first[k]!)}`).join(', ')} ms; the slowest of the next 20 ${Math.round(s.next20WorstMs)} ms; then ${s.sequential10s} requests in 10 s one at a time, ${s.mix10s} in 10 s under 50 connections (${s.mixErrors} errors)\n`,
      );
    }
  }
  for (const mode of modes) {
    const xs = seen[mode];
    figures[`first_chart_s_${mode}_${size}`] = round(median(xs.map((s) => s.firstChartS)), 1);
    figures[`load_average_${mode}_${size}`] = round(median(xs.map((s) => s.load)), 2);
    for (const kind of KINDS) figures[`first_${kind}_ms_${mode}_${size}`] = Math.round(median(xs.map((s) => s.first[kind]!)));
    figures[`first_five_ms_${mode}_${size}`] = Math.round(median(xs.map((s) => KINDS.reduce((a, k) => a + s.first[k]!, 0))));
    figures[`next_20_worst_ms_${mode}_${size}`] = Math.round(median(xs.map((s) => s.next20WorstMs)));
    figures[`sequential_10s_requests_${mode}_${size}`] = median(xs.map((s) => s.sequential10s));
    figures[`mix_10s_requests_${mode}_${size}`] = median(xs.map((s) => s.mix10s));
    figures[`mix_errors_${mode}_${size}`] = Math.max(...xs.map((s) => s.mixErrors));
  }
  if (seen.on.length) figures[`warm_up_s_${size}`] = round(median(seen.on.map((s) => s.warmUpS)), 1);
  if (seen.on.length && seen.off.length) figures[`first_five_ratio_${size}`] = round(figures[`first_five_ms_off_${size}`]! / figures[`first_five_ms_on_${size}`]!, 1);
  notes[`cold_start_${size}`] = {
    runs,
    warmUpBudgetS: Number(warmUpSeconds),
    warmUpStates: seen.on.map((s) => s.warmUpState),
    statistic: 'median of runs; a fresh Neo4j JVM and lantern serve each start; modes alternate',
  };
}

const m = machine(version);
printMachine(m);
process.stdout.write(`wrote ${writeResult({ name: 'cold-start', machine: m, figures, notes })}\n`);
