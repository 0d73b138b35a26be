/**
 * Where a GraphQL request's time goes, per kind: the whole HTTP request as the client sees it,
 * the read transaction inside the server (session, statements, conversion and masking of rows),
 * the statements alone, and the same statements replayed through the raw driver (as
 * api-latency does). What is left of the HTTP time after the transaction is the Node side:
 * HTTP, authentication, Apollo, the resolvers' mapping, serialising and the client's parse;
 * beside it, the CPU time this process (server and client, all threads) spent outside the
 * transaction: what is not CPU was waiting, for a core or for the other end of a socket.
 * A diagnostic, not a figure of the table: it prints medians and writes nothing.
 *
 *   tsx bench/api-stages.ts [--people 100k] [--store api] [--samples 100] [--kinds neighbourhood1,search]
 *   node --cpu-prof --import tsx bench/api-stages.ts ... --gql-only   (a CPU profile of the requests alone)
 */
import { arg, quantile, round, sizeName, sizes } from './lib.ts';
import { graphql, KINDS, RecordingGateway, replay, samples, scaleStore, startServer, type Kind, type Statement } from './api.ts';
import type { Tx } from '../server/db/gateway.ts';

const count = Number(arg('samples', '100'));
const kinds = arg('kinds', KINDS.join(',')).split(',') as Kind[];
const gqlOnly = process.argv.includes('--gql-only');

/** Times each read transaction and each statement in it (rows converted and masked included). */
const stat = { txMs: 0, runMs: 0, txCpuMs: 0 };
/** CPU time (user + system) of this process so far, in ms. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** (Requests run on scoped views of the gateway, made by Object.create: the sums live outside it.) */
class TimingGateway extends RecordingGateway {
  override readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const t = performance.now();
    const c = cpuNow();
    return super
      .readTx((tx) =>
        work({
          run: async (name, params) => {
            const s = performance.now();
            try {
              return await tx.run(name, params);
            } finally {
              stat.runMs += performance.now() - s;
            }
          },
        }),
      )
      .finally(() => {
        stat.txMs += performance.now() - t;
        stat.txCpuMs += cpuNow() - c;
      });
  }
}

for (const people of sizes('100k')) {
  const db = await scaleStore(people);
  const server = await startServer(db);
  // The server's gateway becomes a timing one (same object: driver, options and scoped views kept).
  Object.setPrototypeOf(server.gateway, TimingGateway.prototype);
  const gw = server.gateway as unknown as TimingGateway;
  const all = samples(people, count).filter((s) => kinds.includes(s.kind));
  const recorded = new Map<number, Statement[]>();
  for (const [i, s] of all.entries()) {
    gw.recording = [];
    await graphql(server.url, s);
    recorded.set(i, gw.recording);
    gw.recording = undefined;
  }
  for (const kind of kinds) {
    const http: number[] = [];
    const tx: number[] = [];
    const run: number[] = [];
    const raw: number[] = [];
    const outsideCpu: number[] = [];
    for (const [i, s] of all.entries()) {
      if (s.kind !== kind) continue;
      stat.txMs = 0;
      stat.runMs = 0;
      stat.txCpuMs = 0;
      const t = performance.now();
      const c = cpuNow();
      await graphql(server.url, s);
      http.push(performance.now() - t);
      outsideCpu.push(cpuNow() - c - stat.txCpuMs);
      tx.push(stat.txMs);
      run.push(stat.runMs);
      if (!gqlOnly) {
        const r = performance.now();
        await replay(db.gateway.driver, recorded.get(i)!);
        raw.push(performance.now() - r);
      }
    }
    const q = (xs: number[]) => `p50 ${round(quantile(xs, 0.5), 1)} p95 ${round(quantile(xs, 0.95), 1)}`;
    const outside = http.map((h, i) => h - tx[i]!);
    process.stdout.write(`${sizeName(people)} ${kind} (${http.length}): HTTP ${q(http)} | server tx ${q(tx)} | statements ${q(run)} | HTTP minus tx ${q(outside)}, of it CPU of this process ${q(outsideCpu)}${gqlOnly ? '' : ` | raw replay ${q(raw)}`} ms\n`);
  }
  await server.close();
  await db.close();
}
