/**
 * Exports of a selection of about 300 entities of the demo (an entity and two hops around it, in
 * a Neo4j of the bench's own): the time to resolve the selection (its reads, the layout) and to
 * write each format, beside a same-run baseline of serialising the same selection with
 * JSON.stringify. The selection is resolved once per run, as `lantern export` does per file.
 *
 *   npx tsx bench/exports.ts [--entities 300] [--runs 5]
 *
 * Writes bench/results/exports.json, and one file per format to tmp/bench-exports/ to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { arg, machine, median, openBenchDb, printMachine, root, round, writeResult } from './lib.ts';
import { demo, seedDemoIfEmpty } from '../seed/demo/index.ts';
import { EXPORT_FORMATS, exportSelection, render, type ExportFormat } from '../server/modules/export/export.service.ts';
import { cliCaller, resolveSelection, type SelectionCaller } from '../server/modules/selection/selection.service.ts';

const TARGET = Number(arg('entities', '300'));
const RUNS = Number(arg('runs', '5'));

/** The demo entity whose two-hop neighbourhood (in the demo's own links) is nearest TARGET in size; ties by id. */
function pickSeed(): string {
  const { data } = demo();
  const adj = new Map<string, Set<string>>();
  const add = (a: string, b: string) => (adj.get(a) ?? adj.set(a, new Set()).get(a)!).add(b);
  for (const l of data.links) {
    add(l.from, l.to);
    add(l.to, l.from);
  }
  let best = { id: '', gap: Infinity };
  for (const id of [...adj.keys()].sort()) {
    const seen = new Set([id, ...adj.get(id)!]);
    for (const n of adj.get(id)!) for (const m of adj.get(n)!) seen.add(m);
    const gap = Math.abs(seen.size - TARGET);
    if (gap < best.gap) best = { id, gap };
  }
  return best.id;
}

const db = await openBenchDb('exports', { heap: '1g', pageCache: '512m', startTimeoutMs: 600_000 });
try {
  await seedDemoIfEmpty(db, { info: (a: unknown, b?: string) => process.stdout.write(`${b ?? String(a)}${b ? ` ${JSON.stringify(a)}` : ''}\n`) } as never);
  const m = machine(db.neo4jVersion);
  printMachine(m);
  const caller: SelectionCaller = cliCaller({ gateway: db.gateway, role: 'admin', pseudonymKey: Buffer.alloc(32, 7) });
  const input = { ids: [pickSeed()], hops: 2 };

  const time = async <T>(f: () => T | Promise<T>): Promise<{ ms: number[]; last: T }> => {
    let last = await f(); // warm-up: query plans, page cache, JIT
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      last = await f();
      ms.push(performance.now() - t);
    }
    return { ms, last };
  };

  const resolved = await time(() => resolveSelection(caller, input));
  const s = resolved.last;
  const json = await time(() => JSON.stringify(s));
  const out = path.join(root, 'tmp', 'bench-exports');
  fs.mkdirSync(out, { recursive: true });
  const figures: Record<string, number> = {
    entities: s.entities.length,
    links: s.links.length,
    sources: s.sources.length,
    resolve_ms: Math.round(median(resolved.ms)),
    baseline_json_stringify_ms: round(median(json.ms)),
    baseline_json_kb: Math.round(json.last.length / 1024),
  };
  process.stdout.write(`\nSelection: ${input.ids[0]} and 2 hops: ${s.entities.length} entities, ${s.links.length} links, ${s.sources.length} source records; median of ${RUNS} warm runs\n`);
  process.stdout.write(`resolve the selection (reads, layout): ${figures.resolve_ms} ms\n`);
  process.stdout.write(`format   write ms  (JSON.stringify ${figures.baseline_json_stringify_ms} ms)  end-to-end ms  size KB\n`);
  for (const f of EXPORT_FORMATS as readonly ExportFormat[]) {
    const w = await time(() => render(s, f));
    const e2e = await time(() => exportSelection(caller, { format: f, selection: input }));
    fs.writeFileSync(path.join(out, w.last.filename.replace(/^lantern-[^.]*/, 'exports')), w.last.bytes);
    figures[`${f}_write_ms`] = round(median(w.ms));
    figures[`${f}_export_ms`] = Math.round(median(e2e.ms));
    figures[`${f}_kb`] = Math.round(w.last.bytes.length / 1024);
    process.stdout.write(`${f.padEnd(7)}  ${String(figures[`${f}_write_ms`]).padStart(8)}  ${''.padStart(25)}  ${String(figures[`${f}_export_ms`]).padStart(13)}  ${String(figures[`${f}_kb`]).padStart(7)}\n`);
  }
  const file = writeResult({
    name: 'exports',
    machine: m,
    figures,
    notes: {
      what: 'Export of the demo entity whose two-hop neighbourhood is nearest the target size: resolve (the selection\'s reads through the scoped gateway and its layout), write (one format from the resolved selection) and export (both, as `lantern export` and the exportSelection query do), medians of warm runs; baseline: JSON.stringify of the same resolved selection in the same run',
      selection: `${input.ids[0]}, hops 2`,
      runs: RUNS,
      files: 'tmp/bench-exports/',
    },
  });
  process.stdout.write(`wrote ${path.relative(root, file)}\n`);
} finally {
  await db.close();
}
