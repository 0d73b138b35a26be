/**
 * The alert engine: turns new matches of the active watches into alerts. It takes the marks the
 * writes of imports and edits leave (the same mark-dirty statement the stored analysis takes,
 * AlertDirty its own copy), evaluates entity and pattern watches on the marked entities only, and
 * indicator watches on the stored analysis's kept hits; each match has a key (watch and link, or
 * watch and entity) recorded once, so that re-importing a file raises nothing new. It runs after
 * writes (nudged by modules/scores' markDirty, debounced) and on a schedule
 * (LANTERN_ALERTS_INTERVAL); several server instances may run it: the unique key raises each
 * match once.
 */
import { createHash } from 'node:crypto';
import type { Gateway } from '../../db/gateway.ts';
import type { Logger } from '../../config/logger.ts';
import { onMarked } from '../scores/index.ts';
import * as repo from './alerts.repository.ts';
import { PATTERNS, type PatternName } from './alerts.patterns.ts';
import type { AlertHub } from './alerts.hub.ts';
import type { AlertWebhook } from './alerts.webhook.ts';

/** Marks taken per round (a pass runs rounds until none are left). */
export const MARKS_PER_ROUND = 50_000;

/** One match of one watch, with the alert it raises when its key is new. */
export interface Match {
  key: string;
  props: Record<string, unknown>;
}

/** The most restrictive grading of the evidence: an alert is as shareable as its least shareable item. */
export function gradingOf(
  handlingCodes: readonly (string | null)[],
  classifications: readonly (string | null)[],
): { handlingCode: string; classification: string } {
  return {
    handlingCode: handlingCodes.every((h) => h === 'P') ? 'P' : 'C',
    classification: classifications.every((c) => c === 'OFFICIAL')
      ? 'OFFICIAL'
      : 'OFFICIAL-SENSITIVE',
  };
}

/** A stable alert id from its key: the same match gives the same id in every instance. */
export const alertId = (key: string) =>
  `alert-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

function match(w: repo.WatchRow, rule: string, m: repo.MatchRow): Match {
  const key = `${w.id}|${m.key}`;
  return {
    key,
    props: {
      id: alertId(key),
      watchId: w.id,
      caseId: w.caseId,
      owner: w.owner,
      rule,
      summary: m.summary,
      entityIds: [...new Set(m.entityIds)],
      linkIds: [...new Set(m.linkIds)],
      sourceIds: [...new Set(m.sourceIds)],
      ...gradingOf(m.handlingCodes, m.classifications),
    },
  };
}

export const ruleOf = (w: Pick<repo.WatchRow, 'kind' | 'entityId' | 'indicatorId' | 'pattern'>) =>
  w.kind === 'ENTITY'
    ? 'watched-entity'
    : w.kind === 'INDICATOR'
      ? `indicator:${w.indicatorId}`
      : `pattern:${w.pattern}`;

interface KeptHit {
  indicatorId: string;
  summary: string;
  evidence?: {
    entityIds: string[];
    linkIds: string[];
    sourceIds: string[];
    grading?: { handlingCode?: string | null; classification?: string | null };
  }[];
  entityIds?: string[];
  linkIds?: string[];
}

/** The matches of one watch: among the marked entities ($ids), or all of them (null: a new watch's baseline). */
export async function matchesOf(
  gw: Gateway,
  watches: readonly repo.WatchRow[],
  ids: readonly string[] | null,
): Promise<Match[]> {
  const out: Match[] = [];
  const marked = ids ? new Set(ids) : null;
  const entityWatches = watches.filter(
    (w) => w.kind === 'ENTITY' && (!marked || marked.has(w.entityId!)),
  );
  if (entityWatches.length) {
    const byId = new Map(entityWatches.map((w) => [w.id, w]));
    for (const m of await repo.entityLinks(
      gw,
      entityWatches.map((w) => ({ id: w.id, entityId: w.entityId! })),
      ids === null,
    ))
      out.push(match(byId.get(m.watchId)!, 'watched-entity', m));
  }
  for (const w of watches) {
    if (w.kind === 'PATTERN' && (ids === null || ids.length > 0)) {
      const p = PATTERNS[w.pattern as PatternName];
      if (!p) continue;
      for (const m of await repo.pattern(
        gw,
        p.statement,
        JSON.parse(w.parameters ?? '{}') as Record<string, unknown>,
        ids,
      ))
        out.push(match(w, ruleOf(w), m));
    }
    if (w.kind === 'INDICATOR') {
      for (const f of await repo.indicatorFlagged(gw, w.id, w.indicatorId!, ids === null)) {
        const hit = (JSON.parse(f.hits) as KeptHit[]).find((h) => h.indicatorId === w.indicatorId);
        const ev = hit?.evidence ?? [];
        out.push(
          match(w, ruleOf(w), {
            key: f.id,
            summary: hit?.summary ?? `Flagged by ${w.indicatorId}`,
            entityIds: [f.id, ...(hit?.entityIds ?? ev.flatMap((e) => e.entityIds))],
            linkIds: hit?.linkIds ?? ev.flatMap((e) => e.linkIds),
            sourceIds: ev.flatMap((e) => e.sourceIds),
            handlingCodes: ev.length ? ev.map((e) => e.grading?.handlingCode ?? null) : ['C'],
            classifications: ev.length
              ? ev.map((e) => e.grading?.classification ?? null)
              : ['OFFICIAL-SENSITIVE'],
          }),
        );
      }
    }
  }
  return out;
}

/** Records what a new watch matches already, so that only what comes after it raises alerts; returns how many. */
export async function baseline(gw: Gateway, w: repo.WatchRow): Promise<number> {
  const found = await matchesOf(gw, [w], null);
  await repo.raise(
    gw,
    found.map((m) => ({ key: m.key, alert: false, props: {} })),
  );
  return found.length;
}

export interface PassReport {
  marks: number;
  matches: number;
  raised: string[];
  ms: number;
}

/**
 * One evaluation: rounds over the marks until none are left (indicator watches once, on the kept
 * hits), raising the new matches; each round clears the marks it took.
 */
export async function evaluate(gw: Gateway): Promise<PassReport> {
  const started = performance.now();
  const report: PassReport = { marks: 0, matches: 0, raised: [], ms: 0 };
  const watches = await repo.activeWatches(gw);
  let first = true;
  for (;;) {
    const marks = await repo.marks(gw, MARKS_PER_ROUND);
    if (marks.length === 0 && !first) break;
    // '*' (an import taken back) removes matches; it cannot make one.
    const ids = marks.map((m) => m.id).filter((id) => id !== '*');
    const found = await matchesOf(
      gw,
      first ? watches : watches.filter((w) => w.kind !== 'INDICATOR'),
      ids,
    );
    report.matches += found.length;
    report.raised.push(
      ...(await repo.raise(
        gw,
        found.map((m) => ({ key: m.key, alert: true, props: m.props })),
      )),
    );
    report.marks += marks.length;
    first = false;
    if (marks.length === 0) break;
    const latest = marks.reduce(
      (a, m) => (Date.parse(m.at) > Date.parse(a) ? m.at : a),
      marks[0]!.at,
    );
    await repo.clearMarks(
      gw,
      marks.map((m) => m.id),
      latest,
    );
    if (marks.length < MARKS_PER_ROUND) break;
  }
  report.ms = performance.now() - started;
  return report;
}

export interface EngineOptions {
  /** The scheduled evaluation's interval (LANTERN_ALERTS_INTERVAL). */
  intervalMs: number;
  /** How long after a write's mark the engine looks (its transaction commits meanwhile). */
  debounceMs?: number;
  hub?: AlertHub | undefined;
  webhook?: AlertWebhook | undefined;
}

export interface Engine {
  /** Runs one evaluation now (after any running one): resolves with what it raised. */
  pass(): Promise<PassReport>;
  stop(): Promise<void>;
}

/** Starts the engine: a pass on every write's mark (debounced) and every intervalMs. */
export function startEngine(gateway: Gateway, log: Logger, o: EngineOptions): Engine {
  const gw = gateway.withTimeout(600_000);
  let stopped = false;
  let running: Promise<PassReport> = Promise.resolve({ marks: 0, matches: 0, raised: [], ms: 0 });
  const once = async (): Promise<PassReport> => {
    try {
      const r = await evaluate(gw);
      if (r.raised.length > 0) {
        log.info(
          { marks: r.marks, matches: r.matches, raised: r.raised.length, ms: Math.round(r.ms) },
          'Alerts raised',
        );
        o.hub?.publish(r.raised);
        if (o.webhook) o.webhook.send(await repo.byIds(gw, r.raised));
      }
      return r;
    } catch (e) {
      log.error({ err: e }, 'Alert evaluation failed; it is tried again on the next pass');
      return { marks: 0, matches: 0, raised: [], ms: 0 };
    }
  };
  const pass = () => (running = running.then(once));
  let soon: NodeJS.Timeout | undefined;
  const offMarked = onMarked(() => {
    if (stopped || soon) return;
    soon = setTimeout(() => {
      soon = undefined;
      if (!stopped) void pass();
    }, o.debounceMs ?? 500);
  });
  const timer = setInterval(() => void pass(), o.intervalMs);
  timer.unref();
  void pass();
  return {
    pass,
    stop: async () => {
      stopped = true;
      offMarked();
      clearInterval(timer);
      if (soon) clearTimeout(soon);
      await running;
      await o.webhook?.idle();
    },
  };
}
