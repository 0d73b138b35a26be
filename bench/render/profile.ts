/**
 * Where the time goes while one renderer pans and zooms one graph: a V8 CPU profile taken
 * through the DevTools protocol, summed by function (self time), top 25 printed.
 *
 *   npx tsx bench/render/profile.ts --renderer cytoscape-webgl --size 5000 [--seconds 4]
 */
import { openBench } from './browser.ts';
import type { RendererName } from './page.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const renderer = arg('renderer', 'cytoscape-webgl') as RendererName;
const size = Number(arg('size', '5000'));
const seconds = Number(arg('seconds', '4'));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const { browser, newPage } = await openBench();
const page = await newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const res = await page.evaluate(([r, n, ms]) => window.bench.run(r as RendererName, n as number, ms as number), [renderer, size, seconds * 1000] as const);
const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
await browser.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const n = byId.get(id)!;
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`${renderer} ${size}: ${res.fps} fps, first frame ${res.firstFrameMs} ms, p50 ${res.msPerFrameP50} ms/frame`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
