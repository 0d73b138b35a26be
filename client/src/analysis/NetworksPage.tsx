/**
 * Suspected networks of premises (suspectedNetworks): each with its premises, its evidence
 * (shared phones, adverts, people, controllers, vehicles) and its score; one click puts a
 * network, or one piece of its evidence, on the chart.
 */
import { useCallback, useEffect, useState } from 'react';
import { humanise } from '../model/meta.ts';
import { Page, Status } from '../pages/Page.tsx';
import { TypeIcon } from '../components/TypeIcon.tsx';
import { labels, suspectedNetworks, type NetworkEvidence, type SuspectedNetwork } from './api.ts';
import type { AddToChart } from './addToChart.ts';
import './analysis.css';

type Labels = Awaited<ReturnType<typeof labels>>;

export function NetworksPage({ onClose, onAdd }: { onClose(): void; onAdd: AddToChart }) {
  const [state, setState] = useState<{ loading: boolean; error: string | null; networks: SuspectedNetwork[]; names: Labels; total: number; next: string | null }>({
    loading: true,
    error: null,
    networks: [],
    names: new Map(),
    total: 0,
    next: null,
  });
  const [minScore, setMinScore] = useState(0);

  // A page of networks (strongest first): the first replaces the list, later ones add to it.
  const load = useCallback(
    async (after: string | null = null) => {
      setState((s) => ({ ...s, loading: true, error: null }));
      try {
        const got = await suspectedNetworks(minScore, after);
        const names = await labels([...new Set(got.networks.flatMap((n) => n.premisesIds))]);
        setState((s) => ({
          loading: false,
          error: null,
          networks: after ? [...s.networks, ...got.networks] : got.networks,
          names: after ? new Map([...s.names, ...names]) : names,
          total: got.totalCount,
          next: got.next,
        }));
      } catch (e) {
        setState((s) => ({ ...s, loading: false, error: (e as Error).message }));
      }
    },
    [minScore],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const name = (id: string) => state.names.get(id)?.label ?? id;
  const evidenceOnChart = (i: number, ev: NetworkEvidence) =>
    onAdd([ev.entityId, ...ev.premisesIds], { highlight: [ev.entityId, ...ev.premisesIds, ...ev.linkIds], label: `${humanise(ev.kind)} ${ev.label} ties ${ev.premisesIds.length} premises of network ${i + 1}` });

  return (
    <Page
      title="Suspected networks"
      subtitle="Premises tied by shared phones, adverts, people, controllers and vehicles (docs/analytics.md). A single weak or coincidental tie does not join premises."
      onClose={onClose}
      actions={
        <label className="inline-field">
          Minimum score{' '}
          <input type="number" min={0} step={0.5} value={minScore} onChange={(e) => setMinScore(Math.max(0, Number(e.target.value) || 0))} aria-label="Minimum score" />
        </label>
      }
    >
      <Status loading={state.loading} error={state.error} empty={!state.loading && !state.error && state.networks.length === 0} onRetry={() => void load()} what="suspected networks" />
      {!state.loading && state.networks.length > 0 && (
        <p className="muted small">
          {state.total} networks{state.networks.length < state.total ? ` (${state.networks.length} shown)` : ''}, {state.networks.reduce((s, n) => s + n.premisesIds.length, 0)} premises in those shown. Highest score first.
        </p>
      )}
      <ol className="network-list" aria-label="Suspected networks">
        {state.networks.map((n, i) => (
          <li key={n.id} className="card network">
            <header className="network-head">
              <h2>
                Network {i + 1} <span className="muted">· {n.premisesIds.length} premises · {n.evidence.length} shared entities</span>
              </h2>
              <span className="network-score" title="Sum of the scores of the ties among its premises">
                score {n.score.toFixed(2)}
              </span>
              <button
                type="button"
                className="btn"
                onClick={() =>
                  // Everything added is the network: laid out, not highlighted (a highlight of all says nothing).
                  onAdd([...n.premisesIds, ...n.evidence.map((e) => e.entityId)], { layout: true })
                }
              >
                Add network to chart
              </button>
            </header>
            <div className="network-body">
              <div>
                <h3>Premises</h3>
                <ul className="plain-list">
                  {n.premisesIds.map((id) => (
                    <li key={id}>
                      <TypeIcon type="PREMISES" size={14} /> {name(id)}
                      {state.names.get(id)?.subtitle && <span className="muted small"> · {state.names.get(id)!.subtitle}</span>}
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h3>Evidence</h3>
                <table className="data-table compact" aria-label={`Evidence of network ${i + 1}`}>
                  <thead>
                    <tr>
                      <th>Shared</th>
                      <th>Tie</th>
                      <th className="num">Premises</th>
                      <th className="num">Weight</th>
                      <th>
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {n.evidence.slice(0, 12).map((ev) => (
                      <tr key={ev.entityId}>
                        <td>
                          <TypeIcon type={ev.entityType} size={14} /> {ev.label}
                        </td>
                        <td>{humanise(ev.kind)}</td>
                        <td className="num">{ev.premisesIds.length}</td>
                        <td className="num">{ev.weight.toFixed(2)}</td>
                        <td>
                          <button type="button" className="btn small" onClick={() => evidenceOnChart(i, ev)} aria-label={`Put ${ev.label} and its premises on the chart`}>
                            On chart
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {n.evidence.length > 12 && <p className="muted small">and {n.evidence.length - 12} more (all are added with the network).</p>}
              </div>
            </div>
          </li>
        ))}
      </ol>
      {state.next && (
        <button type="button" className="btn" disabled={state.loading} onClick={() => void load(state.next)}>
          Show more networks
        </button>
      )}
    </Page>
  );
}
