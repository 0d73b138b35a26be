/** The review queue's pairs, one at a time, with the keyboard. */
import { useCallback, useEffect, useState } from 'react';
import { humanise } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';
import { Page, Status } from '../pages/Page.tsx';
import { decide, reviewQueue, type Decision, type MatchDecision } from './api.ts';
import { Pair, statusClass } from './Pair.tsx';

export const PAGE = 50;

export function PairsView({ onClose, onShow, entityType, actions }: { onClose(): void; onShow?(ids: string[]): void; entityType: EntityType | ''; actions: React.ReactNode }) {
  const [state, setState] = useState<{ loading: boolean; error: string | null; items: MatchDecision[]; total: number }>({ loading: true, error: null, items: [], total: 0 });
  const [index, setIndex] = useState(0);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [lastMergedId, setLastMergedId] = useState<string | null>(null);

  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const r = await reviewQueue(PAGE, 0, entityType || null);
      setState({ loading: false, error: null, ...r });
      setIndex(0);
    } catch (e) {
      setState({ loading: false, error: (e as Error).message, items: [], total: 0 });
    }
  }, [entityType]);
  useEffect(() => {
    void load();
  }, [load]);

  const current = state.items[index] ?? null;
  const pending = state.items.filter((x) => x.status === 'REVIEW').length;

  const act = useCallback(
    async (what: Decision) => {
      // Undo acts on the pair on screen if it is merged, else on the last pair merged here: after
      // an accept the page has already moved on to the next pair waiting.
      const lastMerged = state.items.find((x) => x.id === lastMergedId && x.status === 'MERGED') ?? null;
      const target = what === 'undo' && current?.status !== 'MERGED' ? lastMerged : current;
      if (!target || busy) return;
      if (what === 'undo' && target.status !== 'MERGED') return;
      if (what === 'reject' && target.status !== 'REVIEW') return;
      if (what === 'accept' && target.status === 'MERGED') return;
      setBusy(true);
      setActionError(null);
      try {
        const d = await decide(target.id, what, note.trim() || null);
        setState((s) => ({ ...s, items: s.items.map((x) => (x.id === d.id ? d : x)) }));
        setNote('');
        setLastMergedId(what === 'accept' ? d.id : null);
        const verb = { accept: 'Merged', reject: 'Rejected', undo: 'Merge undone for' }[what];
        setSaid(`${verb} ${d.a.label} and ${d.b.label}.${what === 'accept' ? ' U undoes it.' : ''}`);
        // After a decision, on to the next pair still waiting.
        if (what !== 'undo') {
          const next = state.items.findIndex((x, i) => i > index && x.status === 'REVIEW');
          if (next >= 0) setIndex(next);
        }
      } catch (e) {
        setActionError((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [current, busy, note, state.items, index, lastMergedId],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 'a') void act('accept');
      else if (k === 'r') void act('reject');
      else if (k === 'u') void act('undo');
      else if (k === 'j' || e.key === 'ArrowDown') setIndex((i) => Math.min(state.items.length - 1, i + 1));
      else if (k === 'k' || e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [act, state.items.length]);

  return (
    <Page
      title="Review queue"
      subtitle="Pairs of records scored between the review and merge thresholds. Keys: A accept · R reject · U undo a merge · J/K next and previous."
      onClose={onClose}
      actions={actions}
    >
      <Status loading={state.loading} error={state.error} empty={!state.loading && !state.error && state.items.length === 0} onRetry={() => void load()} what="pairs waiting for review" />
      {state.items.length > 0 && (
        <div className="review-grid">
          <nav className="card queue" aria-label="Pairs">
            <p className="muted small" data-testid="queue-summary">
              {pending} waiting here · {state.total} in the queue when loaded
            </p>
            <ol className="queue-list">
              {state.items.map((x, i) => (
                <li key={x.id} data-decision-id={x.id}>
                  <button type="button" className={i === index ? 'current' : ''} aria-current={i === index ? 'true' : undefined} onClick={() => setIndex(i)}>
                    <span className="q-labels">
                      {x.a.label} · {x.b.label}
                    </span>
                    <span className="q-meta">
                      <span className={`pill ${statusClass(x.status)}`}>{humanise(x.status)}</span> {(x.probability * 100).toFixed(0)}%
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          {current && <Pair d={current} busy={busy} note={note} setNote={setNote} act={act} error={actionError} onShow={onShow} />}
        </div>
      )}
      <p className="muted small review-said" aria-live="polite" data-testid="review-said">
        {said}
      </p>
    </Page>
  );
}

/** Merged clusters: each resolved entity's records and the merges that join them, each undoable. */
