import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypherRoot, queryNames, stripComments } from './cypher.ts';
import { maskValue, pseudonym } from './scope.ts';

/**
 * Areas whose statements are not reads of the graph for a caller, with the reason. Every other
 * area (entity, search, graph, analytics, and any new one such as exports or snapshots) must
 * apply the scope: a new area is covered by default.
 */
const NOT_CALLER_READS: Record<string, string> = {
  auth: 'users, tokens and sessions: access control itself',
  audit: 'the audit log: admins only, through the unscoped gateway',
  bench: 'benchmark baselines',
  chart: 'saved charts: ids and layout, not graph facts (their entities and links are read through graph/subgraph; partners open only shared charts)',
  editing: 'writes (analysts and admins only)',
  gds: 'Graph Data Science algorithms on an in-memory projection that analytics/gds-project built within the caller scope; they match nothing in the store',
  import: 'writes and import bookkeeping (analysts and admins only)',
  load: 'the loader and its counts (command line)',
  resolve: 'entity-resolution bookkeeping (analysts and admins only)',
  system: 'server and database versions',
  testing: 'test fixtures',
};
const isCallerRead = (name: string) => !(name.split('/')[0]! in NOT_CALLER_READS);
/** Statements that apply the scope differently, with the reason. */
const ALLOWLIST: Record<string, string> = {
  'entity/annotations': 'notes are not graded: partners see none ($scope.shareAll alone), and notes on victims are hidden while masked',
};

const predicate = (v: string) => `($scope.shareAll OR (${v}.handlingCode = 'P' AND ${v}.classification = 'OFFICIAL'))`;

/** Variables that MATCH binds to entities, source records and links, and those of path predicates. */
function boundVariables(text: string): string[] {
  const vars = new Set<string>();
  for (const clause of text.match(/MATCH[^\n]*/g) ?? []) {
    for (const m of clause.matchAll(/\((\w+)(?::(?:Entity|SourceRecord))?[\s){]/g)) vars.add(m[1]!);
    for (const m of clause.matchAll(/-\[(\w+)[\]:\s]/g)) vars.add(m[1]!);
  }
  if (/relationships\(p\)/.test(text)) ['r', 'm'].forEach((v) => vars.add(v));
  // Path ends are covered by the all(m IN nodes(p) ...) predicate; subquery helpers are not results.
  for (const v of ['p', 'sr', 'sm', 't']) vars.delete(v);
  if (/relationships\(p\)/.test(text)) ['a', 'b'].forEach((v) => vars.delete(v));
  return [...vars];
}

describe('the access scope in every read query', () => {
  const names = queryNames().filter(isCallerRead);

  it('finds the read queries', () => {
    expect(names.length).toBeGreaterThan(15);
  });

  for (const name of queryNames().filter(isCallerRead)) {
    it(`${name} restricts every entity, link and record it matches to the caller's scope`, () => {
      const text = stripComments(fs.readFileSync(path.join(cypherRoot, 'queries', `${name}.cypher`), 'utf8'));
      expect(text).toContain('$scope.');
      if (ALLOWLIST[name]) return;
      const missing = boundVariables(text).filter((v) => !text.includes(predicate(v)));
      expect(missing, `variables without the scope predicate in ${name}`).toEqual([]);
    });
  }

  it('counts degree within the scope where it returns one', () => {
    for (const name of names) {
      const text = fs.readFileSync(path.join(cypherRoot, 'queries', `${name}.cypher`), 'utf8');
      for (const m of text.matchAll(/degree: ([^\n]*)/g)) {
        // Either counted in place, or a `degree` variable bound by the scoped count earlier in the statement.
        if (/^degree\b/.test(m[1]!)) expect(text, name).toMatch(/CASE WHEN \$scope\.shareAll THEN COUNT[^\n]*END AS degree\b/);
        else expect(m[1], name).toMatch(/^CASE WHEN \$scope\.shareAll/);
      }
    }
  });

  it('notices a query without the predicate (the check can fail)', () => {
    const text = 'MATCH (n:Entity {id: $id})-[r]-(m:Entity) WHERE ' + predicate('n') + ' RETURN m';
    expect(boundVariables(text).filter((v) => !text.includes(predicate(v))).sort()).toEqual(['m', 'r']);
  });
});

describe('masking potential victims', () => {
  const key = Buffer.from('k'.repeat(32));
  const victim = {
    id: 'person-7', type: 'PERSON', label: 'Ana Popescu', fullName: 'Ana Popescu', givenName: 'Ana', familyName: 'Popescu',
    aliases: ['Anya'], dateOfBirth: '1999-04-02', passportNumber: 'X123', niNumber: 'QQ123456C', phone: '+447700900123',
    email: 'ana@example.org', addressLine: '1 High St', potentialVictim: true, gender: 'FEMALE', degree: 4, handlingCode: 'P',
  };

  it('gives a consistent pseudonym, the year of birth only and no identifiers or contact details', () => {
    const out = maskValue(key, { entity: victim, links: [{ id: 'l1', source: 'person-7' }] }) as { entity: Record<string, unknown>; links: unknown[] };
    expect(out.entity).toEqual({
      id: 'person-7', type: 'PERSON', label: pseudonym(key, 'person-7'), fullName: pseudonym(key, 'person-7'), birthYear: 1999,
      masked: true, potentialVictim: true, gender: 'FEMALE', degree: 4, handlingCode: 'P',
    });
    expect(JSON.stringify(out)).not.toMatch(/Ana|Popescu|Anya|X123|QQ123|07700|example\.org|High St|04-02/);
    expect(pseudonym(key, 'person-7')).toBe(pseudonym(key, 'person-7'));
    expect(pseudonym(key, 'person-7')).not.toBe(pseudonym(key, 'person-8'));
    expect(out.links).toEqual([{ id: 'l1', source: 'person-7' }]);
  });

  it('leaves other people and entities as they are', () => {
    const suspect = { ...victim, potentialVictim: false };
    expect(maskValue(key, [suspect])).toEqual([suspect]);
    expect(maskValue(key, { id: 'phone-1', type: 'PHONE', label: '+447700900123' })).toEqual({ id: 'phone-1', type: 'PHONE', label: '+447700900123' });
  });

  it('masks victims however deep they sit in a row, and leaves the row it was given as it was', () => {
    const row = { paths: [[{ id: 'phone-1', type: 'PHONE' }, victim]], n: 3 };
    const before = JSON.stringify(row);
    const out = maskValue(key, row) as { paths: Record<string, unknown>[][]; n: number };
    expect(out.paths[0]![1]).toMatchObject({ id: 'person-7', label: pseudonym(key, 'person-7'), masked: true });
    expect(out.paths[0]![1]).not.toHaveProperty('passportNumber');
    expect(out.paths[0]![0]).toEqual({ id: 'phone-1', type: 'PHONE' });
    expect(out.n).toBe(3);
    expect(JSON.stringify(row)).toBe(before);
  });
});
