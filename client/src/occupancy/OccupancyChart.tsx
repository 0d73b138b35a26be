/**
 * The occupancy timeline as a picture: a month axis, one row per person, one bar per dated stay
 * coloured by premises (a tall bar works at, a thin one lives at). Drawn by the workspace's view
 * (with clicks, which select on the chart) and by the briefing (static, in HTML, PDF and PNG).
 */
import type { PointerEventHandler, Ref } from 'react';
import { edgePassesDates } from '../../../server/kernel/filters.ts';
import { daysBetween, type Occupancy } from './stays.ts';
import './occupancy.css';

export interface OccupancyChartProps {
  o: Occupancy;
  /** A premises' name, for a bar's tooltip. */
  premisesLabel(id: string): string;
  selected?: ReadonlySet<string>;
  /** Absent: a picture (the briefing), nothing to click. */
  onSelect?(ids: string[]): void;
  /** The chart's date range: stays outside it are dimmed. */
  range?: { from: string | null; to: string | null };
  /** Days shaded (a range brushed, or being brushed). */
  shade?: { from: string; to: string } | null;
  /** The workspace's brushing: the picture's element and its pointer handlers. */
  svgRef?: Ref<SVGSVGElement>;
  brushing?: boolean;
  onPointerDown?: PointerEventHandler<SVGSVGElement>;
  onPointerMove?: PointerEventHandler<SVGSVGElement>;
  onPointerUp?: PointerEventHandler<SVGSVGElement>;
  onPointerCancel?: PointerEventHandler<SVGSVGElement>;
}

export const OCCUPANCY_WIDTH = 1000;
/** The names' column: the plot starts here and runs to 8 px short of the width. */
export const OCCUPANCY_LABEL = 170;
export const OCCUPANCY_PLOT = OCCUPANCY_WIDTH - OCCUPANCY_LABEL - 8;
const LABEL = OCCUPANCY_LABEL;
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

export function OccupancyChart({ o, premisesLabel, selected = new Set(), onSelect, range, shade, svgRef, brushing, ...pointer }: OccupancyChartProps) {
  if (!o.start || !o.end || o.rows.length === 0) return null;
  const colour = new Map(o.premises.map((p) => [p.id, p.colour]));
  const span = Math.max(1, daysBetween(o.start, o.end) + 1);
  const x = (d: string) => LABEL + (OCCUPANCY_PLOT * daysBetween(o.start!, d)) / span;
  const height = AXIS + o.rows.length * ROW + 4;
  const clampX = (v: number) => Math.max(LABEL, Math.min(OCCUPANCY_WIDTH - 8, v));
  const ranged = !!(range && (range.from || range.to));
  return (
    <svg
      ref={svgRef}
      className={brushing ? 'occupancy-chart brushing' : 'occupancy-chart'}
      viewBox={`0 0 ${OCCUPANCY_WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={`Stays of ${o.rows.length} people from ${o.start} to ${o.end}`}
      {...pointer}
    >
      {shade && (
        <rect
          className="occupancy-brush"
          data-testid="occupancy-brush"
          x={clampX(x(shade.from))}
          y={AXIS - 4}
          width={Math.max(2, clampX(x(shade.to) + OCCUPANCY_PLOT / span) - clampX(x(shade.from)))}
          height={height - AXIS + 4}
        />
      )}
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
              const x2 = Math.max(x1 + 3, x(s.to ?? o.end!) + OCCUPANCY_PLOT / span);
              const lives = s.type === 'LIVES_AT';
              const out = ranged && !edgePassesDates({ validFrom: s.from, validTo: s.to }, range!.from, range!.to);
              const cls = ['stay', (selected.has(s.id) || selected.has(s.premises)) && 'on', out && 'out', !s.onChart && 'off-chart'].filter(Boolean).join(' ');
              return (
                <rect
                  key={s.id}
                  data-id={s.id}
                  className={cls}
                  x={x1}
                  y={y + (lives ? 9 : 3)}
                  width={x2 - x1}
                  height={lives ? 6 : 12}
                  rx={2}
                  fill={colour.get(s.premises)}
                  onClick={onSelect && s.onChart ? () => onSelect([s.id]) : undefined}
                >
                  <title>{`${r.label}: ${lives ? 'lives at' : 'works at'} ${premisesLabel(s.premises)}, ${s.from} – ${s.to ?? 'open'}${s.onChart ? '' : ' (not on the chart)'}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
