/** Filters: entity and link types, a date range on the timeline brush, minimum grade, "as known on". */
import { useMemo } from 'react';
import { linkMeta, entityMeta } from '../model/meta.ts';
import type { Assessment, EntityType, GraphEdge, SourceEvaluation } from '../model/types.ts';
import { filtersActive, monthlyCounts, NO_FILTERS, type Filters } from '../../../server/kernel/filters.ts';
import { TimelineBrush } from './TimelineBrush.tsx';
import { TypeIcon } from './TypeIcon.tsx';

interface Props {
  filters: Filters;
  entityTypes: Map<EntityType, number>;
  linkTypes: Map<string, number>;
  edges: GraphEdge[];
  filteredCount: number;
  onChange(f: Filters, label: string): void;
}

function toggle<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

export function FilterPanel({ filters: f, entityTypes, linkTypes, edges, filteredCount, onChange }: Props) {
  const months = useMemo(() => monthlyCounts(edges), [edges]);
  return (
    <section className="panel filters" aria-label="Filters">
      <header className="panel-head">
        <h2>Filters</h2>
        {filtersActive(f) && (
          <button type="button" className="link" onClick={() => onChange(NO_FILTERS, 'Clear filters')}>
            Clear ({filteredCount} hidden)
          </button>
        )}
      </header>
      {entityTypes.size === 0 && <p className="muted small pad">Filters apply to what is on the chart.</p>}
      {entityTypes.size > 0 && (
        <>
          <h3>Entities</h3>
          <ul className="checks">
            {[...entityTypes].map(([t, n]) => (
              <li key={t}>
                <label>
                  <input
                    type="checkbox"
                    checked={!f.hiddenEntityTypes.includes(t)}
                    onChange={() => onChange({ ...f, hiddenEntityTypes: toggle(f.hiddenEntityTypes, t) }, `Filter ${entityMeta(t).plural}`)}
                  />
                  <TypeIcon type={t} size={14} /> <span className="name">{entityMeta(t).plural}</span> <span className="count">{n}</span>
                </label>
              </li>
            ))}
          </ul>
          <h3>Links</h3>
          <ul className="checks">
            {[...linkTypes].map(([t, n]) => (
              <li key={t}>
                <label>
                  <input
                    type="checkbox"
                    checked={!f.hiddenLinkTypes.includes(t)}
                    onChange={() => onChange({ ...f, hiddenLinkTypes: toggle(f.hiddenLinkTypes, t) }, `Filter ${linkMeta(t).verb}`)}
                  />
                  <span className="swatch" style={{ background: linkMeta(t).colour }} /> <span className="name">{linkMeta(t).verb}</span> <span className="count">{n}</span>
                </label>
              </li>
            ))}
          </ul>
          <h3>
            Dates{' '}
            {(f.from || f.to) && (
              <button type="button" className="link" onClick={() => onChange({ ...f, from: null, to: null }, 'Clear date range')}>
                all dates
              </button>
            )}
          </h3>
          <TimelineBrush months={months} from={f.from} to={f.to} onChange={(from, to) => onChange({ ...f, from, to }, 'Filter by date')} />
          <div className="row dates">
            <label>
              From
              <input type="date" aria-label="From date" value={f.from ?? ''} onChange={(e) => onChange({ ...f, from: e.target.value || null }, 'Filter by date')} />
            </label>
            <label>
              To
              <input type="date" aria-label="To date" value={f.to ?? ''} onChange={(e) => onChange({ ...f, to: e.target.value || null }, 'Filter by date')} />
            </label>
          </div>
          <h3>Minimum grade</h3>
          <div className="row">
            <label>
              Source
              <select
                aria-label="Minimum source evaluation"
                value={f.minSource ?? ''}
                onChange={(e) => onChange({ ...f, minSource: (e.target.value || null) as SourceEvaluation | null }, 'Filter by grade')}
              >
                <option value="">any (1–3)</option>
                <option value="RELIABLE">1 reliable</option>
                <option value="UNTESTED">1–2 untested or better</option>
              </select>
            </label>
            <label>
              Intelligence
              <select
                aria-label="Minimum intelligence assessment"
                value={f.minAssessment ?? ''}
                onChange={(e) => onChange({ ...f, minAssessment: (e.target.value || null) as Assessment | null }, 'Filter by grade')}
              >
                <option value="">any (A–E)</option>
                <option value="A">A only</option>
                <option value="B">A–B</option>
                <option value="C">A–C</option>
                <option value="D">A–D</option>
              </select>
            </label>
          </div>
          <h3>As known on</h3>
          <div className="row">
            <input
              type="date"
              aria-label="As known on"
              value={f.asKnownOn ?? ''}
              onChange={(e) => onChange({ ...f, asKnownOn: e.target.value || null }, e.target.value ? `As known on ${e.target.value}` : 'Show all that is known')}
            />
            <span className="muted small">hides links recorded later</span>
          </div>
        </>
      )}
    </section>
  );
}
