import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import cytoscape from 'cytoscape';
import { applyStyle, LARGE_LABEL_ZOOM, SETTLE_MS } from './useGraphStyle.ts';

function chart() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { data: { id: 'a', display: 'Alpha', image: 'none' }, classes: 't-PERSON' },
      { data: { id: 'b', display: 'Bravo', image: 'none' }, classes: 't-PHONE' },
      { data: { id: 'ab', source: 'a', target: 'b', width: 1, display: 'uses' }, classes: 'l-USES_PHONE directed' },
    ],
  });
}

describe('the chart style', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws labels, icons and arrows on a small chart at any zoom', () => {
    const cy = chart();
    cy.zoom(0.1);
    applyStyle(cy, 'hover', false);
    expect(cy.$id('a').style('label')).toBe('Alpha');
    expect(cy.$id('ab').style('curve-style')).toBe('bezier');
    cy.destroy();
  });

  it('on a large chart, draws straight links and entity labels only when zoomed in', () => {
    const cy = chart();
    cy.zoom(LARGE_LABEL_ZOOM / 2);
    const detach = applyStyle(cy, 'hover', true);
    expect(cy.$id('a').style('label')).toBe('');
    expect(cy.$id('ab').style('curve-style')).toBe('haystack');
    expect(cy.$id('ab').style('target-arrow-shape')).toBe('none');
    cy.zoom(LARGE_LABEL_ZOOM * 1.5);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(cy.$id('a').style('label')).toBe('Alpha');
    // The selected entity keeps its label when zoomed out again.
    cy.$id('b').select();
    cy.zoom(LARGE_LABEL_ZOOM / 2);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(cy.$id('a').style('label')).toBe('');
    expect(cy.$id('b').style('label')).toBe('Bravo');
    detach();
    cy.zoom(LARGE_LABEL_ZOOM * 1.5);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(cy.$id('a').style('label')).toBe('');
    cy.destroy();
  });

  it('on a large chart, does not restyle while the zoom is moving: labels switch once it has been still', () => {
    const cy = chart();
    cy.zoom(LARGE_LABEL_ZOOM / 2);
    const detach = applyStyle(cy, 'hover', true);
    // A wheel zoom across the threshold, one notch every 30 ms.
    for (let z = LARGE_LABEL_ZOOM / 2; z < LARGE_LABEL_ZOOM * 2; z *= 1.15) {
      cy.zoom(z);
      vi.advanceTimersByTime(30);
      expect(cy.$id('a').style('label')).toBe('');
    }
    vi.advanceTimersByTime(SETTLE_MS);
    expect(cy.$id('a').style('label')).toBe('Alpha');
    detach();
    cy.destroy();
  });
});
