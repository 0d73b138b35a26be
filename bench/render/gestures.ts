/**
 * Driving the workspace's chart as an analyst does, and timing it from inside the page: a drag
 * of the background with the mouse (down, 30 moves, up) and wheel notches (10 in, 10 out), with
 * every animation frame's time recorded by a requestAnimationFrame loop in the page. Shared by
 * the render benchmark (bench/render/workspace.ts) and the browser test of the fast path
 * (e2e/chart-fast-path.e2e.test.ts).
 *
 * React commits are counted through the hook React DOM reports to (the one React DevTools
 * installs): `countCommits` must run before the page loads. Production builds report too, so the
 * app needs no test-only code for it.
 */
import type { Page } from 'playwright-core';

interface FrameRecord {
  frames: number[];
  /** Per frame: the chart drew a screen frame (its renderStats counters moved since the last frame). */
  drawn: boolean[];
  /** Per frame: what the chart drew since the last frame ('' nothing; else letters: q quad, r snapshot retaken, f full, p replay, s snapshots taken at rest (outside frames), c a change told). */
  kinds: string[];
  running: boolean;
}

interface CommitHook {
  commits: number;
}

declare global {
  interface Window {
    lanternFrames?: FrameRecord;
    lanternCommits?: CommitHook;
  }
}

/** Installs a React DevTools hook that counts commits (window.lanternCommits). Call before page.goto. */
export async function countCommits(page: Page): Promise<void> {
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(() => {
    const counter = { commits: 0 };
    window.lanternCommits = counter;
    (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      renderers: new Map(),
      supportsFiber: true,
      isDisabled: false,
      inject: (renderer: unknown) => {
        void renderer;
        return 1;
      },
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberRoot: () => {
        counter.commits += 1;
      },
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
    };
  });
}

export const commits = (page: Page): Promise<number> => page.evaluate(() => window.lanternCommits?.commits ?? -1);

/**
 * Starts recording animation frames in the page. With `finish`, each frame reads one pixel back
 * from every WebGL canvas in the chart, so that a frame counts once SwiftShader has drawn it (as
 * the bench page does: Chromium's gl.finish() is only a flush, and without a read-back frames
 * queue far ahead of the GPU process and stall later).
 */
export async function startFrames(page: Page, finish: boolean): Promise<void> {
  // Under tsx (the benchmark), esbuild's keepNames wraps the functions below in __name(), which the page lacks.
  await page.evaluate('window.__name ??= (f) => f');
  await page.evaluate((waitForGpu) => {
    const rec: FrameRecord = { frames: [], drawn: [], kinds: [], running: true };
    window.lanternFrames = rec;
    const draws = () => {
      const st = window.lanternChart?.renderStats();
      return st ? st.snapshot + st.refreshes + st.full + st.replayed : 0;
    };
    let last = draws();
    const counters = () => window.lanternChart?.renderStats() ?? { snapshot: 0, refreshes: 0, full: 0, replayed: 0, atRest: 0, changes: 0 };
    let before = counters();
    const pixel = new Uint8Array(4);
    const contexts = [...document.querySelectorAll('[data-testid="chart"] canvas')]
      .map((c) => (c as HTMLCanvasElement).getContext('webgl2') as WebGL2RenderingContext | null)
      .filter((c): c is WebGL2RenderingContext => c instanceof WebGL2RenderingContext);
    const tick = () => {
      if (waitForGpu) {
        for (const gl of contexts) {
          const fb = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
          if (fb) gl.bindFramebuffer(gl.FRAMEBUFFER, null);
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
          if (fb) gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
        }
      }
      rec.frames.push(performance.now());
      const now = draws();
      rec.drawn.push(now !== last);
      last = now;
      const c = counters();
      rec.kinds.push(
        'q'.repeat(c.snapshot - before.snapshot) + 'r'.repeat(c.refreshes - before.refreshes) + 'f'.repeat(c.full - before.full) + 'p'.repeat(c.replayed - before.replayed) + 's'.repeat(c.atRest - before.atRest) + 'c'.repeat(Math.min(9, c.changes - before.changes)),
      );
      before = c;
      if (rec.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, finish);
}

/** Stops recording; the frames' times (ms, performance.now()) and whether the chart drew in each. */
export function stopFrames(page: Page): Promise<{ frames: number[]; drawn: boolean[]; kinds: string[] }> {
  return page.evaluate(() => {
    const rec = window.lanternFrames!;
    rec.running = false;
    return { frames: rec.frames, drawn: rec.drawn, kinds: rec.kinds };
  });
}

export interface Gesture {
  /** From the first input event to the last frame after it was handled. */
  wallMs: number;
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** React commits from the first input event to the end. */
  commits: number;
  /**
   * The same over the frames in which the chart drew (renderStats moved): the gesture is paced by
   * its input events, so some animation frames between them draw nothing and are short.
   */
  drawn: Pick<Gesture, 'frames' | 'p50' | 'p95' | 'max'>;
  /** The slowest frames (gap ms) with what the chart drew in each (FrameRecord.kinds), slowest first. */
  slowest: { ms: number; kind: string }[];
  /** Snapshots retaken within the gesture's frames (the slow frames of a pan or zoom: load-independent). */
  retakes: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** p50, p95 and max of the gaps between consecutive frames (with `keep`, of the gaps ending at the frames it marks). */
export function frameStats(frames: number[], keep?: boolean[]): Pick<Gesture, 'frames' | 'p50' | 'p95' | 'max'> {
  const deltas = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .filter((_, i) => !keep || keep[i + 1]);
  const s = [...deltas].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { frames: deltas.length, p50: r(quantile(s, 0.5)), p95: r(quantile(s, 0.95)), max: r(s.at(-1) ?? NaN) };
}

async function timed(page: Page, finish: boolean, act: () => Promise<void>): Promise<Gesture> {
  const c0 = await commits(page);
  await startFrames(page, finish);
  const t0 = await page.evaluate(() => performance.now());
  await act();
  // Two more frames: the last input's frame has been drawn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const rec = await stopFrames(page);
  const from = rec.frames.findIndex((t) => t >= t0);
  const frames = rec.frames.slice(from);
  const drawn = rec.drawn.slice(from);
  const kinds = rec.kinds.slice(from);
  const slowest = frames
    .slice(1)
    .map((t, i) => ({ ms: Math.round((t - frames[i]!) * 10) / 10, kind: kinds[i + 1] ?? '' }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
  const c1 = await commits(page);
  const retakes = kinds.slice(1).join('').split('r').length - 1;
  return { wallMs: Math.round(frames.at(-1)! - t0), ...frameStats(frames), commits: c1 - c0, drawn: frameStats(frames, drawn), slowest, retakes };
}

/** The chart's box in page coordinates. */
export async function chartBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.getByTestId('chart').boundingBox();
  if (!box) throw new Error('no chart on the page');
  return box;
}

/** Drags the chart with the mouse from (x, y) by (dx, dy) in `moves` mouse moves. */
export function drag(page: Page, from: { x: number; y: number }, by: { dx: number; dy: number }, o: { moves?: number; finish?: boolean } = {}): Promise<Gesture> {
  return timed(page, o.finish ?? false, async () => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + by.dx, from.y + by.dy, { steps: o.moves ?? 30 });
    await page.mouse.up();
  });
}

/** Wheel notches (deltaY 100 each) at a point: `notches` in, then as many out. */
export function wheel(page: Page, at: { x: number; y: number }, o: { notches?: number; finish?: boolean } = {}): Promise<Gesture> {
  const n = o.notches ?? 10;
  return timed(page, o.finish ?? false, async () => {
    await page.mouse.move(at.x, at.y);
    for (let i = 0; i < n; i++) await page.mouse.wheel(0, -100);
    for (let i = 0; i < n; i++) await page.mouse.wheel(0, 100);
  });
}
