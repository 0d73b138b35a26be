// The few parts of autocannon (which ships no types) that the benchmarks use.
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface Result {
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
    requests?: { method?: string; path?: string; headers?: Record<string, string>; body?: string }[];
  }
  interface Instance extends PromiseLike<Result> {
    on(event: string, listener: (...args: never[]) => void): this;
  }
  function autocannon(o: Options): Instance;
  export default autocannon;
}
