/**
 * Narrowed chart projections give the chart the same values as the projections the files write:
 * every entity of the demo data (every type) through graph/chart-nodes both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, cypherAsWritten } from '../../db/cypher.ts';
import type { Gateway, Row } from '../../db/gateway.ts';
import { scopeParams, SYSTEM_SCOPE } from '../../db/scope.ts';
import { ENTITY_TYPES } from '../../model/model.ts';
import { testGateway } from '../../testing/harness.ts';

/** The row without its null-valued keys. */
const present = (row: Row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));

describe('chart projections narrowed by type', () => {
  let gw: Gateway;
  let ids: string[];
  beforeAll(async () => {
    gw = testGateway();
    ids = (await gw.runScript('MATCH (n:Entity) WHERE n.id IS NOT NULL RETURN n.id AS id ORDER BY id')).map((r) => String(r.id));
  });
  afterAll(() => gw.close());

  it('draws every entity of every type with the same values, without the keys its type cannot have', async () => {
    const scope = scopeParams(SYSTEM_SCOPE);
    const written = await gw.runScript(cypherAsWritten('graph/chart-nodes'), { ids, scope });
    const sent = await gw.runScript(cypher('graph/chart-nodes'), { ids, scope });
    expect(sent.length).toBe(written.length);
    const nodes = (rows: Row[]) => new Map(rows.map((r) => [String((r.node as Row).id), r.node as Row]));
    const before = nodes(written);
    const after = nodes(sent);
    // The demo has entities of every type, so every branch is checked.
    expect(new Set([...after.values()].map((n) => n.type))).toEqual(new Set(ENTITY_TYPES));
    let keysBefore = 0;
    let keysAfter = 0;
    for (const [id, node] of before) {
      expect(present(after.get(id)!), id).toEqual(present(node));
      keysBefore += Object.keys(node).length;
      keysAfter += Object.keys(after.get(id)!).length;
    }
    const phone = [...after.values()].find((n) => n.type === 'PHONE')!;
    expect(Object.keys(phone)).not.toContain('dateOfBirth');
    expect(Object.keys(phone)).toContain('e164');
    expect(keysAfter).toBeLessThan(keysBefore * 0.75);
  });
});
