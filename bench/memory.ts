/**
 * Memory: resident memory of `lantern serve` (its own process) idle and under load (autocannon,
 * 50 connections, the api-throughput mix), and of the local Neo4j's JVM; the Neo4j heap and page
 * cache it was started with are stated beside them.
 *
 *   tsx bench/memory.ts [--people 100k,1m] [--seconds 20]
 */
import autocannon from 'autocannon';
import { arg, machine, median, printMachine, rssMb, sizeName, sizes, writeResult } from './lib.ts';
import { mixRequests, samples, scaleStore, startServeChild } from './api.ts';

const seconds = Number(arg('seconds', '20'));
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {};
let version: string | null = null;
const gb = (s: string) => (s.endsWith('g') ? Number(s.slice(0, -1)) * 1024 : s.endsWith('m') ? Number(s.slice(0, -1)) : Number(s) / 2 ** 20);

for (const people of sizes('100k')) {
  const size = sizeName(people);
  const db = await scaleStore(people);
  version = db.neo4jVersion;
  const server = await startServeChild(db);
  await new Promise((r) => setTimeout(r, 5000));
  const idle = rssMb(server.pid);
  const seen: number[] = [];
  const neo4jSeen: number[] = [];
  const timer = setInterval(() => {
    seen.push(rssMb(server.pid));
    if (db.local?.child.pid) neo4jSeen.push(rssMb(db.local.child.pid));
  }, 500);
  await autocannon({ url: server.url, connections: 50, duration: seconds, requests: mixRequests(samples(people, 200, 11)) });
  clearInterval(timer);
  figures[`server_rss_idle_mb_${size}`] = idle;
  figures[`server_rss_load_median_mb_${size}`] = median(seen);
  figures[`server_rss_load_max_mb_${size}`] = Math.max(...seen);
  figures[`neo4j_rss_load_max_mb_${size}`] = Math.max(...neo4jSeen);
  figures[`neo4j_heap_mb_${size}`] = gb(db.heap);
  figures[`neo4j_pagecache_mb_${size}`] = gb(db.pageCache);
  notes[`load_${size}`] = { connections: 50, seconds, sampledEveryMs: 500 };
  process.stdout.write(`${size}: server RSS idle ${idle} MB, under load median ${median(seen)} MB, max ${Math.max(...seen)} MB; Neo4j RSS max ${Math.max(...neo4jSeen)} MB (heap ${db.heap}, page cache ${db.pageCache})\n`);
  await server.stop();
  await db.close();
}

const m = machine(version);
printMachine(m);
process.stdout.write(`wrote ${writeResult({ name: 'memory', machine: m, figures, notes })}\n`);
