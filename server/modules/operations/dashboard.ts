/**
 * An operation's dashboard figures (pure): premises visited, people encountered, potential
 * victims identified and safeguarded, referrals by kind, offences by category and visit
 * outcomes, in all and in day or week buckets across the operation's dates.
 */

export interface DashboardRows {
  operation: { id: string; name?: string | null; startDate?: string | null; endDate?: string | null; lead?: string | null; description?: string | null };
  visits: { visitId: string; date: string | null; outcome: string | null; premisesId: string }[];
  encounters: { visitId: string; date: string | null; personId: string; role: string | null; safeguarded: boolean }[];
  referrals: { referralId: string; kind: string | null; date: string | null; personId: string }[];
  offences: { offenceId: string; category: string | null; date: string | null }[];
}

export type BucketSize = 'DAY' | 'WEEK';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (d: string) => Date.parse(`${d}T00:00:00Z`);

function countBy<T>(items: T[], key: (t: T) => string): { key: string; count: number }[] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m.entries()].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The bucket a date falls in: the day itself, or the Monday of its week. */
function bucketStart(date: string, size: BucketSize): string {
  if (size === 'DAY') return date;
  const t = at(date);
  const dow = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  return iso(t - dow * DAY);
}

interface Figures {
  visits: number;
  premisesVisited: number;
  peopleEncountered: number;
  potentialVictimsIdentified: number;
  safeguarded: number;
  referrals: number;
  offences: number;
}

function figures(r: Pick<DashboardRows, 'visits' | 'encounters' | 'referrals' | 'offences'>, pvFirst: Map<string, { date: string | null; safeguarded: boolean }>): Figures {
  const pvs = [...pvFirst.values()];
  return {
    visits: new Set(r.visits.map((v) => v.visitId)).size,
    premisesVisited: new Set(r.visits.map((v) => v.premisesId)).size,
    peopleEncountered: new Set(r.encounters.map((e) => e.personId)).size,
    potentialVictimsIdentified: pvs.length,
    safeguarded: pvs.filter((p) => p.safeguarded).length,
    referrals: new Set(r.referrals.map((x) => x.referralId)).size,
    offences: new Set(r.offences.map((o) => o.offenceId)).size,
  };
}

export function dashboard(rows: DashboardRows, size: BucketSize) {
  // A potential victim counts once, on the day first identified in this operation.
  const pvFirst = new Map<string, { date: string | null; safeguarded: boolean }>();
  for (const e of [...rows.encounters].filter((x) => x.role === 'POTENTIAL_VICTIM').sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))) {
    if (!pvFirst.has(e.personId)) pvFirst.set(e.personId, { date: e.date, safeguarded: e.safeguarded });
  }
  const op = rows.operation;
  const dated = [...rows.visits.map((v) => v.date), ...rows.offences.map((o) => o.date), ...rows.referrals.map((x) => x.date)].filter((d): d is string => !!d).sort();
  const first = op.startDate ?? dated[0] ?? null;
  const last = op.endDate ?? dated[dated.length - 1] ?? null;
  const buckets = [];
  if (first && last) {
    for (let s = bucketStart(first, size); s <= last; s = iso(at(s) + (size === 'DAY' ? 1 : 7) * DAY)) {
      const e = size === 'DAY' ? s : iso(at(s) + 6 * DAY);
      const inB = (d: string | null) => !!d && d >= s && d <= e;
      const pvs = new Map([...pvFirst].filter(([, v]) => inB(v.date)));
      buckets.push({
        start: s,
        end: e,
        ...figures(
          {
            visits: rows.visits.filter((v) => inB(v.date)),
            encounters: rows.encounters.filter((x) => inB(x.date)),
            referrals: rows.referrals.filter((x) => inB(x.date)),
            offences: rows.offences.filter((o) => inB(o.date)),
          },
          pvs,
        ),
      });
    }
  }
  const uniq = <T, K>(xs: T[], key: (t: T) => K) => [...new Map(xs.map((x) => [key(x), x])).values()];
  return {
    operation: { id: op.id, name: op.name ?? op.id, startDate: op.startDate ?? null, endDate: op.endDate ?? null, lead: op.lead ?? null, description: op.description ?? null },
    ...figures(rows, pvFirst),
    referralsByKind: countBy(uniq(rows.referrals, (r) => r.referralId), (r) => r.kind ?? 'UNKNOWN'),
    offencesByCategory: countBy(uniq(rows.offences, (o) => o.offenceId), (o) => o.category ?? 'UNKNOWN'),
    visitOutcomes: countBy(uniq(rows.visits, (v) => v.visitId), (v) => v.outcome ?? 'UNKNOWN'),
    buckets,
    bucketSize: size,
    premisesIds: [...new Set(rows.visits.map((v) => v.premisesId))].sort(),
  };
}
