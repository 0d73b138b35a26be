/**
 * Memory: resident memory of `lantern serve` (its own process) idle and under load (the
 * api-throughput mix, 50 connections), and of the local Neo4j's JVM; the Neo4j heap and page
 * cache it was started with are stated beside them, with the heap in use (JMX) idle and under load.
 *
 *   tsx bench/memory.ts [--people 100k,1m] [--store scale] [--seconds 20]
 */
import { arg, machine, median, printMachine, rssMb, sizeName, sizes, writeResult, type BenchDb } from './lib.ts';
import { runMix, samples, scaleStore, startServeChild } from './api.ts';
import { runOffline } from '../server/testing/statements.ts';

const seconds = Number(arg('seconds', '20'));
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {};
let version: string | null = null;
/** The Neo4j JVM's heap in use and committed (MB), from its JMX bean. */
async function heapUsedMb(db: BenchDb): Promise<{ used: number; committed: number }> {
  const [r] = await runOffline(db.gateway, 'bench/jvm-memory');
  return { used: Math.round(Number(r?.heapUsed) / 2 ** 20), committed: Math.round(Number(r?.heapCommitted) / 2 ** 20) };
}
const mb = (s: string) => (s.endsWith('g') ? Number(s.slice(0, -1)) * 1024 : s.endsWith('m') ? Number(s.slice(0, -1)) : Number(s) / 2 ** 20);

for (const people of sizes('100k')) {
  const size = sizeName(people);
  const db = await scaleStore(people);
  version = db.neo4jVersion;
  const server = await startServeChild(db);
  await new Promise((r) => setTimeout(r, 5000));
  const idle = rssMb(server.pid);
  const neo4jPid = db.local?.child.pid;
  const neo4jIdle = neo4jPid ? rssMb(neo4jPid) : NaN;
  const heapIdle = await heapUsedMb(db);
  const seen: number[] = [];
  const neo4jSeen: number[] = [];
  const heapSeen: number[] = [];
  const run = await runMix(server, db, {
    connections: 50,
    seconds,
    samples: samples(people, 200, 11),
    each: () => {
      seen.push(rssMb(server.pid));
      if (neo4jPid) neo4jSeen.push(rssMb(neo4jPid));
      void heapUsedMb(db).then((h) => heapSeen.push(h.used));
    },
  });
  figures[`server_rss_idle_mb_${size}`] = idle;
  figures[`server_rss_load_median_mb_${size}`] = median(seen);
  figures[`server_rss_load_max_mb_${size}`] = Math.max(...seen);
  figures[`neo4j_rss_idle_mb_${size}`] = neo4jIdle;
  figures[`neo4j_rss_load_max_mb_${size}`] = Math.max(...neo4jSeen);
  figures[`neo4j_heap_mb_${size}`] = mb(db.heap);
  figures[`neo4j_heap_used_idle_mb_${size}`] = heapIdle.used;
  figures[`neo4j_heap_used_load_max_mb_${size}`] = Math.max(...heapSeen);
  figures[`neo4j_pagecache_mb_${size}`] = mb(db.pageCache);
  notes[`load_${size}`] = { connections: 50, seconds, sampledEveryMs: 500, requests: run.result.requests.total, errors: run.errors };
  process.stdout.write(
    `${size}: server RSS idle ${idle} MB, under load median ${median(seen)} MB, max ${Math.max(...seen)} MB; Neo4j RSS idle ${neo4jIdle} MB, max ${Math.max(...neo4jSeen)} MB (heap ${db.heap}: ${heapIdle.used} MB used idle, at most ${Math.max(...heapSeen)} MB under load; page cache ${db.pageCache}); ${run.result.requests.total} requests, ${run.errors} errors\n`,
  );
  await server.close();
  await db.close();
}

const m = machine(version);
printMachine(m);
process.stdout.write(`wrote ${writeResult({ name: 'memory', machine: m, figures, notes })}\n`);
