/**
 * The map as a still picture, for briefings (HTML, PDF, PNG): one SVG drawn from the same data
 * as the workspace's map (mapData: points, links, routes) on the same offline outline (Natural
 * Earth, world-atlas), in the same Web Mercator projection, with a graticule and its degrees, the
 * corners' coordinates, a scale bar and a north mark. No tile, no font file, no script: the pins
 * are the chart's type icons as data: URLs, so the picture embeds as an image anywhere.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { linkMeta } from '../model/meta.ts';
import { typeIcon } from '../graph/icons.ts';
import { formatLatLon, graticuleStep, type MapData } from './mapData.ts';

export const MAP_WIDTH = 1400;
export const MAP_HEIGHT = 760;
/**
 * The narrowest view drawn, in degrees of longitude (about 20 km in England): one pin, or a few in
 * one town, are shown with the coast or border nearest them, not alone on a blank field at street
 * scale (the outline has no streets to show).
 */
const MIN_SPAN = 0.3;
const EARTH = 40_075_016.686;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Web Mercator, in world units 0..1 (as Leaflet's EPSG:3857 at zoom 0, divided by 256). */
export function mercator(lat: number, lon: number): [number, number] {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2];
}

function inverseLat(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** A scale bar's length: the longest 1-2-5 step of metres that fits in `maxPx` pixels. */
export function scaleBar(metresPerPx: number, maxPx = 160): { metres: number; px: number; label: string } {
  const most = metresPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(most));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= most) ?? pow;
  return { metres, px: metres / metresPerPx, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

export interface MapPictureInput {
  data: MapData;
  /** A ring colour per entity (the premises' colour in the occupancy timeline); grey when absent. */
  colourOf(id: string): string | undefined;
  /** The entity's reference in the briefing (E1, E2, ...), written beside its pin. */
  refOf(id: string): string;
}

export interface MapPicture {
  svg: string;
  width: number;
  height: number;
  /** The scale bar's label, e.g. "2 km". */
  scale: string;
  /** The view's corners: north-west and south-east. */
  extent: { north: number; west: number; south: number; east: number };
}

/** The view: the points' bounds with a margin, at least MIN_SPAN wide, in the picture's proportions. */
function view(data: MapData): { x0: number; y0: number; k: number } {
  const xy = data.points.map((p) => mercator(p.lat, p.lon));
  let [minX, maxX] = [Math.min(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[0]))];
  let [minY, maxY] = [Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[1]))];
  const min = MIN_SPAN / 360;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const w = Math.max(min, (maxX - minX) * 1.2);
  const h = Math.max(min * (MAP_HEIGHT / MAP_WIDTH), (maxY - minY) * 1.25);
  const k = Math.min(MAP_WIDTH / w, MAP_HEIGHT / h);
  [minX, maxX, minY, maxY] = [cx - MAP_WIDTH / 2 / k, cx + MAP_WIDTH / 2 / k, cy - MAP_HEIGHT / 2 / k, cy + MAP_HEIGHT / 2 / k];
  return { x0: minX, y0: minY, k };
}

function ringsOf(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(ringsOf);
  return [];
}

const PER_LINE = 5;
const LINE = 14;
const CHAR = 7;

/** The references of pins within a pin's width of each other, as one label of up to five per line, placed clear of the others. */
export function refLabels(pins: { at: [number, number]; ref: string }[]): string {
  const groups: { at: [number, number]; refs: string[] }[] = [];
  for (const p of pins) {
    const g = groups.find((x) => Math.hypot(x.at[0] - p.at[0], x.at[1] - p.at[1]) < 20);
    if (g) g.refs.push(p.ref);
    else groups.push({ at: p.at, refs: [p.ref] });
  }
  const taken: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const out: string[] = [];
  for (const g of groups) {
    const lines: string[] = [];
    for (let i = 0; i < g.refs.length; i += PER_LINE) lines.push(g.refs.slice(i, i + PER_LINE).join(' '));
    const w = Math.max(...lines.map((l) => l.length)) * CHAR;
    const h = lines.length * LINE;
    const [x, y] = g.at;
    // Right, left, above, below the group, then further out; the first clear of every label placed.
    const spots: [number, number][] = [[x + 16, y - h / 2], [x - 16 - w, y - h / 2], [x - w / 2, y - 16 - h], [x - w / 2, y + 16], [x + 16, y - h - 8], [x + 16, y + 8], [x - 16 - w, y - h - 8], [x - 16 - w, y + 8]];
    const clear = (sx: number, sy: number) => !taken.some((b) => sx < b.x1 && sx + w > b.x0 && sy < b.y1 && sy + h > b.y0);
    const [sx, sy] = spots.find(([a, b]) => clear(a, b) && a >= 0 && a + w <= MAP_WIDTH && b >= 0 && b + h <= MAP_HEIGHT) ?? spots[0]!;
    taken.push({ x0: sx - 2, y0: sy - 2, x1: sx + w + 2, y1: sy + h + 2 });
    out.push(`<text x="${r1(sx)}" y="${r1(sy + 11)}">${lines.map((l, i) => `<tspan x="${r1(sx)}" dy="${i === 0 ? 0 : LINE}">${escapeXml(l)}</tspan>`).join('')}</text>`);
  }
  return out.join('');
}

/**
 * A ring clipped to a rectangle (Sutherland-Hodgman): a country's outline at street scale would
 * otherwise run to millions of pixels off the picture. Edges left along the rectangle lie outside
 * the view when the rectangle is larger than it.
 */
export function clipRing(ring: [number, number][], x0: number, y0: number, x1: number, y1: number): [number, number][] {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  let out = ring;
  for (const [inside, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i += 1) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (out.length === 0) break;
  }
  return out;
}

/** Draws the picture; `land` is the outline (countries), null to draw the sea alone. */
export function mapPicture({ data, colourOf, refOf }: MapPictureInput, land: FeatureCollection | null): MapPicture | null {
  if (data.points.length === 0) return null;
  const { x0, y0, k } = view(data);
  const px = (lat: number, lon: number): [number, number] => {
    const [x, y] = mercator(lat, lon);
    return [(x - x0) * k, (y - y0) * k];
  };
  const north = inverseLat(y0);
  const south = inverseLat(y0 + MAP_HEIGHT / k);
  const west = x0 * 360 - 180;
  const east = (x0 + MAP_WIDTH / k) * 360 - 180;
  const parts: string[] = [];

  // Land: the rings of the countries whose outline reaches into the view, points closer than a pixel dropped.
  const paths: string[] = [];
  for (const f of (land?.features ?? []) as Feature[]) {
    if (!f.geometry) continue;
    for (const ring of ringsOf(f.geometry)) {
      const pts = clipRing(ring.map(([lon, lat]) => px(lat!, lon!)), -20, -20, MAP_WIDTH + 20, MAP_HEIGHT + 20);
      if (pts.length < 3) continue;
      let d = '';
      let last: [number, number] | null = null;
      for (const p of pts) {
        if (last && Math.abs(p[0] - last[0]) < 1 && Math.abs(p[1] - last[1]) < 1) continue;
        d += `${d ? 'L' : 'M'}${r1(p[0])} ${r1(p[1])}`;
        last = p;
      }
      paths.push(`${d}Z`);
    }
  }
  parts.push(`<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#dde7ef"/>`);
  if (paths.length) parts.push(`<path d="${paths.join('')}" fill="#f3f1e7" stroke="#aeb8a6" stroke-width="0.8" fill-rule="evenodd"/>`);

  // Graticule, with its degrees on the left and top edges.
  const step = graticuleStep(east - west);
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const grid: string[] = [];
  const labels: string[] = [];
  for (let i = Math.ceil(south / step); i * step <= north; i += 1) {
    const lat = i * step;
    const y = r1(px(lat, west)[1]);
    grid.push(`M0 ${y}H${MAP_WIDTH}`);
    // Not under the top edge's degrees, nor the scale bar.
    if (y > 30 && y < MAP_HEIGHT - 50) labels.push(`<text x="6" y="${y - 4}">${Math.abs(lat).toFixed(digits)}°${lat < 0 ? 'S' : 'N'}</text>`);
  }
  for (let i = Math.ceil(west / step); i * step <= east; i += 1) {
    const lon = i * step;
    const x = r1(px(north, lon)[0]);
    grid.push(`M${x} 0V${MAP_HEIGHT}`);
    // Not cut off by the right edge.
    if (x < MAP_WIDTH - 60) labels.push(`<text x="${x + 4}" y="16">${Math.abs(lon).toFixed(digits)}°${lon < 0 ? 'W' : 'E'}</text>`);
  }
  parts.push(`<path d="${grid.join('')}" stroke="#7d8b99" stroke-width="0.7" stroke-opacity="0.5" stroke-dasharray="3 4" fill="none"/>`);

  // Links between placed entities, and the dashed routes of those without a place.
  const where = new Map(data.points.map((p) => [p.id, px(p.lat, p.lon)]));
  for (const l of data.lines) {
    const a = where.get(l.source);
    const b = where.get(l.target);
    if (!a || !b) continue;
    parts.push(
      `<line x1="${r1(a[0])}" y1="${r1(a[1])}" x2="${r1(b[0])}" y2="${r1(b[1])}" stroke="${linkMeta(l.type).colour}" stroke-width="1.6" stroke-opacity="0.55"${l.via ? ' stroke-dasharray="6 5"' : ''}/>`,
    );
  }

  // Pins: the type's icon in a ring of the premises' colour. References: one label per group of
  // pins drawn on top of one another (premises in one street), put where it overlaps no other label.
  const icons = new Map<string, string>();
  const pins: string[] = [];
  for (const p of data.points) {
    const [x, y] = where.get(p.id)!;
    if (!icons.has(p.type)) icons.set(p.type, `icon-${icons.size}`);
    pins.push(
      `<g><title>${escapeXml(p.label)}</title><circle cx="${r1(x)}" cy="${r1(y)}" r="12" fill="#fff" stroke="${colourOf(p.id) ?? '#8a94a0'}" stroke-width="3.5"/><use href="#${icons.get(p.type)}" x="${r1(x - 9)}" y="${r1(y - 9)}"/></g>`,
    );
  }
  parts.push(pins.join(''));
  parts.push(`<g class="refs" font-size="12" font-weight="600" fill="#1b2530" stroke="#fff" stroke-width="3" paint-order="stroke">${refLabels(data.points.map((p) => ({ at: where.get(p.id)!, ref: refOf(p.id) })))}</g>`);

  // Degrees on the edges, the corners' coordinates, the scale bar and north.
  const centre = (north + south) / 2;
  const bar = scaleBar((EARTH * Math.cos((centre * Math.PI) / 180)) / (k * 1));
  const by = MAP_HEIGHT - 22;
  parts.push(`<g font-size="12" fill="#3e4c59" stroke="#fff" stroke-width="3" paint-order="stroke">${labels.join('')}</g>`);
  parts.push(
    `<g font-size="12" fill="#1b2530">` +
      `<rect x="10" y="${by - 20}" width="${r1(bar.px + 70)}" height="34" fill="#fff" fill-opacity="0.85" rx="3"/>` +
      `<path d="M18 ${by - 6}V${by}H${r1(18 + bar.px)}V${by - 6}" stroke="#1b2530" stroke-width="2" fill="none"/>` +
      `<text x="${r1(24 + bar.px)}" y="${by + 1}">${bar.label}</text>` +
      `<text x="18" y="${by - 9}" font-size="10" fill="#3e4c59">0</text>` +
      `</g>`,
  );
  const corner = (text: string, x: number, y: number, anchor: string) =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="11" fill="#3e4c59" stroke="#fff" stroke-width="3" paint-order="stroke">${text}</text>`;
  parts.push(corner(`NW ${formatLatLon(north, west)}`, MAP_WIDTH - 8, 34, 'end'));
  parts.push(corner(`SE ${formatLatLon(south, east)}`, MAP_WIDTH - 8, MAP_HEIGHT - 26, 'end'));
  parts.push(corner('Outline: Natural Earth · Web Mercator', MAP_WIDTH - 8, MAP_HEIGHT - 10, 'end'));
  parts.push(
    `<g transform="translate(${MAP_WIDTH - 30} 70)"><path d="M0 -18L8 6L0 1L-8 6Z" fill="#1b2530"/><text y="20" text-anchor="middle" font-size="12" font-weight="700" fill="#1b2530">N</text></g>`,
  );

  const defs = [...icons].map(([type, id]) => `<image id="${id}" width="18" height="18" href="${escapeXml(typeIcon(type as Parameters<typeof typeIcon>[0]))}"/>`).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" ` +
    `font-family="Inter, 'Segoe UI', 'Liberation Sans', Arial, sans-serif"><defs>${defs}</defs>${parts.join('')}</svg>`;
  return { svg, width: MAP_WIDTH, height: MAP_HEIGHT, scale: bar.label, extent: { north, west, south, east } };
}
