/**
 * Briefing snapshot renders: warm time for a 500-element snapshot (200 entities, 300 links, each
 * link with a source record) in each format, beside a same-run baseline of Chromium rendering an
 * empty page in that format. One browser for every render, as the server keeps it; the first
 * render (Chromium start-up included) is reported apart as cold.
 *
 *   npx vite build && npx tsx bench/snapshots.ts [--elements 500] [--runs 5]
 *
 * Writes bench/results/snapshots.json, and the renders to tmp/bench-snapshots/ to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { benchGraph } from './render/graph.ts';
import { arg, log, machine, median, printMachine, root, round, writeResult } from './lib.ts';
import { clientDir } from '../server/http/app.ts';
import { contentHash, markingOf, SNAPSHOT_FORMAT, type SnapshotContent, type SnapshotEdge, type SnapshotGrading, type SnapshotNode } from '../server/modules/snapshot/snapshot.content.ts';
import { BriefingRenderer, CHROMIUM_ARGS, FORMATS, type Format } from '../server/modules/snapshot/snapshot.render.ts';

const ELEMENTS = Number(arg('elements', '500'));
const RUNS = Number(arg('runs', '5'));
const TYPES = ['PERSON', 'PREMISES', 'PHONE', 'VEHICLE', 'ADVERT', 'ORGANISATION'] as const;
const LINKS = ['WORKS_AT', 'USES_PHONE', 'LIVES_AT', 'KEEPER_OF', 'ADVERT_LISTS_PHONE', 'DIRECTOR_OF'] as const;

const grade = (i: number): SnapshotGrading => {
  const se = ((i % 3) + 1) as 1 | 2 | 3;
  const ia = (['A', 'B', 'C', 'D'] as const)[i % 4]!;
  const hc = i % 7 === 0 ? 'C' : 'P';
  return { code: `${se}-${ia}-${hc}`, sourceEvaluation: se, intelligenceAssessment: ia, handlingCode: hc, handlingConditions: hc === 'C' ? 'Not beyond the force without SIO consent' : null, classification: 'OFFICIAL', low: se === 3 || ia === 'D' };
};

/** A snapshot record of about `elements` entities and links, shaped like a real one. */
export function benchSnapshot(elements: number): SnapshotContent {
  const g = benchGraph(elements, 11);
  const nodes: SnapshotNode[] = g.nodes.map((n, i) => {
    const type = TYPES[n.type % TYPES.length]!;
    const victim = type === 'PERSON' && i % 5 === 0;
    return {
      id: n.id, type, label: victim ? `Protected person ${i}` : n.label, subtitle: victim ? null : `synthetic ${type.toLowerCase()}`, kind: null,
      degree: 3, supernode: false, potentialVictim: victim, suspect: type === 'PERSON' && i % 11 === 0, safeguarded: false, riskScore: null,
      masked: victim, grading: grade(i), position: { x: n.x, y: n.y },
    };
  });
  const edges: SnapshotEdge[] = g.edges.map((e, i) => ({
    id: e.id, type: LINKS[i % LINKS.length]!, source: e.source, target: e.target, role: null, validFrom: '2024-01-01', validTo: i % 3 ? null : '2024-06-30',
    recordedAt: '2024-07-01T09:00:00Z', weight: null, grading: grade(i + 1),
    sources: [{ id: `src-${i}`, source: ['INTEL', 'CRIME', 'NRM'][i % 3]!, recordKey: `R-${10000 + i}`, recordedAt: '2024-07-01T09:00:00Z', grading: grade(i + 1) }],
  }));
  return {
    format: SNAPSHOT_FORMAT, title: `Benchmark network (${elements} elements)`, purpose: 'Benchmark', author: { name: 'bench', role: 'analyst' },
    createdAt: '2026-01-01T00:00:00.000Z', asKnownOn: null, selection: { kind: 'ids', ids: [nodes[0]!.id], hops: 2 }, supersedes: null, version: 1,
    marking: markingOf(nodes, edges), masking: { masked: true, protectedPeople: nodes.filter((n) => n.potentialVictim).length, unmaskedBy: null, reason: null },
    nodes, edges, findings: [{ id: 'F1', text: 'A synthetic finding.', elementIds: [nodes[0]!.id] }], annotations: [], style: { edgeLabels: 'hover' }, truncation: null,
  };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(clientDir, 'briefing.html'))) throw new Error('Build the client first: npx vite build');
  const m = machine();
  printMachine(m);
  const content = benchSnapshot(ELEMENTS);
  const hashTimes: number[] = [];
  let hash = '';
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    hash = contentHash(content);
    hashTimes.push(performance.now() - t);
  }
  const input = { id: 'snapshot-bench', hash, content };
  const out = path.join(root, 'tmp', 'bench-snapshots');
  fs.mkdirSync(out, { recursive: true });

  // Baseline: the same Chromium, an empty page in each format (new context, content, output).
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const empty = async (format: Format) => {
    const t = performance.now();
    const ctx = await browser.newContext({ viewport: { width: 1240, height: 1000 } });
    const page = await ctx.newPage();
    await page.setContent('<!doctype html><title>empty</title><p>empty</p>');
    if (format === 'pdf') await page.pdf({ format: 'A4', landscape: true });
    else if (format === 'png') await page.screenshot({ type: 'png' });
    else await page.content();
    await ctx.close();
    return performance.now() - t;
  };
  const baseline: Record<string, number[]> = { html: [], pdf: [], png: [] };
  for (const f of FORMATS) await empty(f);
  for (let i = 0; i < RUNS; i += 1) for (const f of FORMATS) baseline[f]!.push(await empty(f));
  await browser.close();

  const renderer = new BriefingRenderer({ clientDir, log });
  let t = performance.now();
  await renderer.render(input, ['pdf']);
  const cold = performance.now() - t;
  const warm: Record<string, number[]> = { html: [], pdf: [], png: [] };
  const sizes: Record<string, number> = {};
  for (let i = 0; i < RUNS; i += 1) {
    for (const f of FORMATS) {
      t = performance.now();
      const r = await renderer.render(input, [f]);
      warm[f]!.push(performance.now() - t);
      if (process.env.SNAPSHOT_BENCH_STEPS) process.stdout.write(`${f}: ${JSON.stringify(renderer.lastTimings)}\n`);
      sizes[f] = r[f]!.length;
      if (i === 0) fs.writeFileSync(path.join(out, `briefing-${ELEMENTS}.${f}`), r[f]!);
    }
  }
  await renderer.close();

  const figures: Record<string, number> = { [`hash_ms_${ELEMENTS}`]: round(median(hashTimes)), [`cold_first_pdf_ms_${ELEMENTS}`]: Math.round(cold) };
  process.stdout.write(`\n${ELEMENTS}-element snapshot (${content.nodes.length} entities, ${content.edges.length} links), median of ${RUNS} warm runs:\n`);
  process.stdout.write(`format  briefing ms  empty-page baseline ms  size KB\n`);
  for (const f of FORMATS) {
    const w = Math.round(median(warm[f]!));
    const b = Math.round(median(baseline[f]!));
    figures[`${f}_warm_ms_${ELEMENTS}`] = w;
    figures[`${f}_baseline_empty_ms`] = b;
    figures[`${f}_kb_${ELEMENTS}`] = Math.round(sizes[f]! / 1024);
    process.stdout.write(`${f.padEnd(6)}  ${String(w).padStart(11)}  ${String(b).padStart(22)}  ${String(Math.round(sizes[f]! / 1024)).padStart(7)}\n`);
  }
  process.stdout.write(`cold first render (Chromium start-up included): ${Math.round(cold)} ms; content hash: ${round(median(hashTimes))} ms\n`);
  const file = writeResult({
    name: 'snapshots',
    machine: m,
    figures,
    notes: {
      what: 'Warm render of a synthetic snapshot record per format with one reused browser (new context per render), median of runs; baseline: an empty page in the same format in the same run',
      elements: ELEMENTS,
      runs: RUNS,
      goal: 'under 3000 ms per format, warm',
      renders: 'tmp/bench-snapshots/',
    },
  });
  process.stdout.write(`wrote ${path.relative(root, file)}\n`);
}

await main();
