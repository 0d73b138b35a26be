/**
 * The review queue: pairs of records the resolver could not decide, side by side, field by
 * field with how each compared and what it weighed; accept, reject or undo, from the keyboard
 * too (A, R, U; J and K or the arrow keys to move). A second view lists the merged clusters
 * (resolved entities) with the evidence for each merge, each of which can be undone.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { humanise, entityMeta } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';
import { Page, Status } from '../pages/Page.tsx';
import { decide, resolvedCluster, resolvedClusters, reviewQueue, type ClusterSummary, type Decision, type MatchDecision, type ResolvedCluster } from './api.ts';
import './importing.css';

const PAGE = 50;

export function ReviewPage({ onClose, onShow }: { onClose(): void; onShow?(ids: string[]): void }) {
  const [view, setView] = useState<'pairs' | 'clusters'>('pairs');
  const [entityType, setEntityType] = useState<EntityType | ''>('');
  const viewPicker = (
    <div className="inline-field" role="group" aria-label="View">
      <button type="button" className={view === 'pairs' ? 'primary' : 'btn'} aria-pressed={view === 'pairs'} onClick={() => setView('pairs')}>
        Pairs waiting
      </button>
      <button type="button" className={view === 'clusters' ? 'primary' : 'btn'} aria-pressed={view === 'clusters'} onClick={() => setView('clusters')}>
        Merged clusters
      </button>
    </div>
  );
  const typePicker = (
    <label className="inline-field">
      Records{' '}
      <select value={entityType} onChange={(e) => setEntityType(e.target.value as EntityType | '')} aria-label="Record type">
        <option value="">All types</option>
        <option value="PERSON">People</option>
        <option value="ORGANISATION">Organisations</option>
        <option value="PREMISES">Premises</option>
      </select>
    </label>
  );
  if (view === 'clusters') return <ClustersView onClose={onClose} onShow={onShow} entityType={entityType} actions={<>{viewPicker}{typePicker}</>} />;
  return <PairsView onClose={onClose} onShow={onShow} entityType={entityType} actions={<>{viewPicker}{typePicker}</>} />;
}

function PairsView({ onClose, onShow, entityType, actions }: { onClose(): void; onShow?(ids: string[]): void; entityType: EntityType | ''; actions: React.ReactNode }) {
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
function ClustersView({ onClose, onShow, entityType, actions }: { onClose(): void; onShow?(ids: string[]): void; entityType: EntityType | ''; actions: React.ReactNode }) {
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
function fieldName(name: string): string {
  const words = name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function statusClass(s: MatchDecision['status']): string {
  return s === 'MERGED' ? 'ok' : s === 'REJECTED' ? 'warn' : '';
}

function Pair({
  d,
  busy,
  note,
  setNote,
  act,
  error,
  onShow,
  undoOnly = false,
}: {
  undoOnly?: boolean;
  d: MatchDecision;
  busy: boolean;
  note: string;
  setNote(s: string): void;
  act(w: Decision): Promise<void>;
  error: string | null;
  onShow?(ids: string[]): void;
}) {
  const compared = new Set(d.evidence.map((e) => e.field));
  const others = useMemo(() => {
    const names = [...new Set([...d.a.fields.map((f) => f.name), ...d.b.fields.map((f) => f.name)])].filter((n) => !compared.has(n));
    const val = (fs: MatchDecision['a']['fields'], n: string) => fs.find((f) => f.name === n)?.value ?? null;
    return names.map((n) => ({ name: n, a: val(d.a.fields, n), b: val(d.b.fields, n) })).filter((r) => r.a || r.b);
    // compared is derived from d.
  }, [d]);
  const max = Math.max(1, ...d.evidence.map((e) => Math.abs(e.weight)));
  // The match weight is the prior's log-odds plus the fields' weights.
  const prior = d.weight - d.evidence.reduce((s, e) => s + e.weight, 0);
  return (
    <section className="card pair" aria-label={`${d.a.label} and ${d.b.label}`}>
      <header className="pair-head">
        <div>
          <h2>
            {entityMeta(d.entityType)?.name ?? d.entityType}: {d.a.label} <span className="muted">and</span> {d.b.label}
          </h2>
          <div className="small muted">
            <span className={`pill ${statusClass(d.status)}`} data-testid="pair-status">
              {humanise(d.status)}
            </span>{' '}
            decided by {d.decidedBy} on {d.decidedAt.slice(0, 16).replace('T', ' ')}
            {d.note ? ` · “${d.note}”` : ''}
            {d.history.length > 0 ? ` · before: ${d.history.map(humanise).join(' → ')}` : ''}
          </div>
        </div>
        <div className="pair-score" title="Fellegi-Sunter: probability that the records are one entity, and the match weight in bits">
          <strong>{(d.probability * 100).toFixed(1)}%</strong>
          <span className="muted small">{d.weight.toFixed(1)} bits</span>
        </div>
      </header>
      {d.swapped && <p className="small pill">Given and family names were compared crossed over.</p>}
      {d.rule && (
        <p className="small pill" data-testid="pair-rule">
          Rule: {d.rule}
        </p>
      )}
      <table className="data-table compare" aria-label="Field by field">
        <thead>
          <tr>
            <th>Field</th>
            <th>Record A</th>
            <th>Record B</th>
            <th>How they compare</th>
            <th className="num">Weight (bits)</th>
          </tr>
        </thead>
        <tbody>
          {d.evidence.map((e) => (
            <tr key={e.field} className={e.weight < 0 ? 'against' : 'for'}>
              <th scope="row">{fieldName(e.field)}</th>
              <td>{e.a ?? <span className="muted">–</span>}</td>
              <td>{e.b ?? <span className="muted">–</span>}</td>
              <td>{e.level}</td>
              <td className="num">
                <span className="wbar" aria-hidden="true">
                  <span className={e.weight < 0 ? 'neg' : 'pos'} style={{ width: `${(50 * Math.abs(e.weight)) / max}%` }} />
                </span>
                {e.weight > 0 ? '+' : ''}
                {e.weight.toFixed(1)}
              </td>
            </tr>
          ))}
          <tr className="not-compared">
            <th scope="row">Prior</th>
            <td colSpan={3} className="small">
              How likely any two compared records are one before their fields are read; the fields above add to it.
            </td>
            <td className="num">{prior.toFixed(1)}</td>
          </tr>
          {others.map((r) => (
            <tr key={r.name} className="not-compared">
              <th scope="row">{fieldName(r.name)}</th>
              <td>{r.a ?? <span className="muted">–</span>}</td>
              <td>{r.b ?? <span className="muted">–</span>}</td>
              <td className="muted">not compared</td>
              <td />
            </tr>
          ))}
          <tr className="not-compared">
            <th scope="row">Sources</th>
            <td className="small">{d.a.sources.join(', ')}</td>
            <td className="small">{d.b.sources.join(', ')}</td>
            <td colSpan={2} />
          </tr>
          <tr className="not-compared">
            <th scope="row">Id</th>
            <td className="mono">{d.a.id}</td>
            <td className="mono">{d.b.id}</td>
            <td colSpan={2}>
              {onShow && (
                <button type="button" className="link" onClick={() => onShow([d.a.id, d.b.id])}>
                  Show both on the chart
                </button>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="decide">
        <label className="inline-field grow">
          Note{' '}
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="why (recorded with the decision)" maxLength={500} />
        </label>
        {!undoOnly && (
          <>
            <button type="button" className="primary" disabled={busy || d.status === 'MERGED'} onClick={() => void act('accept')} aria-keyshortcuts="A">
              Accept: same {d.entityType === 'PERSON' ? 'person' : 'entity'} <kbd>A</kbd>
            </button>
            <button type="button" className="btn" disabled={busy || d.status !== 'REVIEW'} onClick={() => void act('reject')} aria-keyshortcuts="R">
              Reject <kbd>R</kbd>
            </button>
          </>
        )}
        <button type="button" className="btn" disabled={busy || d.status !== 'MERGED'} onClick={() => void act('undo')} aria-keyshortcuts="U">
          Undo merge <kbd>U</kbd>
        </button>
      </div>
      {error && (
        <p className="error-inline" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
