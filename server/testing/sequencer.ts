/**
 * The order of the test files (vitest.config.ts `sequence.sequencer`): the integration suites in
 * a shuffled order, different every run, with the seed printed so that a failure can be replayed
 * (`--sequence.seed=N`); the other projects as vitest orders them. Suites isolate themselves
 * instead of relying on an order (docs/decisions/0003-one-neo4j-per-test-run.md). Only the
 * integration project is shuffled: the unit tests share nothing, and the browser tests are not
 * this decision's.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const SHUFFLED_PROJECTS = new Set(['integration']);

/** A seeded Fisher-Yates shuffle (mulberry32): the same seed gives the same order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export default class IntegrationShuffle extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const mine = sorted.filter((f) => SHUFFLED_PROJECTS.has(f.project.name));
    if (mine.length === 0) return sorted;
    const seed = this.ctx.config.sequence.seed ?? Date.now();
    // From the files' paths, not the cache's order (slowest and failed first), so that a seed replays.
    const order = shuffled([...mine].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0)), seed);
    this.ctx.logger.log(`      Integration suites in a shuffled order, seed ${seed} (replay: --sequence.seed=${seed})`);
    let next = 0;
    return sorted.map((f) => (SHUFFLED_PROJECTS.has(f.project.name) ? order[next++]! : f));
  }
}
