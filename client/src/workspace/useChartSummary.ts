/** What the panels show about the chart document: counts by type, what the filters hide, the selection. */
import { useMemo } from 'react';
import { filteredIds } from '../../../server/kernel/filters.ts';
import { linkMeta, entityMeta } from '../model/meta.ts';
import { ENTITY_TYPES, type EntityType } from '../model/types.ts';
import type { ChartDoc } from '../state/chartDoc.ts';

export function useChartSummary(doc: ChartDoc, selection: string[]) {
  const filtered = useMemo(() => filteredIds(Object.values(doc.nodes), Object.values(doc.edges), doc.filters), [doc.nodes, doc.edges, doc.filters]);
  const onChart = useMemo(() => new Set(Object.keys(doc.nodes)), [doc.nodes]);
  const edgesList = useMemo(() => Object.values(doc.edges), [doc.edges]);
  const typeCounts = useMemo(() => {
    const m = new Map<EntityType, number>();
    for (const n of Object.values(doc.nodes)) m.set(n.type, (m.get(n.type) ?? 0) + 1);
    return new Map(ENTITY_TYPES.filter((t) => m.has(t)).map((t) => [t, m.get(t)!]));
  }, [doc.nodes]);
  const linkCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const e of edgesList) m.set(e.type, (m.get(e.type) ?? 0) + 1);
    return new Map([...m].sort((a, b) => linkMeta(a[0]).verb.localeCompare(linkMeta(b[0]).verb)));
  }, [edgesList]);
  const selectionSummary = useMemo(() => {
    const m = new Map<string, number>();
    for (const id of selection) {
      const n = doc.nodes[id];
      const k = n ? entityMeta(n.type).plural : 'links';
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m];
  }, [selection, doc.nodes]);
  const only = selection.length === 1 ? selection[0]! : null;
  const node = only ? (doc.nodes[only] ?? null) : null;
  const edge = only ? (doc.edges[only] ?? null) : null;
  return { filtered, onChart, edgesList, typeCounts, linkCounts, selectionSummary, selectedNode: node, selectedEdge: edge };
}
