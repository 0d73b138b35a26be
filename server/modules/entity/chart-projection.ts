/**
 * Chart projections narrowed to each entity type's and link type's properties.
 *
 * The chart queries project CHART_NODE_PROPERTIES for every entity (`n {.id, .type, ...}`) and
 * CHART_LINK_PROPERTIES for every link (`r {.id, .role, ...}`), forms a unit test keeps in step
 * with the mappers. Any one entity has few of those properties (a phone has no date of birth, a
 * person no make or model), most links carry no role and only call records a count, and a map
 * projection sends every key, null or not: about 40% of the keys in a chart answer were nulls,
 * each one serialised by Neo4j and decoded by neo4j-driver. So, as the statements are loaded
 * (cypher.ts), each entity projection becomes `CASE n.type WHEN 'PERSON' THEN n {<a person's chart
 * properties>} ... ELSE n {<all of them>} END`, and each link projection `CASE WHEN type(r) IN
 * [<types with the same properties>] THEN r {<those>} ... ELSE r {<all>} END`: the same values for
 * every property a type can have, without the keys it cannot. Types unknown here (none today)
 * keep the whole projection.
 */
import { ENTITY_TYPES, LINK_TYPE_NAMES, linkPropertiesOf, rolesOf, TYPE_SPECIFIC_LINK_PROPERTIES, type EntityType, type LinkType } from '../../model/model.ts';
import { PROPERTIES } from '../editing/editing.input.ts';
import { CHART_LINK_PROPERTIES, CHART_NODE_PROPERTIES, CHART_TEMPORAL_PROPERTIES, SYSTEM_PROPERTIES } from './entity.mapper.ts';

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

/**
 * The chart properties a link of `type` can have, in CHART_LINK_PROPERTIES' order: all but a role
 * when the type has none, and but the properties of other types (a CALLED link's count, first and
 * last call).
 */
export function chartLinkPropertiesOf(type: LinkType): string[] {
  const own = linkPropertiesOf(type);
  return CHART_LINK_PROPERTIES.filter((p) => {
    if (p === 'role') return rolesOf(type).length > 0;
    return !TYPE_SPECIFIC_LINK_PROPERTIES.includes(p) || own.includes(p);
  });
}

/** Link types grouped by the chart properties they can have, each group's list once. */
function linkGroups(): { types: LinkType[]; props: string[] }[] {
  const groups = new Map<string, { types: LinkType[]; props: string[] }>();
  for (const t of LINK_TYPE_NAMES) {
    const props = chartLinkPropertiesOf(t);
    const g = groups.get(props.join());
    if (g) g.types.push(t);
    else groups.set(props.join(), { types: [t], props });
  }
  return [...groups.values()];
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

/** A COUNT, EXISTS or COLLECT subquery. */
const SUBQUERY = /\b(COUNT|EXISTS|COLLECT)\s*\{/i;

/** How each kind of chart projection starts, and the CASE that narrows it. */
const KINDS = [
  {
    start: /\b(\w+) \{\.id, \.type, /g,
    all: CHART_NODE_PROPERTIES,
    narrow: (v: string, branch: (props: readonly string[]) => string) =>
      `CASE ${v}.type ${ENTITY_TYPES.map((t) => `WHEN '${t}' THEN ${branch(chartPropertiesOf(t))}`).join(' ')}`,
  },
  {
    start: /\b(\w+) \{\.id, \.role, /g,
    all: CHART_LINK_PROPERTIES,
    narrow: (v: string, branch: (props: readonly string[]) => string) =>
      `CASE ${linkGroups()
        .map((g) => `WHEN type(${v}) ${g.types.length === 1 ? `= '${g.types[0]}'` : `IN [${g.types.map((t) => `'${t}'`).join(', ')}]`} THEN ${branch(g.props)}`)
        .join(' ')}`,
  },
];

/**
 * Every `v {<CHART_NODE_PROPERTIES>...}` and `r {<CHART_LINK_PROPERTIES>...}` in a statement, as a
 * CASE over the entity's or link's type with each type's properties. What follows the list in the
 * map (`, degree: ...`, `, type: type(r), ...`) is kept in every branch, or, when it holds a
 * subquery, added once to the branch's map.
 */
export function narrowChartProjections(text: string): string {
  for (const kind of KINDS) {
    let out = '';
    let from = 0;
    const start = new RegExp(kind.start);
    for (let m = start.exec(text); m; m = start.exec(text)) {
      const v = m[1]!;
      const open = m.index + v.length + 1;
      const full = projectionList(kind.all, v);
      if (!text.startsWith(full, open + 1)) continue;
      const close = closingBrace(text, open);
      const rest = text.slice(open + 1 + full.length, close);
      // A subquery in what follows the list (a degree's COUNT { ... }) is planned once per copy,
      // and planning is what a statement's first run costs (seconds for the chart statements on
      // 2 cores): such a rest is added once, to whichever branch's map, instead of to each.
      const once = SUBQUERY.test(rest);
      const branch = (props: readonly string[]) => `${v} {${projectionList(props, v)}${once ? '' : rest}}`;
      const narrowed = `${kind.narrow(v, branch)} ELSE ${branch(kind.all)} END`;
      out += `${text.slice(from, m.index)}${once ? `[${v}_chart IN [${narrowed}] | ${v}_chart {.*${rest}}][0]` : narrowed}`;
      from = close + 1;
      start.lastIndex = from;
    }
    text = out + text.slice(from);
  }
  return text;
}
