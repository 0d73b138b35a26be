/** Test factories with overrides for the client's graph types. */
import type { GraphEdge, GraphNode, Grading } from '../model/types.ts';

export const grading = (o: Partial<Grading> = {}): Grading => ({
  code: '2-B-P',
  low: false,
  sourceEvaluation: 'UNTESTED',
  intelligenceAssessment: 'B',
  handlingCode: 'P',
  handlingConditions: null,
  classification: 'OFFICIAL',
  ...o,
});

export const aNode = (o: Partial<GraphNode> = {}): GraphNode => ({
  id: 'person-000001',
  type: 'PERSON',
  label: 'Ana DUMITRU',
  subtitle: null,
  degree: 2,
  supernode: false,
  potentialVictim: false,
  suspect: false,
  safeguarded: false,
  riskScore: null,
  kind: null,
  grading: grading(),
  ...o,
});

export const anEdge = (o: Partial<GraphEdge> = {}): GraphEdge => ({
  id: 'link-works_at-000001',
  type: 'WORKS_AT',
  source: 'person-000001',
  target: 'premises-000001',
  role: null,
  validFrom: null,
  validTo: null,
  recordedAt: '2024-06-01T10:00:00Z',
  weight: null,
  grading: grading(),
  ...o,
});
