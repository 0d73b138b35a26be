import { describe, expect, it } from 'vitest';
import { checkDocument, countVisible, validateName } from './chart.service.ts';
import { idsOf, toStored, toView } from './chart.document.ts';
import type { GraphEdgeOut, GraphNodeOut } from '../entity/entity.mapper.ts';

const grading = { sourceEvaluation: 'RELIABLE', intelligenceAssessment: 'A', handlingCode: 'P', handlingConditions: null, classification: 'OFFICIAL', code: '1-A-P', low: false } as const;
const node = (id: string, o: Partial<GraphNodeOut> = {}): GraphNodeOut => ({
  id, type: 'PERSON', label: `Label of ${id}`, subtitle: null, degree: 3, supernode: false, potentialVictim: false, suspect: false, safeguarded: false,
  riskScore: null, kind: null, grading, recordedAt: null, hops: null, ...o,
});
const edge = (id: string, source: string, target: string): GraphEdgeOut => ({
  id, type: 'WORKS_AT', source, target, role: null, validFrom: null, validTo: null, recordedAt: null, weight: null, count: null, firstAt: null, lastAt: null,
  grading, sourceIds: [], retired: false,
});

/** A document as the workspace used to save it: every node's label, subtitle and grading in it. */
const oldDocument = {
  version: 1,
  elements: {
    nodes: [
      { id: 'person-1', type: 'PERSON', label: 'Andreea Popa', subtitle: 'born 1991-05-21, ROU', degree: 4, supernode: false, grading },
      { id: 'account-9', type: 'BANK_ACCOUNT', label: '40-11-22 12345678', degree: 200, supernode: true, grading },
    ],
    edges: [{ id: 'link-1', type: 'HOLDS_ACCOUNT', source: 'person-1', target: 'account-9', role: 'holder', grading }],
  },
  positions: { 'person-1': { x: 1, y: 2 }, 'account-9': { x: 3, y: 4 }, elsewhere: { x: 0, y: 0 } },
  hidden: ['link-1', 'not-on-chart'],
  pinned: ['account-9'],
  filters: { hiddenEntityTypes: ['VEHICLE'], hiddenLinkTypes: [], from: null, to: null, minSource: null, minAssessment: null, asKnownOn: null, note: 'Andreea Popa' },
  layout: 'fcose',
  style: { edgeLabels: 'hover', caption: 'Andreea Popa' },
  viewport: { zoom: 1.5, pan: { x: 3, y: 4 } },
  notes: 'Andreea Popa, born 1991-05-21',
};

describe('chart rules', () => {
  it('rejects a blank or overlong name and trims the rest', () => {
    expect(() => validateName('  ')).toThrow(/name/);
    expect(() => validateName('x'.repeat(121))).toThrow(/120/);
    expect(validateName('  Op Aidant  ')).toBe('Op Aidant');
  });

  it('accepts only a JSON object as the document', () => {
    expect(() => checkDocument([1])).toThrow(/object/);
    expect(() => checkDocument('x')).toThrow(/object/);
    expect(() => checkDocument({ a: 1 })).not.toThrow();
  });
});

describe('a stored chart keeps ids, positions and styling only', () => {
  it('drops labels, subtitles, gradings and anything else a client sends', () => {
    const stored = toStored(oldDocument);
    expect(stored).toEqual({
      version: 1,
      elements: { nodes: [{ id: 'person-1' }, { id: 'account-9', supernode: true }], edges: [{ id: 'link-1' }] },
      positions: { 'person-1': { x: 1, y: 2 }, 'account-9': { x: 3, y: 4 } },
      hidden: ['link-1'],
      pinned: ['account-9'],
      filters: { hiddenEntityTypes: ['VEHICLE'], hiddenLinkTypes: [], from: null, to: null, minSource: null, minAssessment: null, asKnownOn: null },
      layout: 'fcose',
      style: { edgeLabels: 'hover' },
      viewport: { zoom: 1.5, pan: { x: 3, y: 4 } },
    });
    expect(JSON.stringify(stored)).not.toMatch(/Andreea|1991|12345678|holder/);
    expect(idsOf(stored)).toEqual({ nodeIds: ['person-1', 'account-9'], edgeIds: ['link-1'] });
  });

  it('is unchanged by storing again (the migration may run twice)', () => {
    const once = toStored(oldDocument);
    expect(toStored(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('makes an empty chart of a document that is not a chart', () => {
    expect(toStored({ a: 1 })).toEqual({ version: 1, elements: { nodes: [], edges: [] }, positions: {}, hidden: [], pinned: [] });
    expect(toStored(null).elements.nodes).toEqual([]);
  });
});

describe('opening a chart rebuilds it from what the caller may see', () => {
  const stored = toStored(oldDocument);

  it('takes labels from the entities read now, not from the document', () => {
    const view = toView(stored, { nodes: [node('person-1', { label: 'Protected person 3F2A1B' }), node('account-9', { degree: 250 })], edges: [edge('link-1', 'person-1', 'account-9')] });
    expect(view.elements.nodes.map((n) => [n.id, n.label, n.supernode])).toEqual([
      ['person-1', 'Protected person 3F2A1B', false],
      ['account-9', 'Label of account-9', true],
    ]);
    expect(view.elements.edges.map((e) => e.id)).toEqual(['link-1']);
    expect(view).toMatchObject({ positions: stored.positions, hidden: ['link-1'], pinned: ['account-9'], layout: 'fcose', viewport: stored.viewport });
  });

  it('leaves out an entity the caller may not see everywhere, as an id that does not exist', () => {
    const view = toView(stored, { nodes: [node('person-1')], edges: [] });
    expect(JSON.stringify(view)).not.toContain('account-9');
    expect(JSON.stringify(view)).not.toContain('link-1');
    const missing = toView(toStored({ ...oldDocument, elements: { nodes: [oldDocument.elements.nodes[0]], edges: [] } }), { nodes: [node('person-1')], edges: [] });
    expect(view).toEqual(missing);
  });

  it('draws an entity as a supernode only where it still has that many links in the caller\'s scope', () => {
    const view = toView(stored, { nodes: [node('person-1'), node('account-9', { degree: 40 })], edges: [] });
    expect(view.elements.nodes.find((n) => n.id === 'account-9')?.supernode).toBe(false);
  });

  it('counts in a list only what the caller may see, links with both ends seen', () => {
    const seen = { nodes: [node('person-1'), node('person-2')], edges: [edge('link-1', 'person-1', 'account-9'), edge('link-2', 'person-1', 'person-2')] };
    expect(countVisible({ nodeIds: ['person-1', 'account-9', 'person-2'], edgeIds: ['link-1', 'link-2'] }, seen)).toEqual({ nodeCount: 2, edgeCount: 1 });
    expect(countVisible({ nodeIds: ['person-1'], edgeIds: ['link-2'] }, seen)).toEqual({ nodeCount: 1, edgeCount: 0 });
  });
});
