/**
 * The chart document: what is on the chart (entities, links, positions, hidden and pinned
 * elements, filters, layout and style choices). Immutable; every operation returns a new one
 * and goes on the undo stack. What is saved on the server is a view of it (`toStoredDocument`):
 * ids, positions and styling only; the server reads the entities again through each reader's
 * scope and masking when the chart is opened, and sends back a `SavedDocument` (docs/security.md).
 */
import type { Graph, GraphEdge, GraphNode, Position } from '../model/types.ts';
import { NO_FILTERS, type Filters } from '../../../server/kernel/filters.ts';
import { centroidOf, placeAround, placeBeside, placeBetween } from '../graph/placement.ts';

export const LAYOUTS = ['fcose', 'concentric', 'dagre', 'circle', 'grid'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const LAYOUT_NAMES: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric by degree',
  dagre: 'Hierarchy',
  circle: 'Circle',
  grid: 'Grid',
};

export interface ChartStyle {
  edgeLabels: 'always' | 'hover';
}

export interface ChartDoc {
  nodes: Readonly<Record<string, GraphNode>>;
  edges: Readonly<Record<string, GraphEdge>>;
  positions: Readonly<Record<string, Position>>;
  hidden: readonly string[];
  pinned: readonly string[];
  filters: Filters;
  layout: LayoutName;
  style: ChartStyle;
}

export interface Viewport {
  zoom: number;
  pan: Position;
}

/** A chart as the server sends it when opened (and as the workspace exports it as JSON). */
export interface SavedDocument {
  version: 1;
  elements: { nodes: GraphNode[]; edges: GraphEdge[] };
  positions: Record<string, Position>;
  hidden: string[];
  pinned: string[];
  filters: Filters;
  layout: LayoutName;
  style: ChartStyle;
  viewport: Viewport | null;
}

export const EMPTY_DOC: ChartDoc = {
  nodes: {},
  edges: {},
  positions: {},
  hidden: [],
  pinned: [],
  filters: NO_FILTERS,
  layout: 'fcose',
  style: { edgeLabels: 'hover' },
};

export const nodeCount = (d: ChartDoc): number => Object.keys(d.nodes).length;
export const edgeCount = (d: ChartDoc): number => Object.keys(d.edges).length;
export const elementCount = (d: ChartDoc): number => nodeCount(d) + edgeCount(d);

export type Placement =
  | { kind: 'around'; parent: string }
  | { kind: 'between'; from: string; to: string }
  | { kind: 'beside' };

/**
 * Adds a graph to the chart. Entities already on it keep their positions (their data is
 * refreshed); new ones are placed by `placement`. Hidden entities that come back are shown.
 */
export function addGraph(doc: ChartDoc, graph: Pick<Graph, 'nodes' | 'edges'>, placement: Placement = { kind: 'beside' }): ChartDoc {
  const nodes: Record<string, GraphNode> = { ...doc.nodes };
  const edges: Record<string, GraphEdge> = { ...doc.edges };
  const fresh: string[] = [];
  for (const n of graph.nodes) {
    if (!nodes[n.id]) fresh.push(n.id);
    const prev = nodes[n.id];
    // A node fetched as a neighbour is marked supernode; once it is on the chart its own data wins.
    nodes[n.id] = prev && prev.supernode === false && n.supernode ? { ...n, supernode: false } : n;
  }
  for (const e of graph.edges) edges[e.id] = e;
  const positions: Record<string, Position> = { ...doc.positions };
  const existing = Object.values(doc.positions);
  let placed: Position[];
  if (placement.kind === 'around' && positions[placement.parent]) {
    const others = Object.entries(doc.positions).filter(([id]) => id !== placement.parent).map(([, p]) => p);
    placed = placeAround(positions[placement.parent]!, fresh.length, centroidOf(others));
  } else if (placement.kind === 'between' && positions[placement.from] && positions[placement.to]) {
    placed = placeBetween(positions[placement.from]!, positions[placement.to]!, fresh.length);
  } else {
    placed = placeBeside(existing, fresh.length);
  }
  fresh.forEach((id, i) => {
    positions[id] = placed[i]!;
  });
  const incoming = new Set(graph.nodes.map((n) => n.id));
  const hidden = doc.hidden.filter((id) => !incoming.has(id));
  return { ...doc, nodes, edges, positions, hidden };
}

/**
 * Adds links read after the entities they join: those whose two ends are on the chart and that
 * are not on it yet. The same document when there is none, so a state without those entities
 * (an earlier step in the history) is left as it was.
 */
export function addLinks(doc: ChartDoc, links: readonly GraphEdge[]): ChartDoc {
  const fresh = links.filter((e) => !doc.edges[e.id] && doc.nodes[e.source] && doc.nodes[e.target]);
  if (fresh.length === 0) return doc;
  const edges: Record<string, GraphEdge> = { ...doc.edges };
  for (const e of fresh) edges[e.id] = e;
  return { ...doc, edges };
}

/** Removes entities (with their links) and links. */
export function removeElements(doc: ChartDoc, ids: Iterable<string>): ChartDoc {
  const gone = new Set(ids);
  if (gone.size === 0) return doc;
  const nodes = Object.fromEntries(Object.entries(doc.nodes).filter(([id]) => !gone.has(id)));
  const edges = Object.fromEntries(
    Object.entries(doc.edges).filter(([id, e]) => !gone.has(id) && !gone.has(e.source) && !gone.has(e.target)),
  );
  const positions = Object.fromEntries(Object.entries(doc.positions).filter(([id]) => !gone.has(id)));
  const keep = (id: string) => !gone.has(id);
  return { ...doc, nodes, edges, positions, hidden: doc.hidden.filter(keep), pinned: doc.pinned.filter(keep) };
}

export function hide(doc: ChartDoc, ids: Iterable<string>): ChartDoc {
  const set = new Set([...doc.hidden, ...ids]);
  return set.size === doc.hidden.length ? doc : { ...doc, hidden: [...set] };
}

export function showAll(doc: ChartDoc): ChartDoc {
  return doc.hidden.length === 0 ? doc : { ...doc, hidden: [] };
}

export function setPinned(doc: ChartDoc, ids: Iterable<string>, pinned: boolean): ChartDoc {
  const set = new Set(doc.pinned);
  for (const id of ids) {
    if (pinned) set.add(id);
    else set.delete(id);
  }
  return { ...doc, pinned: [...set] };
}

/** Merges positions; returns the same document when nothing moved. */
export function setPositions(doc: ChartDoc, moved: Readonly<Record<string, Position>>): ChartDoc {
  let changed = false;
  const positions: Record<string, Position> = { ...doc.positions };
  for (const [id, p] of Object.entries(moved)) {
    if (!doc.nodes[id]) continue;
    const q = positions[id];
    if (!q || Math.abs(q.x - p.x) > 0.01 || Math.abs(q.y - p.y) > 0.01) {
      positions[id] = { x: p.x, y: p.y };
      changed = true;
    }
  }
  return changed ? { ...doc, positions } : doc;
}

export function setFilters(doc: ChartDoc, filters: Filters): ChartDoc {
  return { ...doc, filters };
}

export function setLayout(doc: ChartDoc, layout: LayoutName): ChartDoc {
  return { ...doc, layout };
}

export function toSaved(doc: ChartDoc, viewport: Viewport | null): SavedDocument {
  return {
    version: 1,
    elements: { nodes: Object.values(doc.nodes), edges: Object.values(doc.edges) },
    positions: { ...doc.positions },
    hidden: [...doc.hidden],
    pinned: [...doc.pinned],
    filters: doc.filters,
    layout: doc.layout,
    style: doc.style,
    viewport,
  };
}

/**
 * What the workspace sends to be saved: entity and link ids (and whether an entity is drawn as an
 * unexpanded supernode), positions and styling. No label, subtitle or grading: the server drops
 * them anyway, and a saved chart is re-read in the scope of whoever opens it.
 */
export interface StoredDocument extends Omit<SavedDocument, 'elements'> {
  elements: { nodes: { id: string; supernode?: true }[]; edges: { id: string }[] };
}

export function toStoredDocument(doc: ChartDoc, viewport: Viewport | null): StoredDocument {
  const saved = toSaved(doc, viewport);
  return {
    ...saved,
    elements: {
      nodes: saved.elements.nodes.map((n) => (n.supernode ? { id: n.id, supernode: true } : { id: n.id })),
      edges: saved.elements.edges.map((e) => ({ id: e.id })),
    },
  };
}

export function fromSaved(saved: SavedDocument): { doc: ChartDoc; viewport: Viewport | null } {
  if (!saved || saved.version !== 1 || !saved.elements) throw new Error('This chart was saved in a format this workspace does not read.');
  // Entities saved without a position (an imported chart) go on a grid beside the rest.
  const positions: Record<string, Position> = { ...(saved.positions ?? {}) };
  const unplaced = saved.elements.nodes.filter((n) => !positions[n.id]);
  placeBeside(Object.values(positions), unplaced.length).forEach((p, i) => {
    positions[unplaced[i]!.id] = p;
  });
  return {
    doc: {
      nodes: Object.fromEntries(saved.elements.nodes.map((n) => [n.id, n])),
      edges: Object.fromEntries(saved.elements.edges.map((e) => [e.id, e])),
      positions,
      hidden: saved.hidden ?? [],
      pinned: saved.pinned ?? [],
      filters: { ...NO_FILTERS, ...saved.filters },
      layout: saved.layout ?? 'fcose',
      style: saved.style ?? EMPTY_DOC.style,
    },
    viewport: saved.viewport ?? null,
  };
}

/** Links on the chart touching a node. */
export function linksOf(doc: ChartDoc, id: string): GraphEdge[] {
  return Object.values(doc.edges).filter((e) => e.source === id || e.target === id);
}
