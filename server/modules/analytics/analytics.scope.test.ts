/**
 * The analytics statements read the graph for callers, so, like the graph module's (checked in
 * server/db/scope.test.ts), every entity and link they match carries the access-scope predicate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypherRoot, queryNames, stripComments } from '../../db/cypher.ts';

const predicate = (v: string) => `($scope.shareAll OR (${v}.handlingCode = 'P' AND ${v}.classification = 'OFFICIAL'))`;

function matchedVariables(text: string): string[] {
  const vars = new Set<string>();
  // MATCH clauses and pattern comprehensions ([(n)-[r]->(m) WHERE ... | ...]).
  for (const clause of [...(text.match(/MATCH[^\n]*/g) ?? []), ...(text.match(/\[\([^\n]*/g) ?? [])]) {
    for (const m of clause.matchAll(/\((\w+)(?::\w+)?[\s){]/g)) vars.add(m[1]!);
    for (const m of clause.matchAll(/-\[(\w+)[\]:\s]/g)) vars.add(m[1]!);
  }
  return [...vars];
}

describe('the access scope in the analytics queries', () => {
  const names = queryNames().filter((n) => n.startsWith('analytics/'));

  it('finds them', () => {
    expect(names).toEqual(['analytics/gds-metrics', 'analytics/gds-project', 'analytics/graph', 'analytics/links', 'analytics/links-among', 'analytics/nodes', 'analytics/nodes-by-id']);
  });

  for (const name of names) {
    it(`${name} restricts every entity and link it matches to the caller's scope`, () => {
      const text = stripComments(fs.readFileSync(path.join(cypherRoot, 'queries', `${name}.cypher`), 'utf8'));
      expect(matchedVariables(text).length).toBeGreaterThan(0);
      expect(matchedVariables(text).filter((v) => !text.includes(predicate(v)))).toEqual([]);
    });
  }

  it('notices a pattern comprehension without the predicate', () => {
    const text = `MATCH (n:Entity) WHERE ${predicate('n')} RETURN [(n)-[r]->(m:Entity) | m.id]`;
    expect(matchedVariables(text).filter((v) => !text.includes(predicate(v))).sort()).toEqual(['m', 'r']);
  });

  it('notices a query without the predicate (the check can fail)', () => {
    const text = `MATCH (n:Entity)-[r]->(m:Entity) WHERE ${predicate('n')} RETURN m`;
    expect(matchedVariables(text).filter((v) => !text.includes(predicate(v))).sort()).toEqual(['m', 'r']);
  });
});
