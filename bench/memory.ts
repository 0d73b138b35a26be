/**
 * Memory: resident memory of `lantern serve` (its own process) idle and under load (the
 * api-throughput mix, 50 connections), and of the local Neo4j's JVM; the Neo4j heap and page
 * cache it was started with are stated beside them.
 *
 *   tsx bench/memory.ts [--people 100k,1m] [--store scale] [--seconds 20]
 */
import { arg, machine, median, printMachine, rssMb, sizeName, sizes, writeResult } from './lib.ts';
import { runMix, samples, scaleStore, startServeChild } from './api.ts';

const seconds = Number(arg('seconds', '20'));
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {};
let version: string | null = null;
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
  const seen: number[] = [];
  const neo4jSeen: number[] = [];
  const run = await runMix(server, db, {
    connections: 50,
    seconds,
    samples: samples(people, 200, 11),
    each: () => {
      seen.push(rssMb(server.pid));
      if (neo4jPid) neo4jSeen.push(rssMb(neo4jPid));
    },
  });
  figures[`server_rss_idle_mb_${size}`] = idle;
  figures[`server_rss_load_median_mb_${size}`] = median(seen);
  figures[`server_rss_load_max_mb_${size}`] = Math.max(...seen);
  figures[`neo4j_rss_idle_mb_${size}`] = neo4jIdle;
  figures[`neo4j_rss_load_max_mb_${size}`] = Math.max(...neo4jSeen);
  figures[`neo4j_heap_mb_${size}`] = mb(db.heap);
  figures[`neo4j_pagecache_mb_${size}`] = mb(db.pageCache);
  notes[`load_${size}`] = { connections: 50, seconds, sampledEveryMs: 500, requests: run.result.requests.total, errors: run.errors };
  process.stdout.write(
    `${size}: server RSS idle ${idle} MB, under load median ${median(seen)} MB, max ${Math.max(...seen)} MB; Neo4j RSS idle ${neo4jIdle} MB, max ${Math.max(...neo4jSeen)} MB (heap ${db.heap}, page cache ${db.pageCache}); ${run.result.requests.total} requests, ${run.errors} errors\n`,
  );
  await server.stop();
  await db.close();
}

const m = machine(version);
printMachine(m);
process.stdout.write(`wrote ${writeResult({ name: 'memory', machine: m, figures, notes })}\n`);
