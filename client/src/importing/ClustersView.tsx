/** The merged clusters (resolved entities), each merge's evidence, each undoable. */
import { useCallback, useEffect, useState } from 'react';
import type { EntityType } from '../model/types.ts';
import { Page, Status } from '../pages/Page.tsx';
import { decide, resolvedCluster, resolvedClusters, type ClusterSummary, type MatchDecision, type ResolvedCluster } from './api.ts';
import { Pair } from './Pair.tsx';
import { PAGE } from './PairsView.tsx';

export function ClustersView({ onClose, onShow, entityType, actions }: { onClose(): void; onShow?(ids: string[]): void; entityType: EntityType | ''; actions: React.ReactNode }) {
  const [state, setState] = useState<{ loading: boolean; error: string | null; items: ClusterSummary[]; total: number }>({ loading: true, error: null, items: [], total: 0 });
  const [index, setIndex] = useState(0);
  const [open, setOpen] = useState<{ cluster: ResolvedCluster | null; error: string | null }>({ cluster: null, error: null });
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      setState({ loading: false, error: null, ...(await resolvedClusters(PAGE, 0, entityType || null)) });
    } catch (e) {
      setState({ loading: false, error: (e as Error).message, items: [], total: 0 });
    }
  }, [entityType]);
  useEffect(() => {
    void load();
  }, [load]);
  const selected = state.items[Math.min(index, state.items.length - 1)] ?? null;
  useEffect(() => {
    if (!selected) return;
    let live = true;
    resolvedCluster(selected.id).then(
      (cluster) => live && setOpen({ cluster, error: null }),
      (e: unknown) => live && setOpen({ cluster: null, error: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [selected]);
  const current = open.cluster && open.cluster.id === selected?.id ? open.cluster : null;
  const undo = async (d: MatchDecision) => {
    if (busy) return;
    setBusy(true);
    setActionError(null);
    try {
      const done = await decide(d.id, 'undo', note.trim() || null);
      setNote('');
      setSaid(`Merge undone for ${done.a.label} and ${done.b.label}.`);
      await load();
    } catch (e) {
      setActionError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title="Merged clusters" subtitle="Records merged into one entity, and for each merge which fields agreed, how much each counted and the rule that decided." onClose={onClose} actions={actions}>
      <Status loading={state.loading} error={state.error} empty={!state.loading && !state.error && state.items.length === 0} onRetry={() => void load()} what="merged clusters" />
      {state.items.length > 0 && (
        <div className="review-grid">
          <nav className="card queue" aria-label="Clusters">
            <p className="muted small" data-testid="clusters-summary">
              {state.items.length} shown · {state.total} merged clusters
            </p>
            <ol className="queue-list">
              {state.items.map((c, i) => (
                <li key={c.id} data-cluster-id={c.id}>
                  <button type="button" className={c === selected ? 'current' : ''} aria-current={c === selected ? 'true' : undefined} onClick={() => setIndex(i)}>
                    <span className="q-labels">{[...new Set(c.records.map((r) => r.label))].join(' · ')}</span>
                    <span className="q-meta">
                      {c.records.length} records · {c.merges.length} {c.merges.length === 1 ? 'merge' : 'merges'}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          {open.error && (
            <p className="error-inline" role="alert">
              {open.error}
            </p>
          )}
          {current && (
            <div className="cluster" aria-label={`Cluster ${current.id}`}>
              <p className="small muted">
                Resolved id <span className="mono">{current.id}</span> · records {current.records.map((r) => `${r.label} (${r.id})`).join(', ')}
                {onShow && (
                  <>
                    {' '}
                    <button type="button" className="link" onClick={() => onShow(current.records.map((r) => r.id))}>
                      Show all on the chart
                    </button>
                  </>
                )}
              </p>
              {current.merges.map((d) => (
                <Pair key={d.id} d={d} busy={busy} note={note} setNote={setNote} act={(w) => (w === 'undo' ? undo(d) : Promise.resolve())} error={actionError} onShow={onShow} undoOnly />
              ))}
            </div>
          )}
        </div>
      )}
      <p className="muted small review-said" aria-live="polite" data-testid="review-said">
        {said}
      </p>
    </Page>
  );
}

/** A field name as people write it: givenName, date_of_birth -> Given name, Date of birth. */
