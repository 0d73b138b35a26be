import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cypher, eachLinkType, queryNames, statementFile, cypherRoot } from '../../db/cypher.ts';
import { registryFromTypesText } from '../../model/registry/deployment.ts';
import { CHART_LINK_PROPERTIES, CHART_NODE_PROPERTIES, CHART_TEMPORAL_PROPERTIES, toEntity, toGrading, toGraphEdge, toGraphNode, toProperties } from './entity.mapper.ts';
import { ENTITY_TYPES, LINK_TYPE_NAMES } from '../../model/model.ts';
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

/** The projection's property list as the queries write it: `.p`, or `p: toString(v.p)` for dates and times. */
const projectionList = (props: readonly string[], v: string): string =>
  props.map((p) => (CHART_TEMPORAL_PROPERTIES.has(p) ? `${p}: toString(${v}.${p})` : `.${p}`)).join(', ');

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
    const row = { id: 'premises-1', type: 'PREMISES', label: 'P', subtitle: 'hmo, Reading', cardKind: 'HMO', degree: 200 };
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
  it('looks a link up in every link type of the registry, a declared one included', () => {
    const text = cypher('entity/link-by-id');
    for (const t of LINK_TYPE_NAMES) expect(text).toContain(`[r:${t} {id: $id}]`);
    expect(text.match(/MATCH \(a\)-\[r:/g)).toHaveLength(LINK_TYPE_NAMES.length);
    const declared = registryFromTypesText('version: 1\nlinkTypes:\n  - { name: CREWS, from: [PERSON], to: [PREMISES], description: crews, verb: crews }\n', 'types.yaml');
    const branches = eachLinkType('CALL () {\n  @eachLinkType MATCH (a)-[r:$LinkType {id: $id}]->(b) RETURN r\n}', declared);
    expect(branches).toContain('MATCH (a)-[r:CREWS {id: $id}]->(b) RETURN r\n}');
    expect(branches.match(/UNION ALL/g)).toHaveLength(declared.linkTypes.length - 1);
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
    // Masking makes a birth year of the date of birth; GraphNode has no birth year.
    read.delete('birthYear');
    read.delete('dateOfBirth');
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
      const text = cypher(name);
      const projections = [...text.matchAll(/\b(\w+) \{(\.id(?:, (?:\.\w+|\w+: toString\(\w+\.\w+\)))*)/g)];
      expect(projections.length, name).toBeGreaterThan(0);
      for (const [, v, p] of projections) expect([projectionList(CHART_NODE_PROPERTIES, v!), projectionList(CHART_LINK_PROPERTIES, v!)], name).toContain(p);
      expect(text, name).not.toContain('{.*');
    }
  });
});

describe('chart statements', () => {
  it('are sent as their files write them, the scope expanded and nothing else rewritten', () => {
    // The neighbourhood statement was sent at 2.6 times its file's size when projections were
    // rewritten into a CASE per entity type (docs/decisions/0018-stored-chart-card.md).
    for (const name of ['graph/neighbourhood-step', 'graph/subgraph', 'graph/common', 'graph/chart-nodes', 'search/entities', 'search/entities-top']) {
      const sent = cypher(name);
      expect(sent, name).not.toMatch(/\bCASE \w+\.type WHEN/);
      expect(sent, name).not.toMatch(/\bCASE WHEN type\(\w+\)/);
    }
    // The scope's expansion is all that grows it: within 1.5 times the file's text.
    const name = 'graph/neighbourhood-step';
    expect(cypher(name).length / statementFile(`${cypherRoot}/queries`, name).length).toBeLessThan(1.5);
  });

  it('project the same properties for every entity type: the stored card, flags and grading', () => {
    expect(CHART_NODE_PROPERTIES).toEqual(expect.arrayContaining(['label', 'subtitle', 'cardKind', 'potentialVictim', 'suspect', 'safeguarded', 'riskScore']));
    for (const k of ['dateOfBirth', 'nationalities', 'town', 'e164', 'make', 'kind', 'category', 'lineType']) expect(CHART_NODE_PROPERTIES).not.toContain(k);
  });
});
