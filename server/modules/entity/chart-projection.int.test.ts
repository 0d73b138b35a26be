/**
 * Narrowed chart projections give the chart the same values as the projections the files write:
 * every entity of the demo data (every type) through graph/chart-nodes, and every link among them
 * through graph/subgraph, both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, cypherAsWritten } from '../../db/cypher.ts';
import type { Gateway, Row } from '../../db/gateway.ts';
import { scopeParams, SYSTEM_SCOPE } from '../../db/scope.ts';
import { ENTITY_TYPES, LINK_TYPE_NAMES } from '../../model/model.ts';
import { testGateway } from '../../testing/harness.ts';

/** The row without its null-valued keys. */
const present = (row: Row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));

/** Checks each row by id has the same values both ways; returns how many keys each way sent. */
function sameValues(before: Map<string, Row>, after: Map<string, Row>): { keysBefore: number; keysAfter: number } {
  expect(after.size).toBe(before.size);
  let keysBefore = 0;
  let keysAfter = 0;
  for (const [id, row] of before) {
    expect(present(after.get(id)!), id).toEqual(present(row));
    keysBefore += Object.keys(row).length;
    keysAfter += Object.keys(after.get(id)!).length;
  }
  return { keysBefore, keysAfter };
}

describe('chart projections narrowed by type', () => {
  let gw: Gateway;
  let ids: string[];
  beforeAll(async () => {
    gw = testGateway();
    ids = (await gw.runScript('MATCH (n:Entity) WHERE n.id IS NOT NULL RETURN n.id AS id ORDER BY id')).map((r) => String(r.id));
  });
  afterAll(() => gw.close());

  /**
   * A statement's rows as its file writes it and as it is sent. Other files' suites write to the
   * same database meanwhile (merges, edits, imports), so the written form is read again after the
   * sent one, and the pair is kept once nothing changed in between.
   */
  async function bothWays(name: string, params: Record<string, unknown>): Promise<{ written: Row[]; sent: Row[] }> {
    for (let attempt = 1; ; attempt++) {
      const written = await gw.runScript(cypherAsWritten(name), params);
      const sent = await gw.runScript(cypher(name), params);
      const again = await gw.runScript(cypherAsWritten(name), params);
      if (JSON.stringify(again) === JSON.stringify(written) || attempt === 5) return { written, sent };
    }
  }

  it('draws every entity of every type with the same values, without the keys its type cannot have', async () => {
    const { written, sent } = await bothWays('graph/chart-nodes', { ids, scope: scopeParams(SYSTEM_SCOPE) });
    expect(sent.length).toBe(written.length);
    const nodes = (rows: Row[]) => new Map(rows.map((r) => [String((r.node as Row).id), r.node as Row]));
    const before = nodes(written);
    const after = nodes(sent);
    // The demo has entities of every type, so every branch is checked.
    expect(new Set([...after.values()].map((n) => n.type))).toEqual(new Set(ENTITY_TYPES));
    const { keysBefore, keysAfter } = sameValues(before, after);
    const phone = [...after.values()].find((n) => n.type === 'PHONE')!;
    expect(Object.keys(phone)).not.toContain('dateOfBirth');
    expect(Object.keys(phone)).toContain('e164');
    expect(keysAfter).toBeLessThan(keysBefore * 0.75);
  });

  it('draws every link of the demo with the same values, without the keys its type cannot carry', async () => {
    const params = { ids, scope: scopeParams(SYSTEM_SCOPE), linkTypes: null, from: null, to: null, maxSourceEvaluation: null, maxAssessment: null, knownBefore: null };
    const both = await bothWays('graph/subgraph', params);
    const [written] = both.written;
    const [sent] = both.sent;
    const links = (row: Row | undefined) => new Map((row!.links as Row[]).map((l) => [String(l.id), l]));
    const before = links(written);
    const after = links(sent);
    // Every link type of the demo is drawn, with and without roles, and call records.
    const types = new Set([...after.values()].map((l) => String(l.type)));
    expect(types.size).toBeGreaterThanOrEqual(LINK_TYPE_NAMES.length - 3);
    for (const t of ['CALLED', 'ENCOUNTERED', 'OPERATES', 'WORKS_AT', 'USES_PHONE']) expect(types).toContain(t);
    const { keysBefore, keysAfter } = sameValues(before, after);
    const called = [...after.values()].find((l) => l.type === 'CALLED' && l.count !== null)!;
    expect(Object.keys(called)).toEqual(expect.arrayContaining(['count', 'firstAt', 'lastAt']));
    expect(Object.keys(called)).not.toContain('role');
    const worksAt = [...after.values()].find((l) => l.type === 'WORKS_AT')!;
    expect(Object.keys(worksAt)).not.toContain('role');
    expect(Object.keys(worksAt)).not.toContain('count');
    expect(keysAfter).toBeLessThan(keysBefore * 0.85);
  });
});
