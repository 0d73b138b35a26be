/**
 * Who was where, when (issue 26): a Gantt-style timeline of the dated stays (WORKS_AT,
 * LIVES_AT) of the people the chart's selection names, one row per person, one bar per stay,
 * coloured by premises. Linked to the chart both ways: it is built from the chart's selection,
 * and a click on a bar selects that stay's link on the chart, a click on a name or a premises
 * in the key selects that entity. A selection made here does not rebuild the rows.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChartDoc } from '../state/chartDoc.ts';
import { basisOf, daysBetween, occupancy } from './stays.ts';
import './occupancy.css';

export interface OccupancyViewProps {
  doc: ChartDoc;
  filtered: ReadonlySet<string>;
  selection: readonly string[];
  onSelect(ids: string[]): void;
}

const LABEL = 170;
const WIDTH = 1000;
const ROW = 20;
const AXIS = 22;

/** Month starts between two ISO dates, thinned to about eight ticks. */
function ticks(start: string, end: string): string[] {
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

export default function OccupancyView({ doc, filtered, selection, onSelect }: OccupancyViewProps) {
  const [basis, setBasis] = useState<string[] | null>(() => basisOf(doc, selection));
  const mine = useRef<string[] | null>(null);
  useEffect(() => {
    // A selection this view made (a bar, a name) leaves its rows as they are.
    if (mine.current && mine.current.join() === selection.join()) return;
    mine.current = null;
    const b = basisOf(doc, selection);
    if (b) setBasis(b);
  }, [doc, selection]);
  const select = (ids: string[]) => {
    mine.current = ids;
    onSelect(ids);
  };

  const o = useMemo(() => occupancy(doc, filtered, basis, doc.filters.asKnownOn), [doc, filtered, basis]);
  const colour = useMemo(() => new Map(o.premises.map((p) => [p.id, p.colour])), [o.premises]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const span = o.start && o.end ? Math.max(1, daysBetween(o.start, o.end) + 1) : 1;
  const x = (d: string) => LABEL + ((WIDTH - LABEL - 8) * daysBetween(o.start!, d)) / span;
  const height = AXIS + o.rows.length * ROW + 4;

  return (
    <div className="occupancy-pane" role="region" aria-label="Occupancy">
      <div className="occupancy-head">
        <strong>Occupancy</strong>
        <span data-testid="occupancy-counts">
          {o.rows.length} {o.rows.length === 1 ? 'person' : 'people'} · {o.premises.length} premises
          {o.undated > 0 && ` · ${o.undated} undated ${o.undated === 1 ? 'stay' : 'stays'} not drawn`}
        </span>
        <span className="muted">{basis ? 'from the selection' : 'everyone on the chart'}</span>
        <ul className="occupancy-key" aria-label="Premises">
          {o.premises.map((p) => (
            <li key={p.id}>
              <button type="button" className={selected.has(p.id) ? 'on' : ''} onClick={() => select([p.id])}>
                <span className="swatch" style={{ background: p.colour }} />
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="occupancy-body">
        {o.rows.length === 0 ? (
          <p className="muted occupancy-empty">No dated stays (works at, lives at) among the people selected. Select people or premises on the chart.</p>
        ) : (
          <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`Stays of ${o.rows.length} people from ${o.start} to ${o.end}`}>
            {ticks(o.start!, o.end!).map((d) => (
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
                  <text x={4} y={y + 14} className="occupancy-name" onClick={() => select([r.person])}>
                    {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
                  </text>
                  {r.stays.map((s) => {
                    const x1 = x(s.from);
                    const x2 = Math.max(x1 + 3, x(s.to ?? o.end!) + (WIDTH - LABEL - 8) / span);
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
                        onClick={() => select([s.id])}
                      >
                        <title>{`${r.label}: ${lives ? 'lives at' : 'works at'} ${doc.nodes[s.premises]?.label ?? s.premises}, ${s.from} – ${s.to ?? 'open'}`}</title>
                      </rect>
                    );
                  })}
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </div>
  );
}
