import { describe, expect, it } from 'vitest';
import { aheadOf, axesOf, covers, magnification, quadRect, widen, zooming } from './viewportSnapshot.ts';

const W = 1280;
const H = 800;

/** Cytoscape's pan/zoom matrix (column-major mat3): projection of a W x H canvas times translate(pan) times scale(zoom). */
function matrix(zoom: number, pan: { x: number; y: number }): Float32Array {
  return Float32Array.from([(2 * zoom) / W, 0, 0, 0, (-2 * zoom) / H, 0, (2 * pan.x) / W - 1, 1 - (2 * pan.y) / H, 1]);
}

/** Where a model point lands in clip space under a matrix. */
function clip(m: ArrayLike<number>, x: number, y: number): [number, number] {
  return [m[0]! * x + m[3]! * y + m[6]!, m[1]! * x + m[4]! * y + m[7]!];
}

describe('the viewport snapshot geometry', () => {
  it('draws the view and a margin into the framebuffer: the view is the middle 1/k of it', () => {
    const m = matrix(2, { x: 100, y: -50 });
    const w = widen(m, 1.5, 1.5);
    // The model point at the screen's corner lands at 1/1.5 of the framebuffer's half-size.
    const corner = { x: (0 - 100) / 2, y: (0 + 50) / 2 };
    expect(clip(m, corner.x, corner.y)).toEqual([-1, 1].map((v) => expect.closeTo(v, 6)));
    expect(clip(w, corner.x, corner.y)).toEqual([-1 / 1.5, 1 / 1.5].map((v) => expect.closeTo(v, 6)));
  });

  it('places the snapshot where its model points are now, after a pan and a zoom', () => {
    const then = matrix(2, { x: 100, y: -50 });
    const now = matrix(3, { x: -40, y: 20 });
    const k = 1.5;
    const w = widen(then, k, k);
    const [x0, y0, x1, y1] = quadRect(axesOf(then), k, k, axesOf(now));
    // Model points at the framebuffer's corners (clip -1 and 1 in it) land at the quad's corners now.
    const model = (fx: number, fy: number) => ({ x: (fx - w[6]!) / w[0]!, y: (fy - w[7]!) / w[4]! });
    const a = model(-1, -1);
    const b = model(1, 1);
    expect(clip(now, a.x, a.y)).toEqual([x0, y0].map((v) => expect.closeTo(v, 5)));
    expect(clip(now, b.x, b.y)).toEqual([x1, y1].map((v) => expect.closeTo(v, 5)));
    expect(magnification(axesOf(then), axesOf(now))).toBeCloseTo(1.5);
  });

  it('covers the view until a pan or a zoom out goes past the margin', () => {
    const then = axesOf(matrix(1, { x: 0, y: 0 }));
    const k = 1.5;
    // A margin of a quarter of the view each side: 320 px across, 200 px down.
    expect(covers(then, k, k, axesOf(matrix(1, { x: 0, y: 0 })))).toBe(true);
    expect(covers(then, k, k, axesOf(matrix(1, { x: 319, y: -199 })))).toBe(true);
    expect(covers(then, k, k, axesOf(matrix(1, { x: 330, y: 0 })))).toBe(false);
    expect(covers(then, k, k, axesOf(matrix(1, { x: 0, y: -210 })))).toBe(false);
    // Zooming out about the centre: the view grows to k times its size at zoom 1/k.
    const about = (z: number) => axesOf(matrix(z, { x: (W / 2) * (1 - z), y: (H / 2) * (1 - z) }));
    expect(covers(then, k, k, about(0.7))).toBe(true);
    expect(covers(then, k, k, about(0.6))).toBe(false);
    // Zooming in stays covered (the limit on it is the magnification).
    expect(covers(then, k, k, about(3))).toBe(true);
  });

  it('takes a snapshot retaken mid-zoom ahead of the zoom, about the pointer, so the next notches need none', () => {
    const k = 1.5;
    // A zoom at the point (px, py) of the canvas: that point keeps its place.
    const at = (z: number, px: number, py: number) => axesOf(matrix(z, { x: px * (1 - z), y: py * (1 - z) }));
    const notch = 1.15;
    for (const [px, py] of [
      [W / 2, H / 2],
      [W * 0.8, H * 0.3],
      [W, 0],
    ] as const) {
      // Zooming in: the snapshot is drawn at a higher zoom, still covering the view now, and serves
      // the notches up to 1.5 times its own zoom.
      const prev = at(2, px, py);
      const now = at(2 * notch, px, py);
      expect(zooming(prev, now)).toBe(true);
      const inAhead = aheadOf(prev, now, k, k, 1.3, 1.5);
      expect(inAhead.ax / now.ax).toBeGreaterThan(1.2);
      expect(inAhead.ax / now.ax).toBeLessThanOrEqual(1.3);
      expect(covers(inAhead, k, k, now)).toBe(true);
      let z = 2 * notch;
      let served = 0;
      while (covers(inAhead, k, k, at(z * notch, px, py)) && magnification(inAhead, at(z * notch, px, py)) <= 1.5) {
        z *= notch;
        served += 1;
      }
      expect(served).toBeGreaterThanOrEqual(4);
      // Zooming out: drawn at a lower zoom, magnified at most 1.3 times now, covering more notches out.
      const outAhead = aheadOf(now, prev, k, k, 1.3, 1.5);
      expect(magnification(outAhead, prev)).toBeCloseTo(1.3, 6);
      expect(covers(outAhead, k, k, prev)).toBe(true);
      const plain = (snap: ReturnType<typeof axesOf>) => {
        let n = 0;
        for (let zz = 2 / notch; covers(snap, k, k, at(zz, px, py)); zz /= notch) n += 1;
        return n;
      };
      expect(plain(outAhead)).toBeGreaterThan(plain(prev));
    }
    // A pan is not a zoom: the snapshot is taken at the view itself.
    const pan0 = axesOf(matrix(2, { x: 0, y: 0 }));
    const pan1 = axesOf(matrix(2, { x: 40, y: 10 }));
    expect(zooming(pan0, pan1)).toBe(false);
    expect(aheadOf(pan0, pan1, k, k, 1.3, 1.5)).toEqual(pan1);
    expect(aheadOf(null, pan1, k, k, 1.3, 1.5)).toEqual(pan1);
  });
});
