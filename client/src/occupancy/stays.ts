/**
 * The occupancy view's data, pure: the dated stays (WORKS_AT, LIVES_AT links) on the chart of
 * the people it is built from, one row per person, each stay a bar from its link's validFrom to
 * its validTo (open: to the "as known on" day, else to the latest date among the stays), and a
 * colour per premises. Hidden and filtered
 * links ("as known on" included) are left out as on the chart.
 */
import type { ChartDoc } from '../state/chartDoc.ts';

export const STAY_TYPES: ReadonlySet<string> = new Set(['WORKS_AT', 'LIVES_AT']);

export interface Stay {
  /** The link's id (selecting the bar selects it on the chart). */
  id: string;
  type: string;
  premises: string;
  from: string;
  /** Null: still open when last recorded. */
  to: string | null;
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
  /** Stays with no start date, which cannot be drawn. */
  undated: number;
}

/** Twelve colours told apart in print and by most colour-blind readers (Tableau 10 and two more). */
export const PREMISES_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f77b4', '#8c564b'];

/**
 * The people an occupancy view is built from: the people selected, and the people who stayed
 * at a selected premises. With no entity selected, null (keep what was shown).
 */
export function basisOf(doc: ChartDoc, selection: readonly string[]): string[] | null {
  const chosen = selection.filter((id) => doc.nodes[id]);
  if (chosen.length === 0) return null;
  const wanted = new Set(chosen);
  const people = new Set(chosen.filter((id) => doc.nodes[id]!.type === 'PERSON'));
  for (const e of Object.values(doc.edges)) if (STAY_TYPES.has(e.type) && wanted.has(e.target) && doc.nodes[e.source]?.type === 'PERSON') people.add(e.source);
  return [...people];
}

/** The stays of `people` (all the people on the chart when null); open stays run to `openUntil`, else to the latest date among them. */
export function occupancy(doc: ChartDoc, filtered: ReadonlySet<string>, people: readonly string[] | null, openUntil: string | null = null): Occupancy {
  const hidden = new Set(doc.hidden);
  const shown = (id: string) => !hidden.has(id) && !filtered.has(id);
  const wanted = people ? new Set(people) : null;
  const byPerson = new Map<string, Stay[]>();
  let undated = 0;
  for (const e of Object.values(doc.edges)) {
    if (!STAY_TYPES.has(e.type) || !shown(e.id) || !shown(e.source) || !shown(e.target)) continue;
    if (wanted && !wanted.has(e.source)) continue;
    if (doc.nodes[e.source]?.type !== 'PERSON' || !doc.nodes[e.target]) continue;
    if (!e.validFrom) {
      undated += 1;
      continue;
    }
    const list = byPerson.get(e.source) ?? [];
    list.push({ id: e.id, type: e.type, premises: e.target, from: e.validFrom.slice(0, 10), to: e.validTo?.slice(0, 10) ?? null });
    byPerson.set(e.source, list);
  }
  const rows = [...byPerson].map(([person, stays]) => ({
    person,
    label: doc.nodes[person]!.label,
    stays: stays.sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id)),
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
    premises: order.map((id, i) => ({ id, label: doc.nodes[id]!.label, colour: PREMISES_COLOURS[i % PREMISES_COLOURS.length]! })),
    start,
    end: start ? lastEnd : null,
    undated,
  };
}

/** Days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
