/**
 * Alerts (server/modules/alerts): new matches of the watches, newest first, filtered by status
 * and case, with their evidence; confirm, dismiss or assign each (audited), and put an alert's
 * evidence on the chart in one action. New alerts arrive live (alertRaised). An alert's case, when
 * it is one of the caller's cases, is named and opens that case on the Cases page.
 */
import { useCallback, useEffect, useState } from 'react';
import { Page, Status } from '../pages/Page.tsx';
import { TypeIcon } from '../components/TypeIcon.tsx';
import type { EntityType } from '../model/types.ts';
import type { AddToChart } from '../analysis/addToChart.ts';
import { listCases } from '../cases/api.ts';
import {
  ALERTS_CHANGED,
  alertsPage,
  decideAlert,
  onAlertRaised,
  type AlertDecision,
  type AlertItem,
  type AlertStatus,
} from './api.ts';
import './alerts.css';

type Data = Awaited<ReturnType<typeof alertsPage>>;

const STATUSES: { value: AlertStatus | ''; label: string }[] = [
  { value: 'NEW', label: 'New' },
  { value: 'CONFIRMED', label: 'Confirmed' },
  { value: 'DISMISSED', label: 'Dismissed' },
  { value: '', label: 'All' },
];

export function AlertsPage({ onClose, onAdd, onOpenCase }: { onClose(): void; onAdd: AddToChart; onOpenCase?(caseId: string): void }) {
  const [status, setStatus] = useState<AlertStatus | ''>('NEW');
  const [caseId, setCaseId] = useState('');
  // The caller's cases by id: a watch's case reference may also be free text (an operation name).
  const [caseNames, setCaseNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    listCases()
      .then((cs) => live && setCaseNames(new Map(cs.map((c) => [c.id, c.name]))))
      // Without the list, references are shown as they are.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const [state, setState] = useState<{ loading: boolean; error: string | null; data: Data | null }>(
    { loading: true, error: null, data: null },
  );
  const [fresh, setFresh] = useState(0);

  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const data = await alertsPage({ status: status ? [status] : null, caseId: caseId || null });
      setState({ loading: false, error: null, data });
      setFresh(0);
    } catch (e) {
      setState((s) => ({ ...s, loading: false, error: (e as Error).message }));
    }
  }, [status, caseId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => onAlertRaised(() => setFresh((n) => n + 1)), []);

  const decide = async (a: AlertItem, decision: AlertDecision) => {
    let assignee: string | null = null;
    if (decision === 'ASSIGN') {
      assignee =
        window.prompt('Assign this alert to (user name):', a.assignee ?? '')?.trim() || null;
      if (!assignee) return;
    }
    try {
      await decideAlert(a.id, decision, { assignee });
      window.dispatchEvent(new Event(ALERTS_CHANGED));
      await load();
    } catch (e) {
      setState((s) => ({ ...s, error: (e as Error).message }));
    }
  };
  const onChart = (a: AlertItem) =>
    onAdd(
      a.evidence.nodes.map((n) => n.id),
      {
        highlight: [...a.evidence.nodes.map((n) => n.id), ...a.evidence.links.map((l) => l.id)],
        label: `Evidence of alert: ${a.summary}`,
      },
    );

  const data = state.data;
  return (
    <Page
      title="Alerts"
      subtitle="New matches of your watches (an entity, an indicator rule or a saved pattern) after imports, edits and on a schedule. Decisions are recorded in the audit log."
      onClose={onClose}
      actions={
        <>
          <label className="inline-field">
            Status{' '}
            <select
              value={status}
              onChange={(e) => setStatus(e.target.value as AlertStatus | '')}
              aria-label="Status"
            >
              {STATUSES.map((s) => (
                <option key={s.label} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            Case{' '}
            <select value={caseId} onChange={(e) => setCaseId(e.target.value)} aria-label="Case">
              <option value="">All cases</option>
              {(data?.byCase ?? [])
                .filter((c) => c.caseId)
                .map((c) => (
                  <option key={c.caseId} value={c.caseId!}>
                    {caseNames.get(c.caseId!) ?? c.caseId} ({c.open} new)
                  </option>
                ))}
            </select>
          </label>
        </>
      }
    >
      {fresh > 0 && (
        <button type="button" className="btn alerts-fresh" onClick={() => void load()}>
          {fresh} new alert{fresh === 1 ? '' : 's'}: show
        </button>
      )}
      <Status
        loading={state.loading && !data}
        error={state.error}
        empty={!state.loading && !state.error && data?.edges.length === 0}
        onRetry={() => void load()}
        what="alerts"
      />
      {data && data.edges.length > 0 && (
        <>
          <p className="muted small">
            {data.totalCount} alert{data.totalCount === 1 ? '' : 's'}
            {data.byCase.length > 0 &&
              ` in ${data.byCase.length} case${data.byCase.length === 1 ? '' : 's'}`}
            , newest first.
          </p>
          <table className="data-table alerts-table" aria-label="Alerts">
            <thead>
              <tr>
                <th>Raised</th>
                <th>Alert</th>
                <th>Evidence</th>
                <th>Case</th>
                <th>Status</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.edges.map(({ node: a }) => (
                <tr key={a.id} data-alert={a.id}>
                  <td className="nowrap">{new Date(a.raisedAt).toLocaleString()}</td>
                  <td>
                    <div>{a.summary}</div>
                    <div className="muted small">{a.watch?.title ?? a.rule}</div>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {a.evidence.nodes.map((n) => (
                        <li key={n.id}>
                          <TypeIcon type={n.type as EntityType} size={14} /> {n.label}
                        </li>
                      ))}
                    </ul>
                    {a.evidence.nodes.length < a.entityIds.length && (
                      <div className="muted small">
                        {a.entityIds.length - a.evidence.nodes.length} not shown to you
                      </div>
                    )}
                  </td>
                  <td>
                    {!a.caseId ? (
                      <span className="muted">none</span>
                    ) : caseNames.has(a.caseId) && onOpenCase ? (
                      <button type="button" className="link" title="Open the case" onClick={() => onOpenCase(a.caseId!)}>
                        {caseNames.get(a.caseId)}
                      </button>
                    ) : (
                      a.caseId
                    )}
                  </td>
                  <td>
                    <span className={`alert-status ${a.status.toLowerCase()}`}>
                      {a.status.toLowerCase()}
                    </span>
                    {a.assignee && <div className="muted small">assigned to {a.assignee}</div>}
                    {a.decidedBy && <div className="muted small">by {a.decidedBy}</div>}
                  </td>
                  <td>
                    <div className="alert-actions">
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => void onChart(a)}
                        aria-label="Put evidence on chart"
                      >
                        Evidence on chart
                      </button>
                      {a.status !== 'CONFIRMED' && (
                        <button
                          type="button"
                          className="btn small"
                          onClick={() => void decide(a, 'CONFIRM')}
                        >
                          Confirm
                        </button>
                      )}
                      {a.status !== 'DISMISSED' && (
                        <button
                          type="button"
                          className="btn small"
                          onClick={() => void decide(a, 'DISMISS')}
                        >
                          Dismiss
                        </button>
                      )}
                      {a.status !== 'NEW' && (
                        <button
                          type="button"
                          className="btn small"
                          onClick={() => void decide(a, 'REOPEN')}
                        >
                          Reopen
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => void decide(a, 'ASSIGN')}
                      >
                        Assign
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
