/**
 * The operation dashboard: what an operation achieved (premises visited, people encountered,
 * potential victims identified and safeguarded, referrals by type, offences by category),
 * over time as charts (Chart.js, canvas: nothing inline for the CSP to refuse) and as numbers.
 */
import { useCallback, useEffect, useState } from 'react';
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartOptions } from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import { humanise } from '../model/meta.ts';
import { Page, Status } from '../pages/Page.tsx';
import { useLatestAnswer } from '../pages/useLatestAnswer.ts';
import { operationDashboard, operations, type CountByKey, type OperationSummary } from './operations.api.ts';
import type { AddToChart } from './addToChart.ts';
import './analysis.css';

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);
ChartJS.defaults.font.family = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif';
ChartJS.defaults.font.size = 11;
ChartJS.defaults.color = '#3e4c59';

const SERIES = [
  { key: 'premisesVisited', label: 'Premises visited', colour: '#8b5e34' },
  { key: 'peopleEncountered', label: 'People encountered', colour: '#3567a8' },
  { key: 'potentialVictimsIdentified', label: 'Potential victims identified', colour: '#e0a100' },
  { key: 'safeguarded', label: 'Safeguarded', colour: '#2e7d32' },
  { key: 'offences', label: 'Offences', colour: '#c62828' },
] as const;

/** Referral kinds and offence categories as the field writes them. */
const NAMES: Record<string, string> = { NRM: 'NRM', DUTY_TO_NOTIFY: 'Duty to Notify', VICTIMS_FIRST: 'Victims First' };
function kindName(key: string): string {
  if (NAMES[key]) return NAMES[key];
  const h = humanise(key);
  return h.charAt(0).toUpperCase() + h.slice(1);
}

const common: ChartOptions<'bar'> & ChartOptions<'line'> = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } } },
  scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { grid: { display: false } } },
};

function CountChart({ title, counts, colour }: { title: string; counts: CountByKey[]; colour: string }) {
  const rows = [...counts].sort((a, b) => b.count - a.count);
  return (
    <figure className="card chart-card">
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {rows.length === 0 ? (
        <p className="muted small">None recorded.</p>
      ) : (
        <>
          <div className="chart-box small-chart">
            <Bar
              aria-label={`${title}: ${rows.map((r) => `${kindName(r.key)} ${r.count}`).join(', ')}`}
              role="img"
              data={{ labels: rows.map((r) => kindName(r.key)), datasets: [{ label: title, data: rows.map((r) => r.count), backgroundColor: colour, borderRadius: 3 }] }}
              options={{ ...common, indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false } } } }}
            />
          </div>
          <table className="data-table compact" aria-label={title}>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td>{kindName(r.key)}</td>
                  <td className="num">{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}

export function DashboardPage({ onClose, onAdd }: { onClose(): void; onAdd: AddToChart }) {
  const [ops, setOps] = useState<{ loading: boolean; error: string | null; list: OperationSummary[] }>({ loading: true, error: null, list: [] });
  const [opId, setOpId] = useState<string>('');
  const [bucket, setBucket] = useState<'DAY' | 'WEEK'>('DAY');

  const loadOps = useCallback(() => {
    setOps({ loading: true, error: null, list: [] });
    operations().then(
      (list) => {
        setOps({ loading: false, error: null, list });
        setOpId((cur) => cur || list[0]?.id || '');
      },
      (e: Error) => setOps({ loading: false, error: e.message, list: [] }),
    );
  }, []);
  useEffect(loadOps, [loadOps]);

  const request = useCallback(
    () =>
      operationDashboard(opId, bucket).then((data) => {
        if (!data) throw new Error('That operation no longer exists, or you may not see it.');
        return data;
      }),
    [opId, bucket],
  );
  const answer = useLatestAnswer(opId ? request : null);
  const loadDash = answer.reload;
  // Another operation's numbers are not shown under this one's name while it loads.
  const dash = { loading: answer.loading, error: answer.error, data: answer.data?.operation.id === opId ? answer.data : null };

  const d = dash.data;
  const tiles = d
    ? [
        { label: 'Premises visited', value: d.premisesVisited, note: `${d.visits} visits` },
        { label: 'People encountered', value: d.peopleEncountered },
        { label: 'Potential victims identified', value: d.potentialVictimsIdentified },
        { label: 'Safeguarded', value: d.safeguarded, note: d.potentialVictimsIdentified ? `${Math.round((100 * d.safeguarded) / d.potentialVictimsIdentified)}% of those identified` : undefined },
        { label: 'Referrals', value: d.referralsByKind.reduce((s, r) => s + r.count, 0) },
        { label: 'Offences', value: d.offencesByCategory.reduce((s, r) => s + r.count, 0) },
      ]
    : [];

  return (
    <Page
      title="Operation dashboard"
      subtitle={d ? `${d.operation.name}${d.operation.lead ? ` · led by ${d.operation.lead}` : ''} · ${d.operation.startDate ?? '?'} – ${d.operation.endDate ?? '?'}` : 'What an operation achieved'}
      onClose={onClose}
      actions={
        <>
          <label className="inline-field">
            Operation{' '}
            <select value={opId} onChange={(e) => setOpId(e.target.value)} disabled={!ops.list.length} aria-label="Operation">
              {ops.list.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            Over time by{' '}
            <select value={bucket} onChange={(e) => setBucket(e.target.value as 'DAY' | 'WEEK')} aria-label="Time buckets">
              <option value="DAY">day</option>
              <option value="WEEK">week</option>
            </select>
          </label>
          <button type="button" className="btn" disabled={!d?.premisesIds.length} onClick={() => d && onAdd(d.premisesIds, { label: `${d.operation.name}: premises visited`, layout: true })}>
            Visited premises to chart
          </button>
        </>
      }
    >
      <Status loading={ops.loading} error={ops.error} empty={!ops.loading && !ops.error && ops.list.length === 0} onRetry={loadOps} what="operations" />
      {ops.list.length > 0 && <Status loading={dash.loading && !d} error={dash.error} empty={false} onRetry={loadDash} what="the dashboard" />}
      {d && (
        <div className="dashboard" aria-busy={dash.loading} data-operation={d.operation.id}>
          {d.operation.description && <p className="small op-description">{d.operation.description}</p>}
          <dl className="tiles" aria-label="Operation figures">
            {tiles.map((t) => (
              <div key={t.label} className="tile">
                <dt>{t.label}</dt>
                <dd data-testid={`figure-${t.label}`}>{t.value}</dd>
                {t.note && <dd className="muted small">{t.note}</dd>}
              </div>
            ))}
          </dl>
          <div className="dash-grid">
            <figure className="card chart-card wide">
              <figcaption>
                <h2>Over time ({bucket === 'DAY' ? 'by day' : 'by week'})</h2>
              </figcaption>
              <div className="chart-box">
                <Line
                  role="img"
                  aria-label={`Figures by ${bucket.toLowerCase()} for ${d.operation.name}; the table below gives the numbers`}
                  data={{
                    labels: d.buckets.map((b) => (bucket === 'DAY' ? b.start.slice(5) : `${b.start.slice(5)} – ${b.end.slice(5)}`)),
                    datasets: SERIES.map((s) => ({
                      label: s.label,
                      data: d.buckets.map((b) => b[s.key]),
                      borderColor: s.colour,
                      backgroundColor: s.colour,
                      cubicInterpolationMode: 'monotone' as const,
                      pointRadius: 2,
                    })),
                  }}
                  options={common}
                />
              </div>
              <details className="numbers">
                <summary>The numbers</summary>
                <div className="table-wrap">
                  <table className="data-table compact" aria-label="Figures over time">
                    <thead>
                      <tr>
                        <th>{bucket === 'DAY' ? 'Day' : 'Week'}</th>
                        <th className="num">Visits</th>
                        {SERIES.map((s) => (
                          <th key={s.key} className="num">
                            {s.label}
                          </th>
                        ))}
                        <th className="num">Referrals</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.buckets.map((b) => (
                        <tr key={b.start}>
                          <td>{bucket === 'DAY' ? b.start : `${b.start} – ${b.end}`}</td>
                          <td className="num">{b.visits}</td>
                          {SERIES.map((s) => (
                            <td key={s.key} className="num">
                              {b[s.key]}
                            </td>
                          ))}
                          <td className="num">{b.referrals}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </figure>
            <CountChart title="Referrals by type" counts={d.referralsByKind} colour="#6b4f96" />
            <CountChart title="Offences by category" counts={d.offencesByCategory} colour="#c62828" />
            <CountChart title="Visit outcomes" counts={d.visitOutcomes} colour="#23877c" />
          </div>
        </div>
      )}
    </Page>
  );
}
