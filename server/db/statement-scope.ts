/**
 * The caller's scope, added to statements by construction (docs/security.md, decisions/0010).
 *
 * A statement writes `@visible(x)` where the entity, link, source record or snapshot bound to
 * `x` must be within the caller's scope, and `@visibleDegree(x)` for an entity's degree counted
 * over what the caller may see. The loader (cypher.ts) expands them to the fixed predicate text
 * below, so Neo4j receives the same statement, and plans, as when the predicate was written by
 * hand. And it refuses to load a statement of a caller-read area that matches an entity, link or
 * record without `@visible` of its variable: a new read path cannot forget the scope.
 *
 * Who gets `shareAll` (everyone but partners) is decided by the access module
 * (server/modules/access/); this file only says what `$scope.shareAll = false` leaves visible.
 */

/** What partners may see: facts with handling code P and classification OFFICIAL. */
export const PARTNER_SHAREABLE = Object.freeze({ handlingCode: 'P', classification: 'OFFICIAL' } as const);

const shareable = (v: string) => `${v}.handlingCode = '${PARTNER_SHAREABLE.handlingCode}' AND ${v}.classification = '${PARTNER_SHAREABLE.classification}'`;

/** The expansion of `@visible(v)`. */
export const visible = (v: string) => `($scope.shareAll OR (${shareable(v)}))`;

/** The expansion of `@visibleDegree(v)`: the number of links, for a partner only links to entities they may see. */
export const visibleDegree = (v: string) =>
  `CASE WHEN $scope.shareAll THEN COUNT { (${v})--() } ELSE COUNT { (${v})-[sr]-(sm:Entity) WHERE ${shareable('sr')} AND ${shareable('sm')} } END`;

const MACROS: Record<string, (v: string) => string> = { visible, visibleDegree };

/**
 * Areas of cypher/queries/ whose statements are not reads of the graph for a caller, with the
 * reason. Every other area (entity, search, graph, analytics, snapshot, and any new one) is a
 * caller read and must scope what it matches: a new area is covered by default.
 */
export const NOT_CALLER_READS: Readonly<Record<string, string>> = Object.freeze({
  'alerts-store': 'the alert engine\'s bookkeeping (watches, marks, match keys, alerts written by the system); callers read alerts and their evidence through alerts/',
  auth: 'users, tokens and sessions: access control itself',
  audit: 'the audit log: admins only, through the unscoped gateway',
  cases: 'cases, their members and holdings: not graph facts (modules/access decides from what they read; the charts and snapshots a case holds are opened through their own modules)',
  backup: 'the whole store, read and loaded by lantern backup and restore (command line and the server\'s local control socket)',
  chart: 'saved charts: ids and layout, not graph facts (their entities and links are read through graph/subgraph; partners open only shared charts)',
  editing: 'writes (analysts and admins only)',
  geocode: 'the premises geocoding places (command line, writes through editing)',
  gds: 'Graph Data Science algorithms on an in-memory projection that analytics/gds-project built within the caller scope; they match nothing in the store',
  import: 'writes and import bookkeeping (analysts and admins only)',
  load: 'the loader and its counts (command line)',
  resolve: 'entity-resolution bookkeeping (analysts and admins only)',
  'scores-store': 'the stored analysis\'s own bookkeeping (results written by the system, the dirty queue, its state); callers read kept results through scores/',
  system: 'server and database versions',
});

/** Caller-read statements that apply the scope differently, with the reason. */
export const SCOPED_OTHERWISE: Readonly<Record<string, string>> = Object.freeze({
  'entity/annotations': 'notes are not graded: partners see none ($scope.shareAll alone), and notes on victims are hidden while masked',
  'snapshot/annotations': 'the same rule as entity/annotations, for the notes of a snapshot',
});

export const isCallerRead = (name: string): boolean => !(name.split('/')[0]! in NOT_CALLER_READS);

/**
 * Variables a statement binds to entities, source records and links: in MATCH clauses and in
 * pattern comprehensions (`[(n)-[r]->(m) | ...]`). Nodes with another label (a Snapshot, a
 * User) are not graph facts and are left out.
 */
export function boundVariables(text: string): string[] {
  const vars = new Set<string>();
  for (const clause of [...(text.match(/MATCH[^\n]*/g) ?? []), ...(text.match(/\[\([^\n]*/g) ?? [])]) {
    for (const m of clause.matchAll(/\((\w+)(?::(?:Entity|SourceRecord))?[\s){]/g)) vars.add(m[1]!);
    for (const m of clause.matchAll(/-\[(\w+)[\]:\s]/g)) vars.add(m[1]!);
  }
  // Paths: every link and entity on them is covered by all(r IN relationships(p) ...) and
  // all(m IN nodes(p) ...), whose ends a and b are then covered too.
  if (/relationships\(p\)/.test(text)) ['r', 'm'].forEach((v) => vars.add(v));
  // The path itself, and the degree's own helpers (sr, sm), are not results.
  for (const v of ['p', 'sr', 'sm']) vars.delete(v);
  if (/relationships\(p\)/.test(text)) ['a', 'b'].forEach((v) => vars.delete(v));
  return [...vars];
}

/** Thrown when a statement cannot be loaded; its message names the statement and what is wrong. */
export class StatementScopeError extends Error {}

/**
 * Checks a caller-read statement (comments stripped, macros not yet expanded) and returns what
 * is wrong with it: empty when it scopes every entity, link and record it matches.
 */
export function scopeProblems(name: string, text: string): string[] {
  if (!isCallerRead(name)) return [];
  if (!/@visible(Degree)?\(|\$scope\./.test(text)) return ['it never applies the caller\'s scope (no @visible)'];
  if (SCOPED_OTHERWISE[name]) return [];
  const problems: string[] = [];
  const missing = boundVariables(text).filter((v) => !text.includes(`@visible(${v})`));
  if (missing.length) problems.push(`it matches ${missing.join(', ')} without ${missing.map((v) => `@visible(${v})`).join(', ')}`);
  for (const m of text.matchAll(/degree: ([^\n,}]*)/g)) {
    // Counted in place, or a `degree` variable bound by the scoped count earlier in the statement.
    const ok = /^@visibleDegree\(\w+\)/.test(m[1]!) || (/^degree\b/.test(m[1]!) && /@visibleDegree\(\w+\) AS degree\b/.test(text));
    if (!ok) problems.push(`its degree (${m[1]!.trim()}) is not counted with @visibleDegree(...)`);
  }
  return problems;
}

/** Expands `@visible(x)` and `@visibleDegree(x)`; any other `@name(` is refused, naming the statement. */
export function expandScope(name: string, text: string): string {
  return text.replace(/@(\w+)\(([^)]*)\)/g, (whole, macro: string, arg: string) => {
    const expand = MACROS[macro];
    if (!expand) throw new StatementScopeError(`Cypher statement ${name}: unknown macro ${whole} (known: ${Object.keys(MACROS).map((k) => `@${k}(x)`).join(', ')})`);
    if (!/^\w+$/.test(arg)) throw new StatementScopeError(`Cypher statement ${name}: ${whole} takes one variable name`);
    return expand(arg);
  });
}

/** The statement as sent: checked (caller reads must scope what they match) and expanded. */
export function scopedStatement(name: string, text: string): string {
  const problems = scopeProblems(name, text);
  if (problems.length) {
    throw new StatementScopeError(
      `Cypher statement ${name} is a caller read but ${problems.join('; ')}. ` +
        `Add @visible(x) to the WHERE of each entity, link and record it matches (docs/security.md), ` +
        `or, if it is not a read for a caller, list its area in NOT_CALLER_READS (server/db/statement-scope.ts) with the reason.`,
    );
  }
  return expandScope(name, text);
}
