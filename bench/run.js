#!/usr/bin/env node
// `npm run bench`: every benchmark in turn (each also runs alone: `npx tsx bench/<name>.ts`),
// then docs/BENCHMARKS.md from bench/results/*.json. Arguments after `--` go to each benchmark,
// e.g. `npm run bench -- --people 100k`. `--only load,api-latency` picks some.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : undefined;
const rest = onlyAt >= 0 ? args.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : args;
const tsx = path.join(here, '..', 'node_modules', '.bin', 'tsx');

const suite = [
  ['load', 'load.ts'],
  ['api-latency', 'api-latency.ts'],
  ['api-throughput', 'api-throughput.ts'],
  ['memory', 'memory.ts'],
  ['cold-start', 'cold-start.ts'],
  ['render', 'render/run.ts'],
];
let failed = 0;
for (const [name, file] of suite) {
  if (only && !only.includes(name)) continue;
  if (!fs.existsSync(path.join(here, file))) {
    process.stdout.write(`bench: ${name} skipped (bench/${file} not present)\n`);
    continue;
  }
  process.stdout.write(`\n=== ${name} ===\n`);
  // The render benchmark takes its own arguments (sizes of graphs, not of the store).
  const r = spawnSync(tsx, [path.join(here, file), ...(name === 'render' ? [] : rest)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    process.stdout.write(`bench: ${name} exited with ${r.status}\n`);
  }
}
spawnSync(tsx, [path.join(here, 'table.ts')], { stdio: 'inherit' });
process.exit(failed > 0 ? 1 : 0);
