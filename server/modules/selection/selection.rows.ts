/**
 * Rows read for a selection as an export and a briefing show them: the grading in the 3x5x2
 * words, an entity's own properties (Lantern's bookkeeping left out), and a link with its type's
 * verb, direction, colour and declared properties.
 */
import type { Row } from '../../db/gateway.ts';
import { toGrading, toGraphEdge } from '../entity/index.ts';
import { activeRegistry } from '../../model/registry/registry.ts';
import type { PropertyValue, SelectedLink, SelectionGrading } from './selection.types.ts';

export function grading(row: Row): SelectionGrading {
  const g = toGrading(row);
  const se = ({ RELIABLE: 1, UNTESTED: 2, NOT_RELIABLE: 3 } as const)[g.sourceEvaluation];
  return {
    sourceEvaluation: se,
    intelligenceAssessment: g.intelligenceAssessment,
    handlingCode: g.handlingCode,
    handlingConditions: g.handlingConditions,
    classification: g.classification === 'OFFICIAL_SENSITIVE' ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
    code: g.code,
    low: g.low,
  };
}

/** Lantern's bookkeeping, kept apart from an entity's own properties. */
const NOT_OWN = new Set([
  'id', 'type', 'label', 'searchText', 'sourceIds', 'sourceEvaluation', 'intelligenceAssessment', 'handlingCode', 'handlingConditions',
  'classification', 'recordedAt', 'updatedAt', 'retired', 'retiredAt', 'retiredReason', 'synthetic', 'degree', 'postcodeCompact', 'masked',
  'potentialVictim', 'suspect', 'safeguarded', 'resolvedId', 'subtitle', 'cardKind',
]);

export function ownProperties(row: Row, masked: boolean): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [k, v] of Object.entries(row)) {
    if (NOT_OWN.has(k) || v === null || v === undefined) continue;
    // A masked person's fullName is the pseudonym, given once as the label.
    if (masked && (k === 'fullName' || k === 'label')) continue;
    if (Array.isArray(v)) {
      if (v.length > 0) out[k] = v.map(String);
    } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else out[k] = JSON.stringify(v);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function toLink(row: Row): SelectedLink {
  const { retired: _r, ...edge } = toGraphEdge(row);
  const declared = activeRegistry().link(edge.type);
  // A link type the registry does not know (one retired from the types file) reads as its name.
  const meta = declared ? { verb: declared.verb, directed: declared.directed, colour: declared.colour } : { verb: edge.type.toLowerCase().replace(/_/g, ' '), directed: false, colour: '#8a94a0' };
  return { ...edge, verb: meta.verb, directed: meta.directed, grading: grading(row), colour: meta.colour, properties: linkOwnProperties(row, declared?.properties ?? []) };
}

/** A link's fields that are not in `properties` though its type declares them (linkFields writes them). */
const LINK_FIELD_PROPERTIES = new Set(['count', 'firstAt', 'lastAt']);

function linkOwnProperties(row: Row, defs: readonly { name: string }[]): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const { name } of defs) {
    const v = row[name];
    if (LINK_FIELD_PROPERTIES.has(name) || v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length > 0) out[name] = v.map(String);
    } else out[name] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
