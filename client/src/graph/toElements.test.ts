import { describe, expect, it } from 'vitest';
import { aNode, anEdge, grading } from '../testing/factories.ts';
import { edgeDisplay, edgeWidth, toElements } from './toElements.ts';

describe('toElements', () => {
  it('maps entities to nodes with their type class, image and saved position', () => {
    const [el] = toElements([aNode({ potentialVictim: true })], [], { 'person-000001': { x: 10, y: 20 } });
    expect(el!.group).toBe('nodes');
    expect(el!.position).toEqual({ x: 10, y: 20 });
    expect(el!.classes).toEqual(expect.arrayContaining(['t-PERSON', 'victim']));
    expect(String((el!.data as { image: string }).image)).toMatch(/^data:image\/svg\+xml/);
  });

  it('draws low-grade links dashed (class low) and directed links with arrows', () => {
    const els = toElements(
      [aNode(), aNode({ id: 'premises-000001', type: 'PREMISES', label: 'Lotus Spa' })],
      [anEdge({ grading: grading({ low: true, code: '3-D-P' }) })],
    );
    const edge = els.find((e) => e.group === 'edges')!;
    expect(edge.classes).toEqual(expect.arrayContaining(['l-WORKS_AT', 'low', 'directed']));
  });

  it('leaves out links whose other end is not on the chart', () => {
    expect(toElements([aNode()], [anEdge()]).filter((e) => e.group === 'edges')).toHaveLength(0);
  });

  it('widens links by call count on a log scale, capped', () => {
    expect(edgeWidth(null)).toBe(1.5);
    expect(edgeWidth(8)).toBeGreaterThan(edgeWidth(2));
    expect(edgeWidth(1e9)).toBe(9);
  });

  it('labels links by verb, role and call count', () => {
    expect(edgeDisplay({ type: 'ASSOCIATE_OF', role: 'CONTROLS', weight: null })).toBe('associate of (controls)');
    expect(edgeDisplay({ type: 'CALLED', role: null, weight: 143 })).toBe('called ×143');
  });

  it('shows a supernode with its degree under the label', () => {
    const [el] = toElements([aNode({ supernode: true, degree: 412, label: '07700 900123' })], []);
    expect((el!.data as { display: string }).display).toBe('07700 900123\n412 links');
    expect(el!.classes).toContain('supernode');
  });
});
