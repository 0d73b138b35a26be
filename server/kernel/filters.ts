/**
 * Chart filters as pure logic: which elements a set of filters hides. The chart applies the
 * answer as a class; the data on the chart is never rewritten by a filter. Shared kernel: the
 * workspace runs it on its chart, and an export or briefing of a saved chart runs it on the
 * server (modules/selection), so both hide the same things. It reads only the fields below, so
 * the workspace's GraphNode and GraphEdge (client/src/model/types.ts) fit as they are.
 */
import type { EntityType } from '../model/model.ts';

/** Ranks of the grading codes, best first: a filter keeps a grade up to the worst one it names. */
export const SOURCE_EVALUATION_RANK = { RELIABLE: 1, UNTESTED: 2, NOT_RELIABLE: 3 } as const;
export const ASSESSMENT_RANK = { A: 1, B: 2, C: 3, D: 4, E: 5 } as const;
export type SourceEvaluation = keyof typeof SOURCE_EVALUATION_RANK;
export type Assessment = keyof typeof ASSESSMENT_RANK;

/** What the filters read of an entity on a chart. */
export interface FilteredNode {
  id: string;
  type: EntityType;
}

/** What the filters read of a link on a chart. */
export interface FilteredEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  validFrom?: string | null;
  validTo?: string | null;
  recordedAt?: string | null;
  grading: { sourceEvaluation: SourceEvaluation; intelligenceAssessment: Assessment };
}

export interface Filters {
  hiddenEntityTypes: EntityType[];
  hiddenLinkTypes: string[];
  /** Date range (ISO dates): links valid at some time within it. Open-ended and undated links count. */
  from: string | null;
  to: string | null;
  /** Worst source evaluation kept. */
  minSource: SourceEvaluation | null;
  /** Worst intelligence assessment kept. */
  minAssessment: Assessment | null;
  /** As known on this date: links recorded after it are hidden. */
  asKnownOn: string | null;
}

export const NO_FILTERS: Filters = {
  hiddenEntityTypes: [],
  hiddenLinkTypes: [],
  from: null,
  to: null,
  minSource: null,
  minAssessment: null,
  asKnownOn: null,
};

export function filtersActive(f: Filters): boolean {
  return (
    f.hiddenEntityTypes.length > 0 || f.hiddenLinkTypes.length > 0 || !!f.from || !!f.to || !!f.minSource || !!f.minAssessment || !!f.asKnownOn
  );
}

/** The date a link is placed at on the timeline: when it became valid, else when it was recorded. */
export function edgeDate(e: Pick<FilteredEdge, 'validFrom' | 'recordedAt'>): string | null {
  return (e.validFrom ?? e.recordedAt ?? null)?.slice(0, 10) ?? null;
}

export function edgePassesDates(e: Pick<FilteredEdge, 'validFrom' | 'validTo' | 'recordedAt'>, from: string | null, to: string | null): boolean {
  const start = e.validFrom?.slice(0, 10) ?? null;
  const end = e.validTo?.slice(0, 10) ?? null;
  if (from && end && end < from) return false;
  if (to && start && start > to) return false;
  if (!e.validFrom && !e.validTo && e.recordedAt) {
    // An undated link is placed at its recording date.
    const d = e.recordedAt.slice(0, 10);
    if ((from && d < from) || (to && d > to)) return false;
  }
  return true;
}

export function edgePassesGrade(e: Pick<FilteredEdge, 'grading'>, f: Pick<Filters, 'minSource' | 'minAssessment'>): boolean {
  if (f.minSource && SOURCE_EVALUATION_RANK[e.grading.sourceEvaluation] > SOURCE_EVALUATION_RANK[f.minSource]) return false;
  if (f.minAssessment && ASSESSMENT_RANK[e.grading.intelligenceAssessment] > ASSESSMENT_RANK[f.minAssessment]) return false;
  return true;
}

export function edgeKnownOn(e: Pick<FilteredEdge, 'recordedAt'>, asKnownOn: string | null): boolean {
  return !asKnownOn || !e.recordedAt || e.recordedAt.slice(0, 10) <= asKnownOn;
}

/**
 * The ids of the elements the filters hide. A node is hidden when its type is, or when it
 * had links on the chart and every one of them is filtered out by the link filters.
 */
export function filteredIds(nodes: Iterable<FilteredNode>, edges: Iterable<FilteredEdge>, f: Filters): Set<string> {
  const out = new Set<string>();
  if (!filtersActive(f)) return out;
  const hiddenTypes = new Set<string>(f.hiddenEntityTypes);
  const hiddenLinks = new Set(f.hiddenLinkTypes);
  const nodeList = [...nodes];
  for (const n of nodeList) if (hiddenTypes.has(n.type)) out.add(n.id);
  const linkCount = new Map<string, number>();
  const keptCount = new Map<string, number>();
  for (const e of edges) {
    for (const end of [e.source, e.target]) linkCount.set(end, (linkCount.get(end) ?? 0) + 1);
    const hidden =
      out.has(e.source) ||
      out.has(e.target) ||
      hiddenLinks.has(e.type) ||
      !edgePassesDates(e, f.from, f.to) ||
      !edgePassesGrade(e, f) ||
      !edgeKnownOn(e, f.asKnownOn);
    if (hidden) out.add(e.id);
    else for (const end of [e.source, e.target]) keptCount.set(end, (keptCount.get(end) ?? 0) + 1);
  }
  const linkFiltersOn = f.hiddenLinkTypes.length > 0 || !!f.from || !!f.to || !!f.minSource || !!f.minAssessment || !!f.asKnownOn;
  if (linkFiltersOn) {
    for (const n of nodeList) {
      if ((linkCount.get(n.id) ?? 0) > 0 && (keptCount.get(n.id) ?? 0) === 0) out.add(n.id);
    }
  }
  return out;
}

/** Links per month (YYYY-MM) for the timeline brush. */
export function monthlyCounts(edges: Iterable<FilteredEdge>): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of edges) {
    const d = edgeDate(e);
    if (d) counts.set(d.slice(0, 7), (counts.get(d.slice(0, 7)) ?? 0) + 1);
  }
  const months = [...counts.keys()].sort();
  if (months.length === 0) return [];
  const out: { month: string; count: number }[] = [];
  let [y, m] = months[0]!.split('-').map(Number) as [number, number];
  const last = months[months.length - 1]!;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
    if (key >= last || out.length > 600) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
