/**
 * Who was where, when (issue 26): a Gantt-style timeline of the dated stays (WORKS_AT,
 * LIVES_AT) of the people the chart's selection names, one row per person, one bar per stay,
 * coloured by premises. Linked to the chart both ways: it is built from the chart's selection,
 * and a click on a bar selects that stay's link on the chart, a click on a name or a premises
 * in the key selects that entity. A selection made here does not rebuild the rows.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChartDoc } from '../state/chartDoc.ts';
import { basisOf, occupancy } from './stays.ts';
import { OccupancyChart } from './OccupancyChart.tsx';

export interface OccupancyViewProps {
  doc: ChartDoc;
  filtered: ReadonlySet<string>;
  selection: readonly string[];
  onSelect(ids: string[]): void;
}

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
  const selected = useMemo(() => new Set(selection), [selection]);

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
          <OccupancyChart o={o} premisesLabel={(id) => doc.nodes[id]?.label ?? id} selected={selected} onSelect={select} />
        )}
      </div>
    </div>
  );
}
