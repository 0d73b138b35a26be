/** The Cases page: the cases one may open, a new case, and one case with its members, charts, snapshots and notes. */
import { useCallback, useEffect, useState } from 'react';
import { may } from '../admin/useMe.ts';
import { Page, Status } from '../pages/Page.tsx';
import { useWorkspace } from '../workspace/WorkspaceContext.ts';
import { addMember, createCase, listCases, loadCase, removeMember, type CaseDetail, type CaseListItem } from './api.ts';
import { AddNote, NoteList, when } from './NotesBox.tsx';
import './cases.css';

const RIGHT = { manage: 'lead', edit: 'can add', read: 'read only' } as const;

function NewCase({ onCreated }: { onCreated(id: string): void }) {
  const [name, setName] = useState('');
  const [code, setCode] = useState<'P' | 'C'>('P');
  const [conditions, setConditions] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="new-case"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        createCase({ name: name.trim(), handlingCode: code, handlingConditions: code === 'C' ? conditions : null })
          .then((id) => {
            setName('');
            onCreated(id);
          })
          .catch((err: Error) => setError(err.message));
      }}
    >
      <label>
        New case
        <input aria-label="Case name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder="e.g. Op Aidant: Reading parlours" />
      </label>
      <label>
        Handling
        <select aria-label="Handling code" value={code} onChange={(e) => setCode(e.target.value as 'P' | 'C')}>
          <option value="P">P: partners who are members may open it</option>
          <option value="C">C: with conditions, not for partners</option>
        </select>
      </label>
      {code === 'C' && <input aria-label="Conditions" value={conditions} onChange={(e) => setConditions(e.target.value)} placeholder="Conditions" />}
      <button type="submit" className="primary" disabled={!name.trim()}>
        Open case
      </button>
      {error && (
        <p className="error-inline" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function CaseView({ id, onOpenChart, onChanged }: { id: string; onOpenChart(chartId: string): void; onChanged(): void }) {
  const [c, setC] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [member, setMember] = useState('');
  const [role, setRole] = useState<'lead' | 'analyst' | 'viewer'>('analyst');
  const reload = useCallback(() => {
    loadCase(id)
      .then((x) => {
        setC(x);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(reload, [reload]);
  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work()
      .then(() => {
        reload();
        onChanged();
      })
      .catch((e: Error) => setError(e.message));
  };
  if (!c) return error ? <p className="error-inline" role="alert">{error}</p> : <div className="progress" />;
  const lead = c.myRight === 'manage';
  return (
    <article className="case" aria-label={`Case ${c.name}`}>
      <header>
        <h2>{c.name}</h2>
        <div className="muted small">
          <span className="mono">{c.id}</span> · handling {c.handlingCode}
          {c.handlingConditions ? ` (${c.handlingConditions})` : ''} · {c.classification.replace('_', '-')}
          {c.needToKnow ? ' · need-to-know' : ''} · opened {when(c.createdAt)} by {c.createdBy} · you: {RIGHT[c.myRight]}
        </div>
      </header>
      {error && (
        <p className="error-inline" role="alert">
          {error}
        </p>
      )}
      <div className="case-grid">
        <section aria-label="Members">
          <h3>Members</h3>
          <ul className="plain">
            {c.members.map((m) => (
              <li key={m.name}>
                <strong>{m.name}</strong> · {m.role}
                {m.accountRole === 'partner' ? ' (partner agency)' : ''}
                {lead && (
                  <button type="button" className="link danger" aria-label={`Remove ${m.name}`} onClick={() => act(() => removeMember(c.id, m.name))}>
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
          {lead && (
            <form
              className="add-member"
              onSubmit={(e) => {
                e.preventDefault();
                act(async () => {
                  await addMember(c.id, member.trim(), role);
                  setMember('');
                });
              }}
            >
              <input aria-label="Member" value={member} onChange={(e) => setMember(e.target.value)} placeholder="username, or token:NAME" />
              <select aria-label="Case role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
                <option value="lead">lead</option>
                <option value="analyst">analyst</option>
                <option value="viewer">viewer</option>
              </select>
              <button type="submit" disabled={!member.trim()}>
                Add member
              </button>
            </form>
          )}
        </section>
        <section aria-label="Charts">
          <h3>Charts</h3>
          {c.charts.length === 0 && <p className="muted small">No charts yet: share one from the chart (Share…).</p>}
          <ul className="plain">
            {c.charts.map((ch) => (
              <li key={ch.id}>
                <button type="button" className="link" onClick={() => onOpenChart(ch.id)}>
                  {ch.name}
                </button>{' '}
                <span className="muted small">
                  {ch.nodeCount} entities · v{ch.version} by {ch.savedBy ?? 'unknown'} · {ch.access === 'read' ? 'read only' : ch.access === 'edit' ? 'editable' : 'yours'}
                </span>
              </li>
            ))}
          </ul>
          <h3>Snapshots</h3>
          {c.snapshots.length === 0 && <p className="muted small">No snapshots.</p>}
          <ul className="plain">
            {c.snapshots.map((s) => (
              <li key={s.id}>
                <a href={`/snapshots/${encodeURIComponent(s.id)}/briefing.html`} target="_blank" rel="noreferrer">
                  {s.title}
                </a>{' '}
                <span className="muted small">{when(s.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="Case notes">
          <h3>Notes</h3>
          {c.myRight !== 'read' && <AddNote targetId={c.id} onAdded={reload} />}
          <NoteList notes={c.notes} />
        </section>
      </div>
    </article>
  );
}

/** `initialCase`: the case to show opened (from a link elsewhere, e.g. an alert's case). */
export function CasesPage({ onClose, initialCase = null }: { onClose(): void; initialCase?: string | null }) {
  const { session, file, messages } = useWorkspace();
  const [cases, setCases] = useState<CaseListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(initialCase);
  useEffect(() => {
    if (initialCase) setOpen(initialCase);
  }, [initialCase]);
  const load = useCallback(() => {
    listCases()
      .then((c) => {
        setCases(c);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  const openChart = (id: string) => {
    onClose();
    void messages.task('Opening the chart', () => file.open(id));
  };
  return (
    <Page title="Cases" subtitle="Investigations: their members, charts, snapshots and notes" onClose={onClose}>
      {may(session.me, 'write') && (
        <NewCase
          onCreated={(id) => {
            load();
            setOpen(id);
          }}
        />
      )}
      <Status loading={!cases && !error} error={error} empty={!!cases && cases.length === 0} onRetry={load} what="cases" />
      {cases && cases.length > 0 && (
        <div className="cases-layout">
          <table className="chart-list case-list" aria-label="Your cases">
            <thead>
              <tr>
                <th>Case</th>
                <th>Handling</th>
                <th>Members</th>
                <th>You</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} aria-selected={open === c.id}>
                  <td>
                    <button type="button" className="link" onClick={() => setOpen(c.id)}>
                      {c.name}
                    </button>
                  </td>
                  <td>{c.handlingCode}</td>
                  <td className="num">{c.members.length}</td>
                  <td>{RIGHT[c.myRight]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {open && <CaseView key={open} id={open} onOpenChart={openChart} onChanged={load} />}
        </div>
      )}
    </Page>
  );
}
