/**
 * The warm-up after a start.
 *
 * A fresh Neo4j plans each statement the first time it sees it, which takes seconds on a cold
 * JVM, and then runs it slowly until the JVM has compiled the hot paths; V8 in this process is
 * cold too. Measured on the 100k store (bench/cold-start.ts, bench/ANALYSIS.md, session 11): one
 * request at a time, a fresh start answered 8 requests in its first 10 s and took about 45 s to
 * reach its warm speed, and the first search an analyst made waited seconds.
 *
 * So `lantern serve` runs the workspace's everyday reads, one at a time, around one well-linked
 * person of the store, with the look-ups of credentials every request makes, until their times
 * settle or the budget runs out. They go through the
 * GraphQL schema as a masked analyst would send them, so Neo4j plans the same statements with the
 * same parameter types that analysts' requests will use. Nothing read leaves the process and
 * nothing is audited: the answers are dropped. It starts no operation while a caller's GraphQL
 * operation is running (one it has started runs to its end), so analysts rarely share the two
 * cores with it.
 */
import type { ApolloServer } from '@apollo/server';
import type { Logger } from '../config/logger.ts';
import type { Gateway } from '../db/gateway.ts';
import { createContext, type Context } from '../graphql/context.ts';
import { scopeFor, type Principal } from '../modules/access/access.ts';
// The workspace's own documents, so that what is planned is what it sends.
import { COMMON, CONNECTING, ENTITY, LINKS_AMONG, NEIGHBOURHOOD, NEIGHBOURHOOD_2, PATHS, SEARCH, SUBGRAPH, TIMELINE } from '../kernel/documents.ts';
import { keptResults } from '../modules/scores/index.ts';

/** Who the warm-up's reads run as: an analyst without need-to-know (victims masked). */
export const WARM_UP_PRINCIPAL: Principal = Object.freeze({ id: 'system:warm-up', name: 'system:warm-up', role: 'analyst', needToKnow: false, via: 'system' });

export interface Seeds {
  /** A person with 3 to 40 links. */
  id: string;
  /** Its label and its neighbours': one is searched for each round, so that the full-text index
   * answers names, numbers and addresses of different lengths. */
  texts: string[];
  /** The entities one link from it (at most 40). */
  near: string[];
  /** An entity two links from it, if any. */
  far: string | null;
}

export interface WarmUpOperation {
  name: string;
  /** A document's text, with the fragments it spreads. */
  query: string;
  variables: Record<string, unknown>;
}

const text = (document: { toString(): string }) => document.toString().trim();

/** The reads an analyst makes most (search, details, expand, paths, networks, timeline), for round `round`. */
export function warmUpOperations(s: Seeds, round = 0): WarmUpOperation[] {
  const other = s.far ?? s.near[0] ?? s.id;
  const some = [s.id, ...s.near];
  return [
    { name: 'Search', query: text(SEARCH), variables: { text: (s.texts[round % s.texts.length] ?? s.id).slice(0, 200), types: null, first: 30 } },
    { name: 'Entity', query: text(ENTITY), variables: { id: s.id } },
    { name: 'Neighbourhood', query: text(NEIGHBOURHOOD), variables: { ids: [s.id], limit: 500, filter: null, threshold: null } },
    { name: 'Neighbourhood2', query: text(NEIGHBOURHOOD_2), variables: { ids: [s.id] } },
    { name: 'Paths', query: text(PATHS), variables: { from: s.id, to: other, filter: null } },
    { name: 'Connecting', query: text(CONNECTING), variables: { ids: [s.id, other], filter: null } },
    { name: 'Common', query: text(COMMON), variables: { ids: [s.id, other], filter: null } },
    { name: 'Sub', query: text(SUBGRAPH), variables: { ids: some } },
    // After every addition to a chart: the added entities' links to everything on it.
    { name: 'LinksAmong', query: text(LINKS_AMONG), variables: { ids: [s.id], among: some, filter: null } },
    { name: 'Timeline', query: text(TIMELINE), variables: { ids: some } },
  ];
}

/**
 * Whether round times have settled: at least 10 rounds, and the last 5 took on average at least
 * 95% of the time of the 5 before them (a JIT still compiling keeps cutting them by more).
 */
export function settled(roundMs: readonly number[]): boolean {
  if (roundMs.length < 10) return false;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return mean(roundMs.slice(-5)) >= 0.95 * mean(roundMs.slice(-10, -5));
}

/** 'out of time': the budget passed before the warm-up could answer anything (callers kept the
 * server busy throughout, which warms it as well). */
export type WarmUpState = 'off' | 'running' | 'done' | 'out of time' | 'nothing to read' | 'failed' | 'stopped';

export interface WarmUpReport {
  state: WarmUpState;
  rounds: number;
  /** Operations answered without errors. */
  answered: number;
  /** Wall-clock seconds from start to end, waits for analysts' requests included. */
  seconds: number;
  firstRoundMs: number | null;
  lastRoundMs: number | null;
  /** The first errors an operation gave (operation: message), when state is 'failed'. */
  errors: string[];
}

export interface WarmUpOptions {
  apollo: ApolloServer<Context>;
  /** The unscoped gateway; the reads run through a masked analyst's scope of it. */
  gateway: Gateway;
  pseudonymKey: Buffer;
  log: Logger;
  /** The budget; 0 turns the warm-up off. */
  seconds: number;
  /** Looks up credentials as each request does (for ones that do not exist); run each round. */
  credentials?: () => Promise<unknown>;
  /** Callers' GraphQL operations running now, and the moment none is; the warm-up starts none
   * while any are. */
  busy: { readonly count: number; idle(): Promise<void> };
  signal?: AbortSignal;
}

export async function warmUp(o: WarmUpOptions): Promise<WarmUpReport> {
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  const rounds: number[] = [];
  let answered = 0;
  const report = (state: WarmUpState, errors: string[] = []): WarmUpReport => ({
    state,
    rounds: rounds.length,
    answered,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    firstRoundMs: rounds.length ? Math.round(rounds[0]!) : null,
    lastRoundMs: rounds.length ? Math.round(rounds.at(-1)!) : null,
    errors,
  });
  if (o.seconds <= 0) return report('off');
  try {
    const [row] = await o.gateway.read('system/warm-up-seeds', { person: null });
    if (!row) return report('nothing to read');
    const seeds: Seeds = {
      id: String(row.id),
      texts: (row.texts as unknown[]).filter((t): t is string => typeof t === 'string' && t.trim() !== ''),
      near: (row.near as unknown[]).map(String),
      far: row.far == null ? null : String(row.far),
    };
    const contextValue = createContext({
      gateway: o.gateway.forScope(scopeFor(WARM_UP_PRINCIPAL, { unmaskReason: null, pseudonymKey: o.pseudonymKey })),
      log: o.log,
      requestId: 'warm-up',
      principal: WARM_UP_PRINCIPAL,
      purpose: 'warm-up after a start',
      unmaskReason: null,
      audit: undefined,
      services: { system: o.gateway, kept: keptResults },
    });
    const stopped = new Promise<void>((resolve) => o.signal?.addEventListener('abort', () => resolve(), { once: true }));
    /** Waits while callers' operations run; then whether to go on ('stopped' or 'done' if not). */
    const turn = async (): Promise<WarmUpState | null> => {
      while (o.busy.count > 0 && performance.now() < deadline && !o.signal?.aborted) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([o.busy.idle(), stopped, new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline - performance.now())))]);
        clearTimeout(timer);
      }
      return o.signal?.aborted ? 'stopped' : performance.now() >= deadline ? (answered > 0 ? 'done' : 'out of time') : null;
    };
    for (;;) {
      let roundMs = 0;
      let end = await turn();
      if (end) return report(end);
      let t = performance.now();
      await o.credentials?.();
      roundMs += performance.now() - t;
      for (const op of warmUpOperations(seeds, rounds.length)) {
        end = await turn();
        if (end) return report(end);
        t = performance.now();
        const res = await o.apollo.executeOperation({ query: op.query, variables: op.variables, operationName: op.name }, { contextValue });
        roundMs += performance.now() - t;
        const errors = res.body.kind === 'single' ? (res.body.singleResult.errors ?? []) : [];
        if (errors.length) return report('failed', errors.slice(0, 3).map((e) => `${op.name}: ${e.message}`));
        answered += 1;
      }
      rounds.push(roundMs);
      if (settled(rounds)) return report('done');
    }
  } catch (e) {
    return report('failed', [e instanceof Error ? e.message : String(e)]);
  }
}
