/**
 * People and premises flagged by a combination of risk factors or by MSHT indicators:
 * sortable (by the server), filterable, and one click puts an entity on the chart.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { humanise } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';
import { TypeIcon } from '../components/TypeIcon.tsx';
import { Page, Status } from '../pages/Page.tsx';
import { useLatestAnswer } from '../pages/useLatestAnswer.ts';
import { download } from '../components/download.ts';
import { flagged, flaggedAll, indicatorLibrary, riskFactorRules, type FlaggedFilter, type FlaggedSortField, type Indicator, type RiskFactorRule } from './api.ts';
import { operations, type OperationSummary } from './operations.api.ts';
import type { AddToChart } from './addToChart.ts';
import { flaggedCsv } from './flaggedCsv.ts';
import './analysis.css';

interface Filter {
  type: '' | EntityType;
  indicatorId: string;
  operationId: string;
  minScore: number;
  combinationOnly: boolean;
  text: string;
}

/** Today as the server counts it (UTC), the default "as known on" date. */
const today = () => new Date().toISOString().slice(0, 10);

const COLUMNS: { field: FlaggedSortField | null; label: string; num?: boolean; title?: string }[] = [
  { field: 'TYPE', label: 'Type' },
  { field: 'LABEL', label: 'Name' },
  { field: 'SCORE', label: 'Score', num: true, title: 'Risk score + indicator score' },
  { field: 'RISK_SCORE', label: 'Risk', num: true, title: 'Sum over risk factors of weight × grading × offence status × decay to the date' },
  { field: null, label: 'Risk factors (weight)' },
  { field: 'INDICATOR_SCORE', label: 'Indicator score', num: true, title: 'Sum over indicators of weight × grading of the best evidence' },
  { field: 'INDICATORS', label: 'Indicators (weight)' },
  { field: null, label: 'Operations' },
];

/** When kept scores were computed, as an analyst reads it (the server sends ISO 8601). */
function keptAt(at: string | null | undefined): string {
  return at ? new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : 'at an unknown time';
}

export function FlaggedPage({ onClose, onAdd, onChart }: { onClose(): void; onAdd: AddToChart; onChart: ReadonlySet<string> }) {
  const [filter, setFilter] = useState<Filter>({ type: '', indicatorId: '', operationId: '', minScore: 0, combinationOnly: false, text: '' });
  const [sort, setSort] = useState<{ field: FlaggedSortField; direction: 'ASC' | 'DESC' }>({ field: 'SCORE', direction: 'DESC' });
  const [library, setLibrary] = useState<Indicator[]>([]);
  const [ops, setOps] = useState<OperationSummary[]>([]);
  const [factors, setFactors] = useState<RiskFactorRule[]>([]);
  // Scores decay with the age of their evidence: the list is as known on this date (today by default).
  const [asOf, setAsOf] = useState(today);
  const [exporting, setExporting] = useState<string | null>(null);

  useEffect(() => {
    indicatorLibrary().then((l) => setLibrary(l.indicators), () => setLibrary([]));
    operations().then(setOps, () => setOps([]));
    riskFactorRules().then((r) => setFactors(r.factors), () => setFactors([]));
  }, []);

  const query: FlaggedFilter = useMemo(
    () => ({
      ...(filter.type ? { types: [filter.type] } : { types: ['PERSON', 'PREMISES'] }),
      ...(filter.indicatorId ? { indicatorIds: [filter.indicatorId] } : {}),
      ...(filter.operationId ? { operationId: filter.operationId } : {}),
      ...(filter.minScore > 0 ? { minScore: filter.minScore } : {}),
      ...(filter.combinationOnly ? { riskCombination: true } : {}),
    }),
    [filter.type, filter.indicatorId, filter.operationId, filter.minScore, filter.combinationOnly],
  );
  const request = useCallback(() => flagged(query, sort, 500, asOf), [query, sort, asOf]);
  const answer = useLatestAnswer(request);
  const state = { loading: answer.loading, error: answer.error, items: answer.data?.items ?? [], total: answer.data?.total ?? 0 };

  const titles = useMemo(() => new Map(library.map((i) => [i.id, i.title])), [library]);
  const weights = useMemo(() => new Map(library.map((i) => [i.id, i.weight])), [library]);
  const factorRules = useMemo(() => new Map(factors.map((f) => [f.kind, { label: f.label, weight: f.weight, halfLifeDays: f.halfLifeDays }])), [factors]);
  const opNames = useMemo(() => new Map(ops.map((o) => [o.id, o.name])), [ops]);
  const matches = useCallback(
    (x: { label: string; id: string }) => {
      const t = filter.text.trim().toLowerCase();
      return !t || x.label.toLowerCase().includes(t) || x.id.includes(t);
    },
    [filter.text],
  );
  const shown = useMemo(() => state.items.filter(matches), [state.items, matches]);

  /** Every entity the filters keep (not only the first page), as CSV. */
  const exportCsv = async () => {
    setExporting(null);
    try {
      const all = (await flaggedAll(query, sort, asOf)).filter(matches);
      const csv = flaggedCsv(all, { asOf, indicators: titles, indicatorWeights: weights, factors: factorRules, operations: opNames });
      download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `lantern-flagged-as-known-on-${asOf}.csv`);
    } catch (e) {
      setExporting((e as Error).message);
    }
  };

  const sortBy = (field: FlaggedSortField) =>
    setSort((s) => (s.field === field ? { field, direction: s.direction === 'ASC' ? 'DESC' : 'ASC' } : { field, direction: field === 'LABEL' || field === 'TYPE' ? 'ASC' : 'DESC' }));
  const set = <K extends keyof Filter>(k: K, v: Filter[K]) => setFilter((f) => ({ ...f, [k]: v }));
  const people = state.items.filter((x) => x.type === 'PERSON');

  return (
    <Page
      title="Flagged people and premises"
      subtitle="Flagged by a combination of risk factors (risk rules) or by MSHT indicators (docs/indicators.md). Select an entity on the chart to see why."
      onClose={onClose}
    >
      <form className="toolbar-row" aria-label="Filter the flagged list" onSubmit={(e) => e.preventDefault()}>
        <label>
          Name contains
          <input type="search" value={filter.text} onChange={(e) => set('text', e.target.value)} placeholder="filter the list" />
        </label>
        <label>
          Type
          <select aria-label="Type" value={filter.type} onChange={(e) => set('type', e.target.value as Filter['type'])}>
            <option value="">People and premises</option>
            <option value="PERSON">People</option>
            <option value="PREMISES">Premises</option>
          </select>
        </label>
        <label>
          Indicator
          <select aria-label="Indicator" value={filter.indicatorId} onChange={(e) => set('indicatorId', e.target.value)}>
            <option value="">Any (or none)</option>
            {library.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Operation
          <select aria-label="Operation" value={filter.operationId} onChange={(e) => set('operationId', e.target.value)}>
            <option value="">Any</option>
            {ops.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Minimum score
          <input type="number" min={0} step={0.1} value={filter.minScore} onChange={(e) => set('minScore', Math.max(0, Number(e.target.value) || 0))} />
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.combinationOnly} onChange={(e) => set('combinationOnly', e.target.checked)} /> combination of risk factors only
        </label>
        <label title="Scores decay with the age of their evidence; evidence recorded after this date is left out">
          As known on
          <input type="date" aria-label="As known on" value={asOf} max={today()} required onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        </label>
        <button type="button" className="btn small" onClick={() => void exportCsv()} disabled={state.loading || state.total === 0}>
          Export CSV
        </button>
      </form>
      {exporting && (
        <p className="error-inline" role="alert">
          The export failed: {exporting}
        </p>
      )}
      <p className="muted small weights-note">
        Score = risk score + indicator score, as known on <strong data-testid="flagged-as-of">{asOf}</strong>. A risk factor adds its weight × the grading of its evidence × the offence status × a
        decay by the age of the evidence (its half-life); an indicator adds its weight × the grading of its best evidence. Weights are shown in brackets.
      </p>
      <p className="muted small" aria-live="polite" data-testid="flagged-summary">
        {state.loading
          ? 'Loading…'
          : `${shown.length === state.items.length ? state.total : `${shown.length} of ${state.total}`} flagged as known on ${asOf} · ${people.filter((p) => p.riskCombination).length} people with a combination of risk factors${state.total > state.items.length ? ` · first ${state.items.length} shown` : ''}`}
      </p>
      {answer.data?.freshness && (
        <p className="muted small" data-testid="flagged-freshness">
          {answer.data.freshness.source === 'STORED'
            ? `Kept scores, computed ${keptAt(answer.data.freshness.updatedAt ?? answer.data.freshness.computedAt)}${answer.data.freshness.pending > 0 ? ` · ${answer.data.freshness.pending} changed entities not yet rescored (updating in the background)` : ''}`
            : 'Computed for this request.'}
        </p>
      )}
      <Status loading={state.loading && !state.items.length} error={state.error} empty={!state.loading && !state.error && shown.length === 0} onRetry={answer.reload} what="flagged people or premises" />
      {shown.length > 0 && (
        <div className="table-wrap flagged-wrap">
          <table className="data-table" aria-label="Flagged people and premises" aria-busy={state.loading}>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.label} className={c.num ? 'num' : undefined} title={c.title} aria-sort={c.field && sort.field === c.field ? (sort.direction === 'ASC' ? 'ascending' : 'descending') : undefined}>
                    {c.field ? (
                      <button type="button" onClick={() => sortBy(c.field!)}>
                        {c.label}
                        {sort.field === c.field ? (sort.direction === 'ASC' ? ' ▲' : ' ▼') : ''}
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
                <th>
                  <span className="sr-only">Chart</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((x) => (
                <tr key={x.id}>
                  <td className="type-cell">
                    <TypeIcon type={x.type} size={16} />
                  </td>
                  <td>
                    {x.label}
                    <div className="muted small mono">{x.id}</div>
                  </td>
                  <td className="num">
                    <strong>{x.score.toFixed(2)}</strong>
                  </td>
                  <td className="num">{x.type === 'PERSON' ? x.riskScore.toFixed(2) : '–'}</td>
                  <td className="pills">
                    {x.riskCombination && <span className="pill warn">combination</span>}
                    {x.riskFactorKinds.map((k) => {
                      const f = factorRules.get(k);
                      return (
                        <span key={k} className="pill" title={f ? `weight ${f.weight}, evidence half-life ${f.halfLifeDays} days` : undefined}>
                          {f?.label ?? humanise(k)}
                          {f && <span className="weight"> ({f.weight})</span>}
                        </span>
                      );
                    })}
                  </td>
                  <td className="num">{x.indicatorScore ? x.indicatorScore.toFixed(2) : '–'}</td>
                  <td className="pills wide">
                    {x.indicatorIds.map((i) => (
                      <span key={i} className="pill" title={weights.has(i) ? `weight ${weights.get(i)}` : undefined}>
                        {titles.get(i) ?? i}
                        {weights.has(i) && <span className="weight"> ({weights.get(i)})</span>}
                      </span>
                    ))}
                  </td>
                  <td className="small">{x.operationIds.map((o) => opNames.get(o) ?? o).join(', ')}</td>
                  <td>
                    {onChart.has(x.id) ? (
                      <span className="muted small">on chart</span>
                    ) : (
                      <button type="button" className="btn small" onClick={() => onAdd([x.id])} aria-label={`Add ${x.label} to the chart`}>
                        Add
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
