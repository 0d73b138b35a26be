/**
 * Chart projections narrowed to each entity type's properties.
 *
 * The chart queries project CHART_NODE_PROPERTIES for every entity (`n {.id, .type, ...}`), a
 * form a unit test keeps in step with the mappers. Any one entity has few of those properties
 * (a phone has no date of birth, a person no make or model), and a map projection sends every
 * key, null or not: about 40% of the keys in a chart answer were nulls, each one serialised by
 * Neo4j and decoded by neo4j-driver. So, as the statements are loaded (cypher.ts), each such
 * projection becomes `CASE n.type WHEN 'PERSON' THEN n {<a person's chart properties>} ... ELSE
 * n {<all of them>} END`: the same values for every property a type can have, without the keys
 * it cannot. Types unknown here (none today) keep the whole projection.
 */
import { ENTITY_TYPES, type EntityType } from '../../model/model.ts';
import { PROPERTIES } from '../editing/editing.input.ts';
import { CHART_NODE_PROPERTIES, CHART_TEMPORAL_PROPERTIES, SYSTEM_PROPERTIES } from './entity.mapper.ts';

/** Chart properties set by normalisation, not given in an input (a phone's line type, from its number). */
const DERIVED: Partial<Record<EntityType, readonly string[]>> = { PHONE: ['lineType'] };

/**
 * The chart properties an entity of `type` can have, in CHART_NODE_PROPERTIES' order: Lantern's own
 * (identity, label, grading, handling) and the type's.
 */
export function chartPropertiesOf(type: EntityType): string[] {
  const own = new Set([...Object.keys(PROPERTIES[type]), ...(DERIVED[type] ?? [])]);
  return CHART_NODE_PROPERTIES.filter((p) => SYSTEM_PROPERTIES.has(p) || own.has(p));
}

/** The projection's property list as the queries write it: `.p`, or `p: toString(v.p)` for dates and times. */
export function projectionList(props: readonly string[], v: string): string {
  return props.map((p) => (CHART_TEMPORAL_PROPERTIES.has(p) ? `${p}: toString(${v}.${p})` : `.${p}`)).join(', ');
}

/** Index of the `}` that closes the `{` at `open`, skipping quoted text. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error('Unbalanced braces in a chart projection');
}

/**
 * Every `v {<CHART_NODE_PROPERTIES>...}` in a statement, as a CASE over v.type with each type's
 * properties. What follows the list in the map (`, degree: ...`) is kept in every branch.
 */
export function narrowChartProjections(text: string): string {
  const start = /\b(\w+) \{\.id, \.type, /g;
  let out = '';
  let from = 0;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const v = m[1]!;
    const open = m.index + v.length + 1;
    const full = projectionList(CHART_NODE_PROPERTIES, v);
    if (!text.startsWith(full, open + 1)) continue;
    const close = closingBrace(text, open);
    const rest = text.slice(open + 1 + full.length, close);
    const branch = (props: readonly string[]) => `${v} {${projectionList(props, v)}${rest}}`;
    const cases = ENTITY_TYPES.map((t) => `WHEN '${t}' THEN ${branch(chartPropertiesOf(t))}`).join(' ');
    out += `${text.slice(from, m.index)}CASE ${v}.type ${cases} ELSE ${branch(CHART_NODE_PROPERTIES)} END`;
    from = close + 1;
    start.lastIndex = from;
  }
  return out + text.slice(from);
}
