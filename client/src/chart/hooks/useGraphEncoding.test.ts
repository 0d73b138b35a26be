import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { applyEncoding } from './useGraphEncoding.ts';
import { buildStylesheet } from '../../graph/stylesheet.ts';
import { toElements } from '../../graph/toElements.ts';
import { aNode } from '../../testing/factories.ts';

function chart() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet(),
    elements: toElements([aNode({ id: 'a' }), aNode({ id: 'b', type: 'PREMISES' })], []),
  });
}

describe('applyEncoding', () => {
  it('sizes and colours the encoded nodes and gives the stylesheet back when turned off', () => {
    const cy = chart();
    const before = cy.getElementById('a').style('background-color');
    applyEncoding(cy, new Map([['a', { width: 60, height: 60, 'background-color': '#e15759' }]]));
    expect(cy.getElementById('a').style('width')).toBe('60px');
    expect(cy.getElementById('a').style('background-color')).toBe('rgb(225,87,89)');
    expect(cy.getElementById('b').style('width')).toBe('34px');
    applyEncoding(cy, null);
    expect(cy.getElementById('a').style('width')).toBe('34px');
    expect(cy.getElementById('a').style('background-color')).toBe(before);
    expect(cy.getElementById('a').data('label')).toBe('Ana DUMITRU');
  });
});
