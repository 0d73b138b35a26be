import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cypher, cypherAsWritten, queryNames } from '../../db/cypher.ts';
import { chartLinkPropertiesOf, chartPropertiesOf, projectionList } from './chart-projection.ts';
import { LINK_TYPE_NAMES } from '../../model/model.ts';
import { CHART_LINK_PROPERTIES, CHART_NODE_PROPERTIES, toEntity, toGrading, toGraphEdge, toGraphNode, toProperties } from './entity.mapper.ts';
import { ENTITY_TYPES } from '../../model/model.ts';
import { maskPerson } from '../../db/scope.ts';
import { decodeCursor, encodeCursor, intArg, page } from './paging.ts';
import { parseDate, parseDateTime } from './scalars.ts';

/** The row, noting in `read` every property a mapper reads from it. */
const readsOf = (row: Record<string, unknown>, read: Set<string>) =>
  new Proxy(row, { get: (t, k) => (typeof k === 'string' && read.add(k), t[k as string]), ownKeys: (t) => Reflect.ownKeys(t) });

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: { code?: string; argument?: string } }).extensions;
  }
  return undefined;
};

describe('grading and entity mapping', () => {
  it('maps stored grades to enums and short codes', () => {
    expect(toGrading({ sourceEvaluation: 1, intelligenceAssessment: 'B', handlingCode: 'P', classification: 'OFFICIAL-SENSITIVE' })).toEqual({
      sourceEvaluation: 'RELIABLE', intelligenceAssessment: 'B', handlingCode: 'P', handlingConditions: null, classification: 'OFFICIAL_SENSITIVE', code: '1-B-P', low: false,
    });
    expect(toGrading({ sourceEvaluation: 3, intelligenceAssessment: 'A', handlingCode: 'C', handlingConditions: 'no disclosure' })).toMatchObject({ code: '3-A-C', low: true, handlingConditions: 'no disclosure' });
  });

  it('shows an ungraded record as untested, not known, handled with conditions', () => {
    expect(toGrading({})).toMatchObject({ code: '2-D-C', low: true, handlingConditions: 'no handling code recorded' });
  });

  it('gives entities their defaults and a generic property list without bookkeeping', () => {
    const e = toEntity({ id: 'person-1', type: 'PERSON', label: 'A B', givenName: 'A', searchText: 'a b', sourceIds: ['s'], aliases: null, degree: 3 });
    expect(e).toMatchObject({ aliases: [], nationalities: [], suspect: false, fullName: 'A B', degree: 3, sourceIds: ['s'] });
    expect(e).not.toHaveProperty('searchText');
    expect(toProperties({ id: 'x', label: 'y', givenName: 'A', aliases: ['p', 'q'], postcodeCompact: 'Z', empty: [] })).toEqual([
      { name: 'aliases', value: 'p, q' },
      { name: 'givenName', value: 'A' },
    ]);
  });

  it('marks a node as a supernode only when it was not expanded and has more links than the threshold', () => {
    const row = { id: 'premises-1', type: 'PREMISES', label: 'P', kind: 'HMO', town: 'Reading', degree: 200 };
    expect(toGraphNode(row, { supernodeThreshold: 100 })).toMatchObject({ supernode: true, degree: 200, subtitle: 'hmo, Reading', kind: 'HMO' });
    expect(toGraphNode(row, { supernodeThreshold: 100, expanded: true }).supernode).toBe(false);
    expect(toGraphNode(row).supernode).toBe(false);
  });

  it('maps link rows to edges with dates cut to days', () => {
    expect(toGraphEdge({ id: 'l', type: 'WORKS_AT', source: 'a', target: 'b', validFrom: '2024-01-01', count: 4 })).toMatchObject({ validFrom: '2024-01-01', validTo: null, count: 4, role: null });
  });
});

describe('cursors and bounds', () => {
  it('round-trips a cursor and refuses one from another list', () => {
    expect(decodeCursor('links', encodeCursor('links', 4))).toBe(5);
    expect(decodeCursor('links', null)).toBe(0);
    expect(code(() => decodeCursor('links', encodeCursor('search', 4)))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(code(() => decodeCursor('links', '%%%'))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('pages rows fetched with one extra', () => {
    const p = page('x', [1, 2, 3], 10, 2);
    expect(p.items.map((i) => i.item)).toEqual([1, 2]);
    expect(p.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor('x', p.pageInfo.endCursor)).toBe(12);
  });

  it('checks integer arguments', () => {
    expect(intArg('first', undefined, { min: 1, max: 5, default: 3 })).toBe(3);
    expect(code(() => intArg('first', 6, { min: 1, max: 5, default: 3 }))).toMatchObject({ argument: 'first' });
  });

  it('accepts real dates only', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(code(() => parseDate('2023-02-29'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(code(() => parseDate('01/02/2024'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(parseDateTime('2024-01-01T10:00:00Z')).toBe('2024-01-01T10:00:00Z');
    expect(code(() => parseDateTime('2024-01-01'))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('named queries stay in step with the model', () => {
  it('looks a link up in every link type', () => {
    const text = cypher('entity/link-by-id');
    for (const t of LINK_TYPE_NAMES) expect(text).toContain(`[r:${t} {id: $id}]`);
    expect(text.match(/MATCH \(a\)-\[r:/g)).toHaveLength(LINK_TYPE_NAMES.length);
  });

  it('has a shortest-path query for each maximum length 1 to 8, differing only in the bound', () => {
    const names = queryNames().filter((n) => n.startsWith('graph/paths-'));
    expect(names.sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `graph/paths-${n}`).sort());
    const base = fs.readFileSync(new URL('../../../cypher/queries/graph/paths-1.cypher', import.meta.url), 'utf8');
    for (let n = 2; n <= 8; n += 1) {
      expect(cypher(`graph/paths-${n}`).replace(`*..${n}]`, '*..1]')).toBe(cypher('graph/paths-1'));
    }
    expect(base).toContain('allShortestPaths((a)-[*..1]-(b))');
  });

  it('draws chart nodes and edges from the properties the graph queries project, and nothing else', () => {
    // Every property toGraphNode, toGraphEdge and masking read, for every entity type.
    const read = new Set<string>();
    const spy = (row: Record<string, unknown>) => readsOf(row, read);
    for (const type of ENTITY_TYPES) toGraphNode(spy({ id: 'x', type, potentialVictim: true, degree: 1 }));
    maskPerson(Buffer.alloc(32), spy({ id: 'x', type: 'PERSON', potentialVictim: true }));
    read.delete('degree');
    read.delete('birthYear'); // masking's fallback when there is no date of birth; GraphNode has no birth year
    expect([...read].filter((k) => !(CHART_NODE_PROPERTIES as readonly string[]).includes(k))).toEqual([]);
    read.clear();
    toGraphEdge(spy({ id: 'l', type: 'WORKS_AT', source: 'a', target: 'b' }));
    // type, source and target come from the relationship; sourceIds and retired are not GraphEdge fields;
    // totalDurationSeconds is read only where a statement projects it (an entity's links), not on charts.
    for (const k of ['type', 'source', 'target', 'sourceIds', 'retired', 'totalDurationSeconds']) read.delete(k);
    expect([...read].filter((k) => !(CHART_LINK_PROPERTIES as readonly string[]).includes(k))).toEqual([]);
    // And every chart projection in the graph queries lists exactly those properties.
    // Dates and datetimes come as text (toString), the rest as they are stored.
    for (const name of queryNames().filter((n) => /^(graph\/(neighbourhood-step|chart-nodes|chart-links|subgraph|common|paths-\d)|search\/entities(-top)?)$/.test(n))) {
      const text = cypherAsWritten(name);
      const projections = [...text.matchAll(/\b(\w+) \{(\.id(?:, (?:\.\w+|\w+: toString\(\w+\.\w+\)))*)/g)];
      expect(projections.length, name).toBeGreaterThan(0);
      for (const [, v, p] of projections) expect([projectionList(CHART_NODE_PROPERTIES, v!), projectionList(CHART_LINK_PROPERTIES, v!)], name).toContain(p);
      expect(text, name).not.toContain('{.*');
    }
  });
});

describe('chart projections narrowed by type', () => {
  const charts = queryNames().filter((n) => /^(graph\/(neighbourhood-step|chart-nodes|subgraph|common)|search\/entities(-top)?)$/.test(n));

  it('sends each chart query with one CASE over the entity type for every projection its file writes', () => {
    for (const name of charts) {
      const written = [...cypherAsWritten(name).matchAll(/\b(\w+) \{\.id, \.type, /g)].map((m) => m[1]);
      const sent = cypher(name);
      expect(written.length, name).toBeGreaterThan(0);
      for (const v of written) expect(sent, name).toContain(`CASE ${v!}.type WHEN 'PERSON' THEN ${v!} {.id, .type, .label, .potentialVictim`);
      // Every type has its branch; an unknown type falls back to the whole projection.
      for (const t of ENTITY_TYPES) expect(sent, name).toContain(`WHEN '${t}' THEN`);
      expect(sent.split(' ELSE ').length, name).toBeGreaterThan(written.length);
    }
  });

  it('keeps one copy of a subquery that follows the properties (a degree), not one a branch', () => {
    const subqueries = (text: string) => text.match(/\bCOUNT \{/g)?.length ?? 0;
    const withDegree = charts.filter((name) => subqueries(cypherAsWritten(name)) > 0);
    expect(withDegree).toEqual(expect.arrayContaining(['graph/chart-nodes', 'graph/subgraph']));
    for (const name of withDegree) expect(subqueries(cypher(name)), name).toBe(subqueries(cypherAsWritten(name)));
    for (const name of ['graph/chart-nodes', 'graph/subgraph']) {
      expect(cypher(name), name).toMatch(/\[(\w+)_chart IN \[CASE \1\.type WHEN 'PERSON' THEN .* END\] \| \1_chart \{\.\*, degree: /);
    }
  });

  it('sends every link projection as a CASE over the link type, each type in one branch', () => {
    for (const name of queryNames().filter((n) => /^graph\/(neighbourhood-step|subgraph|common|paths-\d)$/.test(n))) {
      const written = [...cypherAsWritten(name).matchAll(/\b(\w+) \{\.id, \.role, /g)].map((m) => m[1]);
      const sent = cypher(name);
      expect(written.length, name).toBeGreaterThan(0);
      for (const v of written) {
        const narrowed = sent.slice(sent.indexOf(`CASE WHEN type(${v!}) `));
        expect(narrowed, name).toContain(`WHEN type(${v!}) = 'CALLED' THEN ${v!} {.id, validFrom: toString(${v!}.validFrom)`);
        for (const t of LINK_TYPE_NAMES) expect(narrowed, `${name} ${t}`).toMatch(new RegExp(`WHEN type\\(${v!}\\) (= '${t}'|IN \\[[^\\]]*'${t}')`));
        // An unknown type falls back to the whole projection.
        expect(narrowed, name).toContain(`ELSE ${v!} {${projectionList(CHART_LINK_PROPERTIES, v!)}`);
      }
    }
  });

  it('keeps what the chart draws for each link type and drops what the type cannot carry', () => {
    expect(chartLinkPropertiesOf('CALLED')).toEqual(expect.arrayContaining(['count', 'firstAt', 'lastAt']));
    expect(chartLinkPropertiesOf('CALLED')).not.toContain('role');
    expect(chartLinkPropertiesOf('ENCOUNTERED')).toContain('role');
    expect(chartLinkPropertiesOf('ENCOUNTERED')).not.toContain('count');
    expect(chartLinkPropertiesOf('USES_PHONE')).not.toContain('role');
    for (const t of LINK_TYPE_NAMES) {
      expect(chartLinkPropertiesOf(t), t).toEqual(expect.arrayContaining(['id', 'validFrom', 'validTo', 'recordedAt', 'weight', 'sourceEvaluation', 'intelligenceAssessment', 'handlingCode', 'handlingConditions', 'classification']));
    }
  });

  it('keeps what the chart draws for each type and drops what the type cannot have', () => {
    expect(chartPropertiesOf('PERSON')).toEqual(expect.arrayContaining(['dateOfBirth', 'nationalities', 'potentialVictim', 'suspect', 'safeguarded', 'riskScore']));
    expect(chartPropertiesOf('PERSON')).not.toContain('make');
    expect(chartPropertiesOf('PHONE')).toEqual(expect.arrayContaining(['e164', 'lineType']));
    expect(chartPropertiesOf('PHONE')).not.toContain('dateOfBirth');
    expect(chartPropertiesOf('VEHICLE')).toEqual(expect.arrayContaining(['make', 'model', 'colour']));
    expect(chartPropertiesOf('OFFENCE')).toEqual(expect.arrayContaining(['category', 'occurredOn', 'status']));
    for (const t of ENTITY_TYPES) {
      // Identity, label, grading and handling, whatever the type.
      expect(chartPropertiesOf(t), t).toEqual(expect.arrayContaining(['id', 'type', 'label', 'sourceEvaluation', 'intelligenceAssessment', 'handlingCode', 'handlingConditions', 'classification', 'recordedAt']));
      // The subtitle and kind the chart shows come from properties the type keeps.
      const read = new Set<string>();
      toGraphNode(readsOf({ id: 'x', type: t }, read));
      const kept = new Set(chartPropertiesOf(t));
      const dropped = [...read].filter((k) => (CHART_NODE_PROPERTIES as readonly string[]).includes(k) && !kept.has(k));
      // What a type drops, the mappers only read as a fallback for other types (kind, category, line type; flags of people).
      expect(dropped.filter((k) => !['kind', 'category', 'lineType', 'potentialVictim', 'suspect', 'safeguarded', 'riskScore'].includes(k)), t).toEqual([]);
    }
  });
});
