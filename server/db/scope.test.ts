import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypher, cypherRoot, loadAllStatements, queryNames } from './cypher.ts';
import { isCallerRead, scopedStatement, scopeProblems } from './statement-scope.ts';
import { offlineCypher } from '../testing/statements.ts';
import { maskValue, noteDisclosed, pseudonym } from './scope.ts';

/**
 * The scope is applied by the loader (statement-scope.ts): these tests check that it is a
 * property of loading, i.e. that every statement loads and that a statement which forgets the
 * scope cannot be loaded.
 */
describe('the access scope in every read statement', () => {
  const names = queryNames().filter(isCallerRead);

  it('finds the caller reads: every area but the listed exceptions', () => {
    expect(names.length).toBeGreaterThan(15);
    expect(names).toEqual(expect.arrayContaining(['graph/neighbourhood-step', 'search/entities', 'analytics/graph', 'snapshot/list', 'entity/sources']));
  });

  it('loads every statement, so each caller read scopes what it matches (as lantern serve does at start)', () => {
    const refused = queryNames().flatMap((n) => { try { cypher(n); return []; } catch (e) { return [(e as Error).message]; } });
    expect(refused).toEqual([]);
    expect(loadAllStatements()).toBe(queryNames().length);
  });

  it('sends the predicate it expands, and no macro, to Neo4j', () => {
    const text = cypher('entity/sources');
    expect(text).toContain(`($scope.shareAll OR (s.handlingCode = 'P' AND s.classification = 'OFFICIAL'))`);
    for (const n of queryNames()) expect(cypher(n), n).not.toMatch(/@\w+\(/);
  });

  it('refuses a caller read that matches a link and an entity without @visible, naming them', () => {
    const text = 'MATCH (n:Entity {id: $id})-[r]-(m:Entity) WHERE @visible(n) RETURN m';
    expect(() => scopedStatement('graph/new-read', text)).toThrow(/graph\/new-read .*matches m, r without @visible\(m\), @visible\(r\)/);
    expect(scopedStatement('graph/new-read', `${text.replace('WHERE', 'WHERE @visible(r) AND @visible(m) AND')}`)).toContain(
      `($scope.shareAll OR (m.handlingCode = 'P' AND m.classification = 'OFFICIAL'))`,
    );
  });

  it('refuses a predicate pasted by hand instead of @visible, and a new area that never scopes', () => {
    const pasted = `MATCH (n:Entity) WHERE ($scope.shareAll OR (n.handlingCode = 'P' AND n.classification = 'OFFICIAL')) RETURN n`;
    expect(() => scopedStatement('reports/by-hand', pasted)).toThrow(/reports\/by-hand .*without @visible\(n\)/);
    expect(() => scopedStatement('reports/everything', 'MATCH (n:Entity) RETURN n')).toThrow(/never applies the caller's scope/);
  });

  it('refuses a pattern comprehension without the predicate', () => {
    const text = 'MATCH (n:Entity) WHERE @visible(n) RETURN [(n)-[r]->(m:Entity) | m.id]';
    expect(scopeProblems('analytics/x', text)).toEqual(['it matches m, r without @visible(m), @visible(r)']);
  });

  it('refuses a degree not counted within the scope', () => {
    expect(scopeProblems('graph/x', 'MATCH (n:Entity) WHERE @visible(n) RETURN n {.id, degree: COUNT { (n)--() }}')[0]).toMatch(/degree \(COUNT/);
    expect(scopeProblems('graph/x', 'MATCH (n:Entity) WHERE @visible(n) RETURN n {.id, degree: @visibleDegree(n)}')).toEqual([]);
    expect(scopeProblems('graph/x', 'MATCH (n:Entity) WHERE @visible(n) WITH n, @visibleDegree(n) AS degree RETURN n {.id, degree: degree}')).toEqual([]);
  });

  it('loads statements of the listed areas without the check, and refuses unknown macros everywhere', () => {
    expect(scopedStatement('auth/x', 'MATCH (u:User) RETURN u')).toBe('MATCH (u:User) RETURN u');
    expect(() => scopedStatement('auth/x', 'MATCH (u:User) WHERE @visbile(u) RETURN u')).toThrow(/auth\/x: unknown macro @visbile\(u\)/);
  });

  it('keeps test fixtures and benchmark statements out of the production loader', () => {
    expect(queryNames().filter((n) => /^(testing|bench)\//.test(n))).toEqual([]);
    expect(() => cypher('testing/tamper-audit')).toThrow(/No Cypher query named testing\/tamper-audit/);
    expect(() => cypher('bench/jvm-memory')).toThrow(/No Cypher query named bench\/jvm-memory/);
    expect(offlineCypher('testing/tamper-audit')).toContain('SET a.actor = $actor');
    // Only tests, fixtures and bench/ load them.
    const server = path.resolve(cypherRoot, '../server');
    const importers = (fs.readdirSync(server, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.ts$|^testing\/|fixture\.ts$|scenario\.ts$/.test(f.replace(/\\/g, '/')))
      .filter((f) => fs.readFileSync(path.join(server, f), 'utf8').match(/from '[^']*testing\/statements\.ts'/));
    expect(importers).toEqual([]);
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

  it('notes, for an unmasked request, exactly the people masking would have hidden, however deep', () => {
    const sink = new Set<string>();
    const other = { ...victim, id: 'person-9' };
    noteDisclosed([{ paths: [[{ id: 'phone-1', type: 'PHONE' }, victim]] }, { nodes: [{ ...victim, id: 'person-3', potentialVictim: false }, other] }], sink);
    expect([...sink].sort()).toEqual(['person-7', 'person-9']);
  });
});
