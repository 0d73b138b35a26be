import { describe, expect, it } from 'vitest';
import { axesOf, covers, magnification, planFrame, quadRect, SNAPSHOT_DEFAULTS, widen, type Axes, type Shot } from './viewportSnapshot.ts';

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

  describe('what a frame of a moving view shows (planFrame)', () => {
    const o = SNAPSHOT_DEFAULTS;
    // A zoom about the point (px, py) of the canvas from the view at zoom 2: that point keeps its place.
    const at = (z: number, px = W / 2, py = H / 2) => axesOf(matrix(z, { x: px * (1 - z / 2), y: py * (1 - z / 2) }));
    const rest = at(2);
    /**
     * The snapshots of a view as the cache takes them (kx = ky: margins of whole pixels aside); at
     * rest the near one is a copy of the frame, reaching the view only.
     */
    const shots = (view: Axes, atRest = false) => ({
      near: { taken: view, kx: atRest ? 1 : 1 + 2 * o.margin, ky: atRest ? 1 : 1 + 2 * o.margin, resolution: 1 },
      wide: { taken: view, kx: 1 + 2 * o.wideMargin, ky: 1 + 2 * o.wideMargin, resolution: o.wideResolution },
    });
    /** Runs the views through planFrame as the cache does; what each frame showed or retook. */
    function gesture(views: Axes[], from = rest, atRest = true) {
      const s: { near: Shot | null; wide: Shot | null } = shots(from, atRest);
      let prev: Axes | null = from;
      return views.map((now) => {
        const plan = planFrame(s.near, s.wide, prev, now, o);
        if ('retake' in plan) s[plan.retake] = { ...shots(now)[plan.retake] };
        prev = now;
        return plan;
      });
    }
    const notch = 1.15;
    const wheel = (n: number, px?: number, py?: number) => Array.from({ length: n }, (_, i) => at(2 * notch ** (i + 1), px, py));

    it('serves a wheel zoom of 10 notches in and 10 out from the snapshots at rest, wherever the pointer', () => {
      for (const [px, py] of [
        [W / 2, H / 2],
        [W * 0.8, H * 0.3],
        [W, 0],
      ] as const) {
        const zoomIn = wheel(10, px, py);
        const plans = gesture([...zoomIn, ...zoomIn.slice(0, -1).reverse(), rest]);
        expect(plans.filter((p) => 'retake' in p)).toEqual([]);
        // Zooming in magnifies the near one (blurred up to 4 times: 1.15^10), back out it is 1:1 again.
        expect(plans.every((p) => 'show' in p && p.show.at(-1) === 'near')).toBe(true);
      }
    });

    it('shows the wide snapshot under the near one while zooming out past the view, and retakes the wide one only past its own margin', () => {
      const zoomOut = Array.from({ length: 14 }, (_, i) => at(2 / notch ** (i + 1)));
      const plans = gesture(zoomOut);
      // The near one at rest is the view only: from the first notch out the wide one (a fifth) shows around it, up to the 11th.
      expect(plans.slice(0, 11)).toEqual(Array(11).fill({ show: ['wide', 'near'] }));
      expect(plans[11]).toEqual({ retake: 'wide', multisample: false });
      expect(plans.slice(12)).toEqual(Array(2).fill({ show: ['wide', 'near'] }));
    });

    it('retakes the near snapshot, multisampled, when a pan leaves its margin or it was magnified by a zoom', () => {
      const pan = (dx: number, z = 2) => axesOf(matrix(z, { x: (W / 2) * (1 - z / 2) + dx, y: (H / 2) * (1 - z / 2) }));
      // The near one at rest is the view only: a pan's first frame retakes it, with a margin.
      expect(gesture([pan(1)])).toEqual([{ retake: 'near', multisample: true }]);
      // A quarter of the view each side: 320 px across.
      expect(gesture([pan(150), pan(310)], rest, false).every((p) => 'show' in p)).toBe(true);
      expect(gesture([pan(150), pan(330)], rest, false)[1]).toEqual({ retake: 'near', multisample: true });
      // Zoomed in twice (no retake), then a pan: the near one magnified twice is retaken.
      const plans = gesture([at(2.8), at(4), pan(10, 4)]);
      expect(plans.slice(0, 2).every((p) => 'show' in p)).toBe(true);
      expect(plans[2]).toEqual({ retake: 'near', multisample: true });
    });

    it('retakes the near snapshot, single-sampled, once a zoom in has magnified it past zoomMagnify', () => {
      const plans = gesture(wheel(20));
      const retakes = plans.flatMap((p, i) => ('retake' in p ? [{ notch: i + 1, ...p }] : []));
      // 1.15^15 = 8.1: one retake at the 15th notch, then it serves the rest.
      expect(retakes).toEqual([{ notch: 15, retake: 'near', multisample: false }]);
    });

    it('retakes a snapshot in the first frame when there is none of the current generation', () => {
      expect(planFrame(null, null, rest, at(2 * notch), o)).toEqual({ retake: 'near', multisample: false });
      expect(planFrame(null, null, rest, at(2 / notch), o)).toEqual({ retake: 'wide', multisample: false });
    });
  });
});
