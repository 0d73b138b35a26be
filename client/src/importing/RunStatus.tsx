/** The import's progress (phase, rows per second, time left) and its result: counts, resolution and bad rows. */
import type { ImportJob, ImportResult, RowError } from './api.ts';
import { rateText } from './templates.ts';

export type Run =
  | { kind: 'idle' }
  | { kind: 'running'; job: ImportJob | null; started: number }
  | { kind: 'done'; result: ImportResult; resolution: ImportJob['resolution']; seconds: number }
  | { kind: 'failed'; error: string };

export function RunStatus({ run, onReview }: { run: Run; onReview(): void }) {
  if (run.kind === 'idle') return null;
  if (run.kind === 'failed') {
    return (
      <div className="card run" role="alert">
        <h2>Import failed</h2>
        <p className="error-inline">{run.error}</p>
      </div>
    );
  }
  if (run.kind === 'running') {
    const j = run.job;
    const pct = j && j.total ? Math.min(100, (100 * j.done) / j.total) : null;
    return (
      <div className="card run" aria-live="polite">
        <h2>Importing…</h2>
        <progress max={100} value={pct ?? undefined} aria-label="Import progress" />
        <div className="small run-line">
          {j ? (
            <>
              <span>
                {phaseName(j.phase)}: {j.done.toLocaleString('en-GB')} of {j.total.toLocaleString('en-GB')}
              </span>
              <span data-testid="import-rate">{rateText(j.rowsPerSecond, j.secondsLeft)}</span>
            </>
          ) : (
            <span>Starting…</span>
          )}
        </div>
      </div>
    );
  }
  const r = run.result;
  return (
    <div className="card run done" role="status" aria-label="Import result">
      <h2>
        Imported {r.imported.toLocaleString('en-GB')} of {r.rows.toLocaleString('en-GB')} rows in {run.seconds.toFixed(1)} s
      </h2>
      <dl className="result-figures">
        <Fig label="New records" value={r.created} />
        <Fig label="Changed" value={r.changed} />
        <Fig label="Unchanged" value={r.unchanged} />
        <Fig label="Skipped" value={r.skipped} />
        <Fig label="Bad rows" value={r.bad} warn={r.bad > 0} />
        <Fig label="Values left out" value={r.valuesLeftOut} warn={r.valuesLeftOut > 0} />
        <Fig label="Links not made" value={r.linksNotMade} warn={r.linksNotMade > 0} />
        <Fig label="Entities written" value={r.entities} />
        <Fig label="Links written" value={r.links} />
      </dl>
      {run.resolution && (
        <p className="small">
          Resolution: {run.resolution.newRecords} new records compared in {run.resolution.candidatePairs} pairs; {run.resolution.merged} merged,{' '}
          {run.resolution.review} for review.{' '}
          {run.resolution.review > 0 && (
            <button type="button" className="link" onClick={onReview}>
              Open the review queue
            </button>
          )}
        </p>
      )}
      {r.errors.length > 0 && <ErrorTable errors={r.errors} label="Bad rows (not imported)" />}
      {r.warnings.length > 0 && <ErrorTable errors={r.warnings} label="Left out of imported rows" />}
    </div>
  );
}

function Fig({ label, value, warn }: { label: string; value: number; warn?: boolean }) {
  return (
    <div className={warn ? 'warn' : undefined}>
      <dt>{label}</dt>
      <dd>{value.toLocaleString('en-GB')}</dd>
    </div>
  );
}

function phaseName(p: string): string {
  return { reading: 'Reading', records: 'Rows', links: 'Links', resolving: 'Resolving', done: 'Done' }[p] ?? p;
}

/** Bad rows: line, column and reason. */
export function ErrorTable({ errors, label }: { errors: RowError[]; label: string }) {
  return (
    <table className="data-table compact errors" aria-label={label}>
      <thead>
        <tr>
          <th className="num">Line</th>
          <th>Column</th>
          <th>Value</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={i}>
            <td className="num">{e.line || 'file'}</td>
            <td className="mono">{e.column ?? '–'}</td>
            <td className="mono">{e.value ?? '–'}</td>
            <td>{e.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
