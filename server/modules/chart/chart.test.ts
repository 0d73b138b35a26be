import { describe, expect, it } from 'vitest';
import { countElements, serialiseDocument, validateName } from './chart.service.ts';

describe('chart rules', () => {
  it('counts the nodes and edges of a workspace document', () => {
    expect(countElements({ elements: { nodes: [{}, {}], edges: [{}] } })).toEqual({ nodeCount: 2, edgeCount: 1 });
    expect(countElements({})).toEqual({ nodeCount: 0, edgeCount: 0 });
  });

  it('rejects a blank or overlong name and trims the rest', () => {
    expect(() => validateName('  ')).toThrow(/name/);
    expect(() => validateName('x'.repeat(121))).toThrow(/120/);
    expect(validateName('  Op Aidant  ')).toBe('Op Aidant');
  });

  it('accepts only a JSON object as the document', () => {
    expect(() => serialiseDocument([1])).toThrow(/object/);
    expect(() => serialiseDocument('x')).toThrow(/object/);
    expect(serialiseDocument({ a: 1 })).toBe('{"a":1}');
  });
});
