/** One pair of records side by side, field by field, with what each comparison weighed. */
import { useMemo } from 'react';
import { humanise, entityMeta } from '../model/meta.ts';
import type { Decision, MatchDecision } from './api.ts';

function fieldName(name: string): string {
  const words = name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function statusClass(s: MatchDecision['status']): string {
  return s === 'MERGED' ? 'ok' : s === 'REJECTED' ? 'warn' : '';
}

export function Pair({
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
