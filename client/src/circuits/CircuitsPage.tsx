/**
 * The circuit finder (issue 26): rotations found by `circuits(...)` from the chart's people and
 * premises (the selection's, when some are selected), each with its stays as evidence. "Put on
 * chart" adds a circuit's people and premises, and the stay links among them follow in the same
 * undo step (workspace/useChartLinks.ts), highlighted.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Page, Status } from '../pages/Page.tsx';
import { TypeIcon } from '../components/TypeIcon.tsx';
import type { AddToChart } from '../analysis/addToChart.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.ts';
import { circuitEvidence, circuitIds, circuits, type Circuit } from './api.ts';
import '../analysis/analysis.css';

const MAX_IDS = 1000;

export function CircuitsPage({ onClose, onAdd }: { onClose(): void; onAdd: AddToChart }) {
  const { chart, view } = useWorkspace();
  const doc = chart.doc;
  // From the people and premises selected, else every one on the chart.
  const basis = useMemo(() => {
    const stayers = (id: string) => doc.nodes[id]?.type === 'PERSON' || doc.nodes[id]?.type === 'PREMISES';
    const selected = view.selection.filter(stayers);
    return { selected: selected.length > 0, ids: (selected.length ? selected : Object.keys(doc.nodes).filter(stayers)).slice(0, MAX_IDS) };
  }, [doc.nodes, view.selection]);
  const [windowDays, setWindowDays] = useState(120);
  const [minPremises, setMinPremises] = useState(2);
  const [state, setState] = useState<{ loading: boolean; error: string | null; list: Circuit[] }>({ loading: false, error: null, list: [] });
  const asKnownOn = doc.filters.asKnownOn;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (basis.ids.length === 0) return setState({ loading: false, error: null, list: [] });
      setState((s) => ({ ...s, loading: true, error: null }));
      try {
        setState({ loading: false, error: null, list: await circuits(basis.ids, { windowDays, minPremises, asKnownOn }, signal) });
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setState({ loading: false, error: (e as Error).message, list: [] });
      }
    },
    [basis.ids, windowDays, minPremises, asKnownOn],
  );
  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load]);

  const put = (c: Circuit, i: number) =>
    onAdd(circuitIds(c), { highlight: circuitEvidence(c), label: `Circuit ${i + 1}: ${c.people.map((p) => p.label).join(', ')} through ${c.premises.length} premises` });
  const label = (list: { id: string; label: string }[], id: string) => list.find((x) => x.id === id)?.label ?? id;

  return (
    <Page
      title="Circuits"
      subtitle={
        basis.ids.length === 0
          ? 'People moved from one premises to the next within a window (docs/analytics.md#circuits).'
          : `People moved from one premises to the next within a window, found from the ${basis.ids.length === 1 ? 'one person or premises' : `${basis.ids.length} people and premises`} ${basis.selected ? 'selected' : 'on the chart'}${asKnownOn ? `, as known on ${asKnownOn}` : ''} (docs/analytics.md#circuits).`
      }
      onClose={onClose}
      actions={
        <>
          <label className="inline-field">
            Window (days){' '}
            <input type="number" min={1} max={3660} value={windowDays} onChange={(e) => setWindowDays(Math.min(3660, Math.max(1, Number(e.target.value) || 1)))} aria-label="Window in days" />
          </label>
          <label className="inline-field">
            Least premises{' '}
            <input type="number" min={2} max={50} value={minPremises} onChange={(e) => setMinPremises(Math.min(50, Math.max(2, Number(e.target.value) || 2)))} aria-label="Least premises" />
          </label>
        </>
      }
    >
      {basis.ids.length === 0 ? (
        <p className="muted">Put premises or people on the chart (an operation's premises, say), or select some, and their circuits are listed here.</p>
      ) : (
        <Status loading={state.loading} error={state.error} empty={!state.loading && !state.error && state.list.length === 0} onRetry={() => void load()} what="circuits" />
      )}
      {!state.loading && state.list.length > 0 && (
        <p className="muted small" data-testid="circuit-counts">
          {state.list.length} circuits: {state.list.filter((c) => c.kind === 'GROUP').length} of groups moving together, {state.list.filter((c) => c.kind === 'PERSON').length} of one person. Groups first, then the most premises.
        </p>
      )}
      <ol className="network-list" aria-label="Circuits">
        {state.list.map((c, i) => (
          <li key={`${c.kind}-${c.stays.map((s) => s.id).join()}`} className="card network circuit">
            <header className="network-head">
              <h2>
                Circuit {i + 1}{' '}
                <span className="muted">
                  · {c.kind === 'GROUP' ? `${c.people.length} people together` : label(c.people, c.people[0]!.id)} · {c.premises.length} premises · {c.moves} moves · {c.from} – {c.to ?? 'open'}
                </span>
              </h2>
              <button type="button" className="btn" onClick={() => void put(c, i)} aria-label={`Put circuit ${i + 1} on the chart`}>
                Put on chart
              </button>
            </header>
            <p className="circuit-route small">
              {c.premises.map((p, k) => (
                <span key={p.id}>
                  {k > 0 && ' → '}
                  <TypeIcon type="PREMISES" size={12} /> {p.label}
                </span>
              ))}
            </p>
            <table className="data-table compact" aria-label={`Stays of circuit ${i + 1}`}>
              <thead>
                <tr>
                  <th>Person</th>
                  <th>Premises</th>
                  <th>From</th>
                  <th>To</th>
                </tr>
              </thead>
              <tbody>
                {c.stays.map((s) => (
                  <tr key={s.id}>
                    <td>{label(c.people, s.personId)}</td>
                    <td>{label(c.premises, s.premisesId)}</td>
                    <td>{s.validFrom}</td>
                    <td>{s.validTo ?? 'open'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </Page>
  );
}
