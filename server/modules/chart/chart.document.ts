/**
 * A saved chart is a view, not a copy (docs/security.md): what is stored keeps ids, positions
 * and styling only, and every open rebuilds labels and details through the caller's scope and
 * masking. `toStored` is the one place that decides what a stored document may hold: whatever a
 * client sends (an old workspace still sends labels, subtitles, gradings) goes through it, and so
 * does every chart stored before (the 041 data migration). `toView` makes the document a caller
 * receives from the stored one and the entities and links read through their scope.
 * Pure functions; the reads are in chart.repository.ts.
 */
import type { GraphEdgeOut, GraphNodeOut } from '../entity/index.ts';

export type Position = { x: number; y: number };

/** What a chart keeps of an entity: its id, and whether it was drawn as an unexpanded supernode. */
export interface StoredNode {
  id: string;
  supernode?: true;
}

/** The stored document: ids, positions and styling only. */
export interface StoredDocument {
  version: 1;
  elements: { nodes: StoredNode[]; edges: { id: string }[] };
  positions: Record<string, Position>;
  hidden: string[];
  pinned: string[];
  /** The chart's filters (entity and link types, dates, grades): settings, not data. */
  filters?: Record<string, unknown>;
  layout?: string;
  style?: Record<string, unknown>;
  viewport?: { zoom: number; pan: Position } | null;
}

/** The document a caller receives: the stored one with the entities and links they may see. */
export interface ViewDocument extends Omit<StoredDocument, 'elements'> {
  elements: { nodes: GraphNodeOut[]; edges: GraphEdgeOut[] };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const ids = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.filter(isId))] : []);

/** Filter settings: only these keys, each a short string, a list of short strings, or null. */
const FILTER_KEYS = ['hiddenEntityTypes', 'hiddenLinkTypes', 'from', 'to', 'minSource', 'minAssessment', 'asKnownOn'];
const setting = (v: unknown): unknown =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 40) : Array.isArray(v) ? v.filter((x) => typeof x === 'string').map((x: string) => x.slice(0, 40)) : undefined;

function settings(v: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const s = setting(v[k]);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/**
 * Keeps of a document what a chart stores: entity and link ids (an entity's `supernode` flag),
 * positions of its entities, hidden and pinned ids, filters, layout, style and viewport. Labels,
 * subtitles, gradings and anything else a client sent are dropped.
 */
export function toStored(document: unknown): StoredDocument {
  const d = isObject(document) ? document : {};
  const elements = isObject(d.elements) ? d.elements : {};
  const nodes: StoredNode[] = [];
  const seen = new Set<string>();
  for (const n of Array.isArray(elements.nodes) ? elements.nodes : []) {
    const id = isObject(n) ? n.id : undefined;
    if (!isId(id) || seen.has(id)) continue;
    seen.add(id);
    nodes.push(isObject(n) && n.supernode === true ? { id, supernode: true } : { id });
  }
  const edges = ids((Array.isArray(elements.edges) ? elements.edges : []).map((e) => (isObject(e) ? e.id : undefined))).map((id) => ({ id }));
  const positions: Record<string, Position> = {};
  if (isObject(d.positions)) {
    for (const [id, p] of Object.entries(d.positions)) {
      if (seen.has(id) && isObject(p) && isNumber(p.x) && isNumber(p.y)) positions[id] = { x: p.x, y: p.y };
    }
  }
  const onChart = new Set([...seen, ...edges.map((e) => e.id)]);
  const out: StoredDocument = {
    version: 1,
    elements: { nodes, edges },
    positions,
    hidden: ids(d.hidden).filter((id) => onChart.has(id)),
    pinned: ids(d.pinned).filter((id) => seen.has(id)),
  };
  const filters = settings(d.filters, FILTER_KEYS);
  if (filters) out.filters = filters;
  if (typeof d.layout === 'string') out.layout = d.layout.slice(0, 40);
  const style = settings(d.style, ['edgeLabels']);
  if (style) out.style = style;
  if (isObject(d.viewport) && isNumber(d.viewport.zoom) && isObject(d.viewport.pan) && isNumber(d.viewport.pan.x) && isNumber(d.viewport.pan.y)) {
    out.viewport = { zoom: d.viewport.zoom, pan: { x: d.viewport.pan.x, y: d.viewport.pan.y } };
  } else if (d.viewport === null) out.viewport = null;
  return out;
}

/** The entity and link ids a stored document refers to, for the reads and for counting. */
export function idsOf(stored: StoredDocument): { nodeIds: string[]; edgeIds: string[] } {
  return { nodeIds: stored.elements.nodes.map((n) => n.id), edgeIds: stored.elements.edges.map((e) => e.id) };
}

/** Above this many links an entity not expanded on the chart is drawn as a supernode (graph.args LIMITS.supernode.default). */
const SUPERNODE_DEGREE = 100;

/**
 * The document a caller receives: the stored settings, with the entities and links read through
 * their scope. Whatever the caller may not see is gone from every part of it (elements,
 * positions, hidden and pinned ids), exactly as an id no longer in the store.
 */
export function toView(stored: StoredDocument, seen: { nodes: readonly GraphNodeOut[]; edges: readonly GraphEdgeOut[] }): ViewDocument {
  const found = new Map(seen.nodes.map((n) => [n.id, n]));
  const supernodes = new Set(stored.elements.nodes.filter((n) => n.supernode).map((n) => n.id));
  const nodes = stored.elements.nodes
    .map((n) => found.get(n.id))
    .filter((n): n is GraphNodeOut => n !== undefined)
    .map((n) => ({ ...n, supernode: supernodes.has(n.id) && n.degree > SUPERNODE_DEGREE }));
  const wanted = new Set(stored.elements.edges.map((e) => e.id));
  const visible = new Set(nodes.map((n) => n.id));
  const edges = seen.edges.filter((e) => wanted.has(e.id) && visible.has(e.source) && visible.has(e.target));
  const shown = new Set([...visible, ...edges.map((e) => e.id)]);
  return {
    ...stored,
    elements: { nodes, edges },
    positions: Object.fromEntries(Object.entries(stored.positions).filter(([id]) => visible.has(id))),
    hidden: stored.hidden.filter((id) => shown.has(id)),
    pinned: stored.pinned.filter((id) => visible.has(id)),
  };
}
