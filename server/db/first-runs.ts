/**
 * The first run of each statement, alone.
 *
 * Neo4j plans a statement the first time it sees its text and keeps the plan; the chart
 * statements take it 1 to 5 s of CPU to plan on this 2-core machine (bench/ANALYSIS.md, session
 * 10). Requests that arrive together before the plan is cached each plan it again: 8 at once cost
 * 3 to 4 times the CPU of one, and a fresh `lantern serve` under 50 connections answered nothing
 * for half a minute. So the first run of a statement goes alone; the runs that arrive meanwhile
 * wait for it to settle and then find the plan cached. A first run that fails leaves the next one
 * to be the first.
 */
export class FirstRuns {
  private readonly done = new Set<string>();
  private readonly pending = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    for (;;) {
      if (this.done.has(key)) return work();
      const first = this.pending.get(key);
      if (!first) break;
      await first.catch(() => undefined);
    }
    const p = work();
    this.pending.set(key, p);
    try {
      const out = await p;
      this.done.add(key);
      return out;
    } finally {
      this.pending.delete(key);
    }
  }
}
