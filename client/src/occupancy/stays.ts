/**
 * The occupancy view's data, pure: the dated stays (WORKS_AT, LIVES_AT) the server's
 * `stays(ids, from, to, asKnownOn)` gives for the people the view is built from, one row per
 * person, each stay a bar from its validFrom to its validTo (open: to the "as known on" day, else
 * to the latest date among the stays), and a colour per premises. A stay whose link, person or
 * premises the chart hides or filters is left out as on the chart; a stay the server knows and
 * the chart does not hold is drawn and marked as not on the chart.
 */
import type { ChartDoc } from '../state/chartDoc.ts';

export const STAY_TYPES: ReadonlySet<string> = new Set(['WORKS_AT', 'LIVES_AT']);

/** A stay as the server gives it (the fields the view reads). */
export interface StayRecord {
  id: string;
  type: string;
  person: { id: string; label: string };
  premises: { id: string; label: string };
  validFrom: string;
  validTo?: string | null;
}

export interface Stay {
  /** The link's id (selecting the bar selects it on the chart). */
  id: string;
  type: string;
  premises: string;
  from: string;
  /** Null: still open when last recorded. */
  to: string | null;
  /** Whether the link is on the chart (a bar not on it cannot be selected there). */
  onChart: boolean;
}

export interface OccupancyRow {
  person: string;
  label: string;
  stays: Stay[];
}

export interface Occupancy {
  rows: OccupancyRow[];
  /** Premises in the order they are first stayed at, with their colour and label. */
  premises: { id: string; label: string; colour: string }[];
  /** The first and last day drawn (ISO dates); null when there is no dated stay. */
  start: string | null;
  end: string | null;
  /** Stays on the chart with no start date, which cannot be drawn. */
  undated: number;
  /** Stays drawn that are not on the chart. */
  offChart: number;
}

/** Twelve colours told apart in print and by most colour-blind readers (Tableau 10 and two more). */
export const PREMISES_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f77b4', '#8c564b'];

/** The most ids one `stays(ids)` call takes (server/modules/stays MAX_IDS). */
export const MAX_STAY_IDS = 1000;

/**
 * What an occupancy view is built from: the people and premises selected (the server then gives
 * the people who stayed at a selected premises). With no person or premises selected, null (keep
 * what was shown).
 */
export function basisOf(doc: ChartDoc, selection: readonly string[]): string[] | null {
  const chosen = selection.filter((id) => doc.nodes[id]?.type === 'PERSON' || doc.nodes[id]?.type === 'PREMISES');
  return chosen.length === 0 ? null : chosen;
}

/** Everyone on the chart (the view with no basis), at most one call's worth. */
export function everyone(doc: ChartDoc): string[] {
  return Object.values(doc.nodes)
    .filter((n) => n.type === 'PERSON' && !doc.hidden.includes(n.id))
    .map((n) => n.id)
    .slice(0, MAX_STAY_IDS);
}

/**
 * The dated stays among a chart's own links, as the server would give them: for a picture made
 * from a document alone (the briefing, whose snapshot holds what was chosen, masked and scoped).
 */
export function staysOnChart(doc: ChartDoc): StayRecord[] {
  const out: StayRecord[] = [];
  for (const e of Object.values(doc.edges)) {
    const person = doc.nodes[e.source];
    const premises = doc.nodes[e.target];
    if (!STAY_TYPES.has(e.type) || !e.validFrom || person?.type !== 'PERSON' || !premises) continue;
    out.push({ id: e.id, type: e.type, person: { id: person.id, label: person.label }, premises: { id: premises.id, label: premises.label }, validFrom: e.validFrom, validTo: e.validTo ?? null });
  }
  return out;
}

/**
 * The rows of the view. `shown(id)` says whether the chart shows an element it holds (not hidden,
 * not filtered); elements not on the chart count as shown. Open stays run to `openUntil`, else to
 * the latest date among them.
 */
export function occupancy(doc: ChartDoc, stays: readonly StayRecord[], shown: (id: string) => boolean, openUntil: string | null = null): Occupancy {
  const byPerson = new Map<string, Stay[]>();
  const labels = new Map<string, string>();
  const seen = new Set<string>();
  let offChart = 0;
  for (const r of stays) {
    if (seen.has(r.id) || !STAY_TYPES.has(r.type) || !shown(r.id) || !shown(r.person.id) || !shown(r.premises.id)) continue;
    seen.add(r.id);
    labels.set(r.person.id, doc.nodes[r.person.id]?.label ?? r.person.label);
    labels.set(r.premises.id, doc.nodes[r.premises.id]?.label ?? r.premises.label);
    const onChart = !!doc.edges[r.id];
    if (!onChart) offChart += 1;
    const list = byPerson.get(r.person.id) ?? [];
    list.push({ id: r.id, type: r.type, premises: r.premises.id, from: r.validFrom.slice(0, 10), to: r.validTo?.slice(0, 10) ?? null, onChart });
    byPerson.set(r.person.id, list);
  }
  let undated = 0;
  for (const e of Object.values(doc.edges)) if (STAY_TYPES.has(e.type) && !e.validFrom && byPerson.has(e.source) && shown(e.id)) undated += 1;
  const rows = [...byPerson].map(([person, list]) => ({
    person,
    label: labels.get(person)!,
    stays: list.sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id)),
  }));
  // People in the order of their first stay, so moves from one premises to the next read down the page.
  rows.sort((a, b) => a.stays[0]!.from.localeCompare(b.stays[0]!.from) || a.label.localeCompare(b.label));
  const all = rows.flatMap((r) => r.stays);
  const order: string[] = [];
  for (const s of [...all].sort((a, b) => a.from.localeCompare(b.from))) if (!order.includes(s.premises)) order.push(s.premises);
  const start = all.length ? all.reduce((m, s) => (s.from < m ? s.from : m), all[0]!.from) : null;
  const latest = all.reduce((m, s) => [m, s.from, s.to ?? ''].reduce((a, b) => (b > a ? b : a)), start ?? '');
  const lastEnd = all.reduce((m, s) => {
    const end = s.to ?? openUntil ?? latest;
    return end > m ? end : m;
  }, latest);
  return {
    rows,
    premises: order.map((id, i) => ({ id, label: labels.get(id)!, colour: PREMISES_COLOURS[i % PREMISES_COLOURS.length]! })),
    start,
    end: start ? lastEnd : null,
    undated,
    offChart,
  };
}

/** Days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `n` days after `a`. */
export function addDays(a: string, n: number): string {
  return new Date(Date.parse(`${a}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The date range a drag across the time axis chooses: the days under its two ends (in the
 * axis's own fraction 0..1 of the span from `start`, `days` long), earliest first, within the span.
 */
export function brushRange(start: string, days: number, a: number, b: number): { from: string; to: string } {
  const dayAt = (f: number) => Math.max(0, Math.min(days - 1, Math.floor(f * days)));
  const [lo, hi] = [dayAt(Math.min(a, b)), dayAt(Math.max(a, b))];
  return { from: addDays(start, lo), to: addDays(start, hi) };
}
