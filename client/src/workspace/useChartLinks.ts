/**
 * Every link among what is on the chart is drawn. Whatever put entities on the chart (a search,
 * an expansion, paths, networks, an analysis, opening a chart, undo, redo), the links between
 * them and everything already there are read in one request (`linksAmong`) and added to the same
 * undo step (`amend`), within the caller's scope and the chart's grade and "as known on"
 * filters. When those filters change (turned off, say), the links among the whole chart are
 * read again. One mechanism, watching the chart document, so no command has to remember it.
 */
import { useLayoutEffect, useRef } from 'react';
import * as api from '../api/operations.ts';
import { addLinks, type ChartDoc } from '../state/chartDoc.ts';
import type { ChartState } from '../state/useChart.ts';
import type { Messages } from './useMessages.ts';

/** What the last read covered: the document it was made for, which opened chart, which filter. */
export interface LinksSeen {
  doc: ChartDoc;
  opened: number;
  filterKey: string;
}

export interface LinksRead {
  /** The entities whose links are read: the new ones, or all of them. */
  ids: string[];
  /** The other ends: everything on the chart (absent when `ids` is all of it). */
  among?: string[];
  filter: api.LinkFilterInput;
}

/**
 * Which links to read for a chart document, given what the last read covered: the links of the
 * entities that were not on the chart before; of all of them for a newly opened chart or a
 * changed filter; nothing when no entity arrived.
 */
export function linksToRead(prev: LinksSeen | null, doc: ChartDoc, opened: number): { read: LinksRead | null; seen: LinksSeen } {
  const filter = api.linkFilterFrom(doc.filters);
  const seen: LinksSeen = { doc, opened, filterKey: JSON.stringify(filter) };
  const all = Object.keys(doc.nodes);
  const whole = !prev || prev.opened !== opened || prev.filterKey !== seen.filterKey;
  const ids = whole ? all : all.filter((id) => !prev.doc.nodes[id]);
  if (ids.length === 0 || all.length < 2) return { read: null, seen };
  return { read: ids.length === all.length ? { ids, filter } : { ids, among: all, filter }, seen };
}

export function useChartLinks(chart: Pick<ChartState, 'doc' | 'opened' | 'amend'>, task: Messages['task']): void {
  const seen = useRef<LinksSeen | null>(null);
  const { doc, opened, amend } = chart;
  // A layout effect: the read is under way (the workspace busy) before the browser paints the
  // entities without their links, so nothing waiting for an idle chart sees it half drawn.
  useLayoutEffect(() => {
    const { read, seen: next } = linksToRead(seen.current, doc, opened);
    seen.current = next;
    if (!read) return;
    void task('Drawing the links among the chart’s entities', () => api.linksAmong(read)).then((links) => {
      if (links && links.length > 0) amend((d) => addLinks(d, links));
    });
  }, [doc, opened, amend, task]);
}
