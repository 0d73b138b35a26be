/**
 * A/B of the GraphQL path in one run: this checkout's app and another checkout's (`--old DIR`, e.g.
 * a git worktree of an earlier commit, with node_modules linked) side by side in this process,
 * on the same store, driver and bench client, and the raw driver replaying the statements. Each
 * sample is sent to A, to B and to the driver in turn (the order rotating), so the three see the
 * same noise; what differs is the server code alone. A diagnostic: it prints and writes nothing.
 *
 *   tsx bench/api-ab.ts --old /tmp/old [--people 10k] [--samples 100] [--rounds 3] [--kinds neighbourhood1,subgraph]
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { arg, log, median, quantile, round, sizeName, sizes } from './lib.ts';
import { graphql, KINDS, RecordingGateway, replay, samples, scaleStore, startServer, type Kind, type Statement } from './api.ts';

const oldDir = path.resolve(arg('old', ''));
const count = Number(arg('samples', '100'));
const rounds = Number(arg('rounds', '3'));
const kinds = arg('kinds', KINDS.join(',')).split(',') as Kind[];
if (!process.argv.includes('--old')) throw new Error('Give --old DIR: a checkout of the code to compare with.');

/** The other checkout's app, on its own Gateway class (its own value conversion and masking). */
async function startOld(driver: RecordingGateway['driver']): Promise<{ url: string; close(): Promise<void> }> {
  const { createApp } = (await import(path.join(oldDir, 'server/http/app.ts'))) as typeof import('../server/http/app.ts');
  const { Gateway } = (await import(path.join(oldDir, 'server/db/gateway.ts'))) as typeof import('../server/db/gateway.ts');
  const gateway = new Gateway(driver, { queryTimeoutMs: 120_000, log });
  const { app, stop } = await createApp({ gateway, log, development: false, limits: { ratePerMinute: 1_000_000_000 } });
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
    },
  };
}

for (const people of sizes('10k')) {
  const size = sizeName(people);
  const db = await scaleStore(people);
  const b = await startServer(db);
  const a = await startOld(db.gateway.driver);
  const all = samples(people, count).filter((s) => kinds.includes(s.kind));
  const recorded = new Map<number, Statement[]>();
  for (const [i, s] of all.entries()) {
    b.gateway.recording = [];
    const r = await graphql(b.url, s);
    const o = await graphql(a.url, s);
    if (r.errors > 0 || r.status !== 200 || o.errors > 0 || o.status !== 200) throw new Error(`${s.kind} ${JSON.stringify(s.variables)} failed: ${r.status}/${o.status}`);
    recorded.set(i, b.gateway.recording);
    b.gateway.recording = undefined;
  }
  const which = ['old', 'new', 'raw'] as const;
  const perRound: Record<string, number[]> = {};
  for (let round_ = 0; round_ < rounds; round_++) {
    const times = Object.fromEntries(kinds.map((k) => [k, { old: [] as number[], new: [] as number[], raw: [] as number[] }]));
    for (const [i, s] of all.entries()) {
      for (let j = 0; j < 3; j++) {
        const w = which[(i + round_ + j) % 3]!;
        const t = performance.now();
        if (w === 'old') await graphql(a.url, s);
        else if (w === 'new') await graphql(b.url, s);
        else await replay(db.gateway.driver, recorded.get(i)!);
        times[s.kind]![w].push(performance.now() - t);
      }
    }
    for (const k of kinds) {
      for (const w of which) for (const [q, qn] of [[0.5, 'p50'], [0.95, 'p95']] as const) (perRound[`${k} ${w} ${qn}`] ??= []).push(quantile(times[k]![w], q));
      for (const w of ['old', 'new'] as const) (perRound[`${k} ${w} ratio`] ??= []).push(quantile(times[k]![w], 0.95) / quantile(times[k]!.raw, 0.95));
    }
  }
  for (const k of kinds) {
    const m = (key: string) => round(median(perRound[`${k} ${key}`]!), 2);
    process.stdout.write(
      `${size} ${k}: p50 old ${m('old p50')} new ${m('new p50')} raw ${m('raw p50')} | p95 old ${m('old p95')} new ${m('new p95')} raw ${m('raw p95')} | p95 ratio old ${m('old ratio')} new ${m('new ratio')}\n`,
    );
  }
  await a.close();
  await b.close();
  await db.close();
}
