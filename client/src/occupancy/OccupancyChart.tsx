/**
 * The occupancy timeline as a picture: a month axis, one row per person, one bar per dated stay
 * coloured by premises (a tall bar works at, a thin one lives at). Drawn by the workspace's view
 * (with clicks, which select on the chart) and by the briefing (static, in HTML, PDF and PNG).
 */
import { daysBetween, type Occupancy } from './stays.ts';
import './occupancy.css';

export interface OccupancyChartProps {
  o: Occupancy;
  /** A premises' name, for a bar's tooltip. */
  premisesLabel(id: string): string;
  selected?: ReadonlySet<string>;
  /** Absent: a picture (the briefing), nothing to click. */
  onSelect?(ids: string[]): void;
}

export const OCCUPANCY_WIDTH = 1000;
const LABEL = 170;
const ROW = 20;
const AXIS = 22;

/** Month starts between two ISO dates, thinned to about eight ticks. */
export function monthTicks(start: string, end: string): string[] {
  const out: string[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  for (;;) {
    const d = `${y}-${String(m).padStart(2, '0')}-01`;
    if (d > end) break;
    if (d >= start) out.push(d);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  const every = Math.max(1, Math.ceil(out.length / 8));
  return out.filter((_, i) => i % every === 0);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (d: string) => `${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

export function OccupancyChart({ o, premisesLabel, selected = new Set(), onSelect }: OccupancyChartProps) {
  if (!o.start || !o.end || o.rows.length === 0) return null;
  const colour = new Map(o.premises.map((p) => [p.id, p.colour]));
  const span = Math.max(1, daysBetween(o.start, o.end) + 1);
  const x = (d: string) => LABEL + ((OCCUPANCY_WIDTH - LABEL - 8) * daysBetween(o.start!, d)) / span;
  const height = AXIS + o.rows.length * ROW + 4;
  return (
    <svg className="occupancy-chart" viewBox={`0 0 ${OCCUPANCY_WIDTH} ${height}`} width="100%" role="img" aria-label={`Stays of ${o.rows.length} people from ${o.start} to ${o.end}`}>
      {monthTicks(o.start, o.end).map((d) => (
        <g key={d} className="occupancy-tick">
          <line x1={x(d)} x2={x(d)} y1={AXIS - 4} y2={height} />
          <text x={x(d) + 3} y={12}>
            {monthLabel(d)}
          </text>
        </g>
      ))}
      {o.rows.map((r, i) => {
        const y = AXIS + i * ROW;
        return (
          <g key={r.person} className={selected.has(r.person) ? 'occupancy-row on' : 'occupancy-row'}>
            <text x={4} y={y + 14} className="occupancy-name" onClick={onSelect && (() => onSelect([r.person]))}>
              {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
            </text>
            {r.stays.map((s) => {
              const x1 = x(s.from);
              const x2 = Math.max(x1 + 3, x(s.to ?? o.end!) + (OCCUPANCY_WIDTH - LABEL - 8) / span);
              const lives = s.type === 'LIVES_AT';
              return (
                <rect
                  key={s.id}
                  data-id={s.id}
                  className={selected.has(s.id) || selected.has(s.premises) ? 'stay on' : 'stay'}
                  x={x1}
                  y={y + (lives ? 9 : 3)}
                  width={x2 - x1}
                  height={lives ? 6 : 12}
                  rx={2}
                  fill={colour.get(s.premises)}
                  onClick={onSelect && (() => onSelect([s.id]))}
                >
                  <title>{`${r.label}: ${lives ? 'lives at' : 'works at'} ${premisesLabel(s.premises)}, ${s.from} – ${s.to ?? 'open'}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
