import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { onDoubleTap } from './useGraphEvents.ts';

// Cytoscape's renderer emits, for each click, `tap` on what is under the pointer, and on the
// second of two clicks within its debounce time also `dbltap`, on the second target.
function click(target: cytoscape.Core | cytoscape.NodeSingular, double = false) {
  target.emit('tap');
  if (double) target.emit('dbltap');
}

describe('onDoubleTap', () => {
  const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }] });
  const a = cy.getElementById('a');
  const b = cy.getElementById('b');

  it('opens a node double-clicked', () => {
    const opened: string[] = [];
    const off = onDoubleTap(cy, (id) => opened.push(id));
    click(a);
    click(a, true);
    expect(opened).toEqual(['a']);
    off();
  });

  it('opens nothing for quick clicks on two nodes, or on the background then a node', () => {
    const opened: string[] = [];
    const off = onDoubleTap(cy, (id) => opened.push(id));
    click(a);
    click(b, true);
    click(cy);
    click(a, true);
    expect(opened).toEqual([]);
    off();
    click(a);
    click(a, true);
    expect(opened).toEqual([]);
  });
});
