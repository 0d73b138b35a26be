/**
 * The main queries' plans (EXPLAIN) must start from an index: a label or all-nodes scan where an
 * id, full-text or relationship index should serve would not survive a million people.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, queryNames } from '../../db/cypher.ts';
import type { Gateway } from '../../db/gateway.ts';
import { testGateway } from '../../testing/harness.ts';

interface Plan {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: Plan[];
}

const SCANS = /^(NodeByLabelScan|AllNodesScan|DirectedAllRelationshipsScan|UndirectedAllRelationshipsScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan|IntersectionNodeByLabelsScan|UnionNodeByLabelsScan)/;

function operators(p: Plan): string[] {
  return [`${p.operatorType.replace(/@.*/, '')} ${String(p.arguments.Details ?? '')}`, ...p.children.flatMap(operators)];
}

const filter = { linkTypes: null, entityTypes: null, from: null, to: null, maxSourceEvaluation: null, maxAssessment: null, knownBefore: null };
const PARAMS: Record<string, Record<string, unknown>> = {
  'entity/by-ids': { ids: ['person-1', 'person-2'] },
  'entity/sources': { ids: ['src-1'] },
  'entity/annotations': { targetId: 'person-1' },
  'entity/links': { id: 'person-1', types: null, entityTypes: null, skip: 0, limit: 10 },
  'entity/link-by-id': { id: 'link-works_at-1', visibleOnly: true },
  'search/entities': { query: 'smith', types: null, skip: 0, limit: 10, exclude: [] },
  'search/entities-top': { query: 'smith', types: null, skip: 0, limit: 10, fetch: 256, exact: 'smith', words: ['smith'] },
  'graph/nodes': { ids: ['person-1'] },
  'graph/chart-nodes': { ids: ['person-1'] },
  'graph/neighbourhood-step': { starts: ['person-1'], frontier: ['person-1', 'person-2'], seen: ['person-1', 'person-2'], keep: ['person-1'], room: 10, close: true, threshold: 100, ...filter },
  'graph/subgraph': { ids: ['person-1', 'person-2'], ...filter },
  'graph/links-among': { ids: ['person-1', 'person-2'], among: ['person-1', 'person-2'], ...filter },
  'graph/chart-links': { ids: ['person-1'], among: ['person-1', 'person-2'], ...filter },
  'graph/common': { ids: ['person-1', 'person-2'], minShared: 2, limit: 10, keep: [], ...filter },
  'graph/timeline': { ids: ['person-1'], from: null, to: null, knownBefore: null, limit: 10 },
  'editing/source-record': { id: 'src-1', recordedAt: null, record: { source: 's', recordKey: 'k' } },
  'editing/create-entity': { id: 'person-1', label: 'Person', type: 'PERSON', props: {}, display: 'x', searchText: 'x', sourceId: 's' },
  'editing/update-entity': { id: 'person-1', props: {}, display: 'x', searchText: 'x', sourceId: 's' },
  'editing/create-link': { id: 'l', type: 'WORKS_AT', source: 'person-1', target: 'premises-1', props: {}, sourceId: 's', recordedAt: null, firstAt: null, lastAt: null, flagEnd: null, suspect: false, potentialVictim: false, safeguarded: false },
  'editing/update-link': { fromId: 'person-1', elementId: 'x', props: {}, sourceId: 's', flagEnd: null, suspect: false, potentialVictim: false, safeguarded: false },
  'editing/annotate': { id: 'a', targetId: 'person-1', text: 't', author: 'api' },
  'editing/retire-entity': { id: 'person-1', reason: 'r' },
  'editing/retire-link': { fromId: 'person-1', elementId: 'x', reason: 'r' },
};
for (let n = 1; n <= 8; n += 1) PARAMS[`graph/paths-${n}`] = { pairs: [['person-1', 'person-2']], keep: ['person-1', 'person-2'], limit: 10, ...filter };

describe('query plans', () => {
  let gw: Gateway;
  beforeAll(() => {
    gw = testGateway();
  });
  afterAll(() => gw.close());

  it('covers every query of the graph API modules', () => {
    const mine = queryNames().filter((n) => /^(entity|search|graph|editing)\//.test(n));
    expect(mine.sort()).toEqual(Object.keys(PARAMS).sort());
  });

  for (const [name, params] of Object.entries(PARAMS)) {
    it(`${name} starts from an index, never a label or all-nodes scan`, async () => {
      const session = gw.driver.session();
      try {
        // The statement is the named file's own text; only the EXPLAIN prefix is added.
        const result = await session.run('EXPLAIN ' + cypher(name), params);
        const ops = operators(result.summary.plan as unknown as Plan);
        expect(ops.filter((o) => SCANS.test(o)), ops.join('\n')).toEqual([]);
        if (name.startsWith('search/entities')) expect(ops.join('\n')).toMatch(/db\.index\.fulltext\.queryNodes/);
        else if (!name.startsWith('editing/create-entity') && !name.startsWith('editing/annotate') && !name.startsWith('editing/source-record')) {
          expect(ops.join('\n'), ops.join('\n')).toMatch(/IndexSeek|ByElementIdSeek/);
        }
      } finally {
        await session.close();
      }
    });
  }
});
