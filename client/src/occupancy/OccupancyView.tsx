/**
 * Who was where, when (issue 26): a Gantt-style timeline of the dated stays (WORKS_AT,
 * LIVES_AT) the server gives (`stays(ids, asKnownOn)`) for the people the chart's selection
 * names, one row per person, one bar per stay, coloured by premises. Linked to the chart both
 * ways: it is built from the chart's selection, and a click on a bar selects that stay's link on
 * the chart, a click on a name or a premises in the key selects that entity. A selection made
 * here does not rebuild the rows. A drag across the time axis brushes a date range: it becomes
 * the chart's date filter (one undo step; the filter panel shows it and clears it), so the chart
 * and the map filter to it; the view keeps its whole span and dims the stays outside the range.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { filteredIds } from '../../../server/kernel/filters.ts';
import type { ChartDoc } from '../state/chartDoc.ts';
import { staysKey, staysOf } from './api.ts';
import { basisOf, brushRange, daysBetween, everyone, occupancy, type StayRecord } from './stays.ts';
import { OCCUPANCY_LABEL, OCCUPANCY_PLOT, OCCUPANCY_WIDTH, OccupancyChart } from './OccupancyChart.tsx';

export interface OccupancyViewProps {
  doc: ChartDoc;
  selection: readonly string[];
  onSelect(ids: string[]): void;
  /** A range brushed on the time axis (null, null: cleared), made the chart's date filter. */
  onRange(from: string | null, to: string | null): void;
  onError(text: string): void;
}
export default function OccupancyView({ doc, selection, onSelect, onRange, onError }: OccupancyViewProps) {
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

  // The stays from the server: of the basis, else of everyone on the chart; read again when the
  // basis, the people on the chart or the "as known on" day change.
  const asKnownOn = doc.filters.asKnownOn;
  const ids = useMemo(() => basis ?? everyone(doc), [basis, basis ? null : Object.keys(doc.nodes).join()]);
  const [stays, setStays] = useState<{ key: string; list: StayRecord[] } | null>(null);
  const key = staysKey(ids, asKnownOn);
  useEffect(() => {
    const abort = new AbortController();
    staysOf(ids, asKnownOn, abort.signal).then(
      (list) => {
        if (!abort.signal.aborted) setStays({ key, list });
      },
      (e: Error) => {
        if (e.name !== 'AbortError' && !abort.signal.aborted) onError(`Occupancy: ${e.message}`);
      },
    );
    return () => abort.abort();
  }, [key]);

  // The chart's filters but its date range: the view shows the whole span, the range brushed on it.
  const hiddenHere = useMemo(() => {
    const out = filteredIds(Object.values(doc.nodes), Object.values(doc.edges), { ...doc.filters, from: null, to: null });
    for (const id of doc.hidden) out.add(id);
    return out;
  }, [doc]);
  const o = useMemo(() => occupancy(doc, stays?.list ?? [], (id) => !hiddenHere.has(id), asKnownOn), [doc, stays, hiddenHere, asKnownOn]);
  const loading = stays?.key !== key;
  const selected = useMemo(() => new Set(selection), [selection]);
  const span = o.start && o.end ? Math.max(1, daysBetween(o.start, o.end) + 1) : 1;
  const { from, to } = doc.filters;
  const ranged = !!(from || to);

  // Brushing: a drag across the plot (more than a few pixels: less is a click on a bar).
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number; id: number; moved: boolean } | null>(null);
  const fraction = (clientX: number) => {
    const box = svg.current!.getBoundingClientRect();
    return (((clientX - box.left) / box.width) * OCCUPANCY_WIDTH - OCCUPANCY_LABEL) / OCCUPANCY_PLOT;
  };
  const brushed = drag?.moved ? brushRange(o.start!, span, drag.a, drag.b) : null;
  const shade = brushed ?? (ranged && o.start ? { from: from ?? o.start, to: to ?? o.end! } : null);

  return (
    <div className="occupancy-pane" role="region" aria-label="Occupancy">
      <div className="occupancy-head">
        <strong>Occupancy</strong>
        <span data-testid="occupancy-counts">
          {o.rows.length} {o.rows.length === 1 ? 'person' : 'people'} · {o.premises.length} premises
          {o.offChart > 0 && ` · ${o.offChart} ${o.offChart === 1 ? 'stay' : 'stays'} not on the chart`}
          {o.undated > 0 && ` · ${o.undated} undated ${o.undated === 1 ? 'stay' : 'stays'} not drawn`}
        </span>
        <span className="muted">{loading ? 'reading stays…' : basis ? 'from the selection' : 'everyone on the chart'}</span>
        {ranged ? (
          <span className="occupancy-range" data-testid="occupancy-range">
            {from ?? 'start'} – {to ?? 'end'}{' '}
            <button type="button" className="link" onClick={() => onRange(null, null)}>
              Clear range
            </button>
          </span>
        ) : (
          o.rows.length > 0 && <span className="muted">drag across the dates to filter the chart</span>
        )}
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
          <p className="muted occupancy-empty">{loading ? 'Reading stays…' : 'No dated stays (works at, lives at) among the people selected. Select people or premises on the chart.'}</p>
        ) : (
          <OccupancyChart
            o={o}
            premisesLabel={(id) => o.premises.find((p) => p.id === id)?.label ?? id}
            selected={selected}
            onSelect={select}
            range={ranged ? { from, to } : undefined}
            shade={shade}
            svgRef={svg}
            brushing={!!drag?.moved}
            onPointerDown={(e) => {
              if (e.button !== 0) return;
              const f = fraction(e.clientX);
              if (f < 0 || f > 1) return;
              setDrag({ a: f, b: f, id: e.pointerId, moved: false });
            }}
            onPointerMove={(e) => {
              if (!drag || e.pointerId !== drag.id) return;
              const b = Math.max(0, Math.min(1, fraction(e.clientX)));
              const moved = drag.moved || Math.abs(b - drag.a) * OCCUPANCY_PLOT > 4;
              // Captured only once it is a drag, so a click still lands on the bar under it.
              if (moved && !drag.moved) svg.current!.setPointerCapture?.(e.pointerId);
              setDrag({ ...drag, b, moved });
            }}
            onPointerUp={() => {
              if (drag?.moved) {
                const r = brushRange(o.start!, span, drag.a, drag.b);
                onRange(r.from, r.to);
              }
              setDrag(null);
            }}
            onPointerCancel={() => setDrag(null)}
          />
        )}
      </div>
    </div>
  );
}
