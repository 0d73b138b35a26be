/**
 * Notes on an entity, a link, a chart or a case, newest first, with author and time, and an
 * "Add note" box for those who may write. What is shown is what the server answers: notes on what
 * the caller may not see (or, for partners, any notes) never arrive.
 */
import { useCallback, useEffect, useState } from 'react';
import { may } from '../admin/useMe.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.ts';
import { annotate, notesOf, type Note, type NoteTarget } from './api.ts';

export function when(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

export function NoteList({ notes }: { notes: readonly Note[] }) {
  if (notes.length === 0) return <p className="muted small">No notes yet.</p>;
  return (
    <ul className="notes" aria-label="Notes">
      {notes.map((n) => (
        <li key={n.id}>
          <div className="note-text">{n.text}</div>
          <div className="muted small">
            {n.author} · {when(n.createdAt)}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The "Add note" box: sends `annotate` (recorded in the audit log with its text). */
export function AddNote({ targetId, onAdded }: { targetId: string; onAdded(n: Note): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="add-note"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        setBusy(true);
        setError(null);
        annotate(targetId, text.trim())
          .then((n) => {
            setText('');
            onAdded(n);
          })
          .catch((err: Error) => setError(err.message))
          .finally(() => setBusy(false));
      }}
    >
      <textarea aria-label="Add note" placeholder="Add a note (recorded with your name in the audit log)" value={text} maxLength={5000} rows={2} onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={busy || !text.trim()}>
        Add note
      </button>
      {error && (
        <p className="error-inline" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Notes of one target with the box to add one; `refresh` (e.g. the note count a heartbeat saw) reloads them. */
export function NotesBox({ target, title = 'Notes', refresh = 0 }: { target: NoteTarget; title?: string; refresh?: number }) {
  const { session } = useWorkspace();
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    notesOf(target)
      .then((n) => {
        setNotes(n);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [target.kind, target.id]);
  useEffect(load, [load, refresh]);
  return (
    <section className="notes-box" aria-label={title}>
      <h3>{title}</h3>
      {error && <p className="error-inline">{error}</p>}
      {notes && <NoteList notes={notes} />}
      {may(session.me, 'write') && <AddNote targetId={target.id} onAdded={(n) => setNotes((old) => [n, ...(old ?? [])])} />}
    </section>
  );
}
