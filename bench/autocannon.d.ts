// The few parts of autocannon (which ships no types) that the benchmarks use.
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    max: number;
    /** Only on `requests`: how many were answered. */
    total: number;
  }
  export interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Seconds before a request counts as timed out (10 by default). */
    timeout?: number;
    requests?: { method?: string; path?: string; headers?: Record<string, string>; body?: string }[];
  }
  interface Instance extends PromiseLike<Result> {
    on(event: string, listener: (...args: never[]) => void): this;
  }
  function autocannon(o: Options): Instance;
  export default autocannon;
}
