/**
 * The Cytoscape stylesheet, built from the type metadata. View state (hidden, filtered,
 * faded, highlighted, hover) is expressed only as classes styled here.
 */
import type { StylesheetJson } from 'cytoscape';
import { ENTITY_META, LINK_META } from '../model/meta.ts';

export const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif';
const INK = '#1f2933';
const SELECT = '#1565c0';

export interface StyleOptions {
  /** Draw link labels always (small charts) or only on hover and selection. */
  edgeLabels: 'always' | 'hover';
  /**
   * A large chart (WebGL renderer): plain coloured discs with role borders instead of icons,
   * straight links without arrows, and entity labels only when `labels` is set (zoomed in) or
   * for the selected, hovered and highlighted. Each of these costs per element per frame.
   */
  large?: boolean;
  /** With `large`: draw every entity's label (the chart is zoomed in far enough to read them). */
  labels?: boolean;
}

/** Styles a large chart keeps per element; see StyleOptions.large. */
function largeRules(o: StyleOptions): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-image': 'none',
        width: 22,
        height: 22,
        label: o.labels ? 'data(display)' : '',
        'text-background-opacity': 0,
        'text-outline-color': '#ffffff',
        'text-outline-width': 0,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node.supernode', style: { width: 30, height: 30 } },
    // Lighter links, so that the entities stand out when thousands are in view.
    { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', opacity: 0.6, label: '' } },
    { selector: 'edge.directed', style: { 'target-arrow-shape': 'none' } },
    { selector: 'edge.low', style: { 'line-style': 'solid', opacity: 0.6 } },
  ];
}

/** Labels a large chart still draws when the others are off. */
const LARGE_LABELS: StylesheetJson = [{ selector: 'node:selected, node.highlighted, node.hover', style: { label: 'data(display)', 'text-background-opacity': 0.85 } }];

export function buildStylesheet(o: StyleOptions = { edgeLabels: 'hover' }): StylesheetJson {
  const s: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: 34,
        height: 34,
        shape: 'ellipse',
        'background-color': '#888',
        'background-image': 'data(image)',
        'background-fit': 'contain',
        'background-clip': 'none',
        'background-image-containment': 'over',
        'background-width': '140%',
        'background-height': '140%',
        'bounds-expansion': 8,
        'border-width': 0,
        'border-color': '#fff',
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 10,
        color: INK,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '112px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.82,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 8,
        'overlay-padding': 4,
      },
    },
    // Every type the workspace knows: the core's and those the server's model adds (installModel).
    ...Object.entries(ENTITY_META).map(([t, m]) => ({ selector: `node.t-${t}`, style: { 'background-color': m.colour } })),
    { selector: 'node.victim', style: { 'border-width': 3, 'border-color': '#e0a100' } },
    { selector: 'node.suspect', style: { 'border-width': 3, 'border-color': '#c62828' } },
    { selector: 'node.supernode', style: { width: 44, height: 44, 'border-width': 3, 'border-style': 'double', 'border-color': '#56606b', 'font-weight': 'bold' } },
    { selector: 'node.low', style: { 'background-opacity': 0.7 } },
    { selector: 'node.pinned', style: { 'outline-width': 2, 'outline-color': '#56606b', 'outline-style': 'dotted', 'outline-offset': 2 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': '#9aa5b1',
        'curve-style': 'bezier',
        'target-arrow-shape': 'none',
        'arrow-scale': 0.8,
        'font-family': FONT,
        'font-size': 9,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
        label: o.edgeLabels === 'always' ? 'data(display)' : '',
        opacity: 0.9,
      },
    },
    ...Object.entries(LINK_META).map(([type, m]) => ({
      selector: `edge.l-${type}`,
      style: { 'line-color': m.colour, 'target-arrow-color': m.colour },
    })),
    { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle' } },
    { selector: 'edge.strong', style: { 'line-color': '#b03a3a', 'target-arrow-color': '#b03a3a' } },
    { selector: 'edge.low', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], opacity: 0.75 } },
    ...(o.large ? largeRules(o) : []),
    { selector: 'edge:selected, edge.hover', style: { label: 'data(display)', 'z-index': 10 } },
    { selector: 'node:selected', style: { 'overlay-color': SELECT, 'overlay-opacity': 0.18, 'border-width': 3, 'border-color': SELECT } },
    { selector: 'edge:selected', style: { 'overlay-color': SELECT, 'overlay-opacity': 0.18 } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.3 } },
    { selector: 'edge.faded', style: { opacity: 0.08 } },
    { selector: 'node.highlighted', style: { 'overlay-color': '#ff9800', 'overlay-opacity': 0.25, 'overlay-padding': 7, 'z-index': 20 } },
    { selector: 'edge.highlighted', style: { width: 4, 'line-color': '#ef8a00', 'target-arrow-color': '#ef8a00', opacity: 1, 'z-index': 20 } },
    { selector: '.dim', style: { opacity: 0.22, 'text-opacity': 0.25 } },
    { selector: 'node.hover', style: { 'overlay-color': '#607d8b', 'overlay-opacity': 0.14 } },
    ...(o.large ? LARGE_LABELS : []),
    { selector: '.hidden, .filtered', style: { display: 'none' } },
  ];
  return s;
}
