/**
 * Size and colour by a network metric, or colour by community: a pure mapping from the
 * analytics answer to per-node styles. The chart applies them as view state (style bypasses in
 * one batch, useGraphEncoding), so the chart document and the element data never change.
 */
import { nodeImage } from '../graph/icons.ts';
import { RISK_BADGE_THRESHOLD } from '../graph/toElements.ts';
import type { GraphNode } from '../model/types.ts';
import type { NodeMetrics } from './api.ts';

export type Metric = 'degree' | 'betweenness' | 'pageRank';
export type SizeBy = 'none' | Metric;
export type ColourBy = 'type' | 'community' | Metric;

export const METRIC_NAMES: Record<Metric, string> = { degree: 'Degree', betweenness: 'Betweenness', pageRank: 'PageRank' };

/** Twelve community colours (Tableau 10 plus two), distinguishable and readable behind white glyphs. */
export const COMMUNITY_PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#7f6df2', '#2f9e8f', '#c4513b',
] as const;
/** Communities past the palette share one grey: the legend says so. */
export const OTHER_COMMUNITY = '#9aa5b1';

/** A sequential scale from pale blue to deep purple-red (low to high). */
const RAMP: [number, number, number][] = [
  [0x9e, 0xc3, 0xe6],
  [0x5b, 0x8f, 0xc7],
  [0x7b, 0x4f, 0xa8],
  [0xb0, 0x2a, 0x5a],
];

export const MIN_SIZE = 22;
export const MAX_SIZE = 70;

export interface Encoding {
  sizeBy: SizeBy;
  colourBy: ColourBy;
  metrics: ReadonlyMap<string, NodeMetrics>;
}

export interface NodeStyle {
  width?: number;
  height?: number;
  'background-color'?: string;
  'background-image'?: string;
}

export function communityColour(community: number): string {
  return COMMUNITY_PALETTE[community] ?? OTHER_COMMUNITY;
}

/** A colour on the ramp for t in [0, 1]. */
export function rampColour(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [RAMP[i]!, RAMP[i + 1]!];
  const hex = (k: number) => Math.round(a[k]! + (b[k]! - a[k]!) * f).toString(16).padStart(2, '0');
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

/**
 * Where each value sits between the smallest and largest on the chart, on a square-root scale
 * (centrality is heavy-tailed: a linear scale makes all but one node look the same).
 */
export function normalise(values: ReadonlyMap<string, number>): Map<string, number> {
  const xs = [...values.values()];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const out = new Map<string, number>();
  for (const [id, v] of values) out.set(id, hi > lo ? Math.sqrt((v - lo) / (hi - lo)) : 0.5);
  return out;
}

/** The styles each analysed node gets; nodes not analysed keep the stylesheet's. */
export function nodeStyles(e: Encoding): Map<string, NodeStyle> {
  const out = new Map<string, NodeStyle>();
  if (e.metrics.size === 0 || (e.sizeBy === 'none' && e.colourBy === 'type')) return out;
  const of = (m: Metric) => normalise(new Map([...e.metrics].map(([id, x]) => [id, x[m]])));
  const size = e.sizeBy === 'none' ? null : of(e.sizeBy);
  const colour = e.colourBy === 'type' || e.colourBy === 'community' ? null : of(e.colourBy);
  for (const [id, m] of e.metrics) {
    const s: NodeStyle = {};
    if (size) {
      const px = Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * size.get(id)!);
      s.width = px;
      s.height = px;
    }
    if (e.colourBy === 'community') s['background-color'] = communityColour(m.community);
    else if (colour) s['background-color'] = rampColour(colour.get(id)!);
    out.set(id, s);
  }
  return out;
}

/** What the flagged list says about an entity, for its badges. */
export interface FlagBadges {
  indicator: boolean;
  riskCombination: boolean;
}

/**
 * Node images with the indicator badge (and the risk badge for a combination of risk factors)
 * for flagged entities on the chart; others keep the image their data gives them.
 */
export function badgeStyles(nodes: readonly GraphNode[], flags: ReadonlyMap<string, FlagBadges>): Map<string, NodeStyle> {
  const out = new Map<string, NodeStyle>();
  for (const n of nodes) {
    const f = flags.get(n.id);
    if (!f || (!f.indicator && !f.riskCombination)) continue;
    const image = nodeImage(n.type, {
      potentialVictim: n.potentialVictim,
      suspect: n.suspect,
      safeguarded: n.safeguarded,
      risk: (n.riskScore ?? 0) >= RISK_BADGE_THRESHOLD || f.riskCombination,
      indicator: f.indicator,
    });
    out.set(n.id, { 'background-image': image });
  }
  return out;
}

/** Metric styles and badges together, one style per node. */
export function mergeStyles(...maps: (ReadonlyMap<string, NodeStyle> | null)[]): Map<string, NodeStyle> | null {
  const out = new Map<string, NodeStyle>();
  for (const m of maps) if (m) for (const [id, s] of m) out.set(id, { ...out.get(id), ...s });
  return out.size ? out : null;
}
