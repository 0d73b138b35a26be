/**
 * Cypher lives in cypher/queries/<area>/<name>.cypher, one parameterised statement per file,
 * read once and served by name. Nothing else in the server writes Cypher text. As a file is
 * read, the caller's scope is applied (statement-scope.ts: `@visible(x)` is expanded, and a
 * caller read that matches something without it is refused), and a line starting `@eachLinkType`
is written once per link type of the registry (`$LinkType` in it replaced by the type's name),
joined by UNION ALL, so a lookup that seeks each type's id index covers the installation's own
link types too; nothing else is rewritten: chart
 * projections are one fixed list for every type, the stored chart card's (server/model/card.ts,
 * docs/decisions/0018-stored-chart-card.md). Test fixtures and benchmark statements live
 * outside cypher/queries/ (cypher/testing/, cypher/bench/) and are not loadable here
 * (server/testing/statements.ts loads them for tests and benchmarks).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scopedStatement } from './statement-scope.ts';
import { activeRegistry, type Registry } from '../model/registry/registry.ts';

export const cypherRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');

const cache = new Map<string, string>();
let cachedFor: Registry | undefined;

/** The statement named `name` (e.g. `graph/neighbourhood`), from cypher/queries/, as sent to Neo4j. */
export function cypher(name: string): string {
  const registry = activeRegistry();
  // Installing an installation's types (at start, or in a test) changes what `@eachLinkType` says.
  if (cachedFor !== registry) cache.clear();
  cachedFor = registry;
  let text = cache.get(name);
  if (text === undefined) {
    // Comments dropped, `@eachLinkType` and `@visible` expanded; throws, naming the statement,
    // when a caller read does not scope every entity, link and record it matches.
    text = scopedStatement(name, eachLinkType(statementFile(path.join(cypherRoot, 'queries'), name), registry));
    cache.set(name, text);
  }
  return text;
}

/** Writes each `@eachLinkType <branch>` line once per link type, `$LinkType` its name, joined by UNION ALL. */
export function eachLinkType(text: string, registry: Registry): string {
  return text.replace(/^([ \t]*)@eachLinkType[ \t]+(.+)$/gm, (_, indent: string, branch: string) =>
    registry.linkTypes.map((t) => indent + branch.replaceAll('$LinkType', t.name)).join(`\n${indent}UNION ALL\n`),
  );
}

/** The text of `<root>/<name>.cypher` without its comments. */
export function statementFile(root: string, name: string): string {
  if (!/^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/i.test(name)) throw new Error(`Bad query name ${JSON.stringify(name)}`);
  const file = path.join(root, `${name}.cypher`);
  if (!fs.existsSync(file)) throw new Error(`No Cypher query named ${name} (looked for ${file})`);
  return stripComments(fs.readFileSync(file, 'utf8'));
}

/**
 * Loads every statement once, so that a statement the scope check refuses stops the server at
 * start, naming it, rather than failing the first request that uses it.
 */
export function loadAllStatements(): number {
  const names = queryNames();
  for (const name of names) cypher(name);
  return names.length;
}

/** All query names, for tests that check every statement parses and uses its indexes. */
export function queryNames(): string[] {
  const root = path.join(cypherRoot, 'queries');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith('.cypher') ? [path.join(dir, d.name)] : [],
    );
  return fs.existsSync(root)
    ? walk(root).map((f) => path.relative(root, f).replace(/\\/g, '/').replace(/\.cypher$/, '')).sort()
    : [];
}

/** Drops whole-line `//` comments, which document the files but need not travel to Neo4j. */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}

/** Splits a schema file into statements at semicolons that end a line. */
export function splitStatements(text: string): string[] {
  return stripComments(text)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
