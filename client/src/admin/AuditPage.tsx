/**
 * The audit log for admins: who looked at what, when, why, and which records were disclosed;
 * newest first, filtered by actor, operation and dates, paged with the server's cursor.
 * Everything is shown as text (React escapes it), whatever the recorded values contain.
 */
import { useCallback, useEffect, useState } from 'react';
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type { AuditLogQuery } from '../../../server/kernel/__generated__/graphql.ts';
import { gql } from '../api/graphql.ts';
import { Dialog } from '../components/Dialog.tsx';
import './admin.css';

export type AuditEntry = AuditLogQuery['auditLog']['entries'][number];

interface Filter {
  actor: string;
  operation: string;
  from: string;
  to: string;
}

const QUERY = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      entries {
        seq
        at
        actor
        role
        kind
        operation
        variables
        purpose
        recordCount
        recordIds
        outcome
      }
      endCursor
      hasNextPage
    }
  }
`);

const clean = (f: Filter) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.trim() || null]));

export function AuditPage({ onClose }: { onClose(): void }) {
  const [filter, setFilter] = useState<Filter>({ actor: '', operation: '', from: '', to: '' });
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<number | null>(null);

  const load = useCallback(async (f: Filter, after: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const d = await gql(QUERY, { filter: clean(f), first: 50, after });
      setEntries((old) => (after ? [...old, ...d.auditLog.entries] : d.auditLog.entries));
      setCursor(d.auditLog.endCursor);
      setMore(d.auditLog.hasNextPage);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load({ actor: '', operation: '', from: '', to: '' }, null);
  }, [load]);

  const field = (name: keyof Filter, label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} value={filter[name]} onChange={(e) => setFilter({ ...filter, [name]: e.target.value })} />
    </label>
  );

  return (
    <Dialog title="Audit log" onClose={onClose} wide>
      <form
        className="save-form audit-filter"
        aria-label="Audit filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(filter, null);
        }}
      >
        {field('actor', 'Actor')}
        {field('operation', 'Operation')}
        {field('from', 'From', 'date')}
        {field('to', 'To', 'date')}
        <button type="submit" className="primary" disabled={busy}>
          Filter
        </button>
      </form>
      {error && <p className="error-inline" role="alert">{error}</p>}
      <div className="audit-table-wrap">
        <table className="audit-table" aria-label="Audit entries">
          <thead>
            <tr>
              <th>#</th>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>What</th>
              <th>Purpose</th>
              <th>Records</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} className={e.kind === 'unmask' ? 'unmask' : undefined} onClick={() => setOpen(open === e.seq ? null : e.seq)}>
                <td>{e.seq}</td>
                <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>
                  {e.actor} <span className="muted">({e.role})</span>
                </td>
                <td>
                  {e.kind === 'graphql' ? '' : `${e.kind}: `}
                  {e.operation}
                  {open === e.seq && <pre className="audit-detail">{e.variables}{'\n'}{e.recordIds.join(', ')}</pre>}
                </td>
                <td>{e.purpose || <span className="muted">none given</span>}</td>
                <td>{e.recordCount}</td>
                <td>{e.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!busy && entries.length === 0 && !error && <p className="muted">No entries match.</p>}
      </div>
      {more && (
        <button type="button" disabled={busy} onClick={() => void load(filter, cursor)}>
          Older entries
        </button>
      )}
    </Dialog>
  );
}
