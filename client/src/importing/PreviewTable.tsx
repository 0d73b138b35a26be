/** The first rows of a file with the mapping applied, bad rows in place, before anything is written. */
import { useMemo } from 'react';
import { linkMeta, entityMeta } from '../model/meta.ts';
import { TypeIcon } from '../components/TypeIcon.tsx';
import type { Preview, RowError } from './api.ts';
import { ErrorTable } from './RunStatus.tsx';

export function PreviewTable({ data, stale }: { data: Preview; stale: boolean }) {
  // Good rows and bad rows together, in file order, so a bad row is seen where it is.
  const rows = useMemo(() => {
    const bad = new Map<number, RowError[]>();
    for (const e of data.errors) bad.set(e.line, [...(bad.get(e.line) ?? []), e]);
    const all: ({ line: number; good: Preview['records'][number] } | { line: number; bad: RowError[] })[] = [
      ...data.records.map((r) => ({ line: r.line, good: r })),
      ...[...bad].map(([line, errs]) => ({ line, bad: errs })),
    ];
    return all.sort((a, b) => a.line - b.line);
  }, [data]);
  return (
    <>
      <p className="small" data-testid="preview-summary">
        {data.rows.toLocaleString('en-GB')} rows in the file · showing the first {data.records.length + new Set(data.errors.map((e) => e.line)).size} ·{' '}
        <span className={data.errors.length ? 'warn-text' : ''}>
          {data.errors.length} bad row{data.errors.length === 1 ? '' : 's'} among them
        </span>
        {data.warnings.length > 0 && (
          <span className="warn-text">
            {' '}
            · {data.warnings.length} value{data.warnings.length === 1 ? '' : 's'} or link{data.warnings.length === 1 ? '' : 's'} left out of kept rows
          </span>
        )}
        {stale && <span className="warn-text"> · the file, source or mapping changed: preview again</span>}
      </p>
      {data.errors.length > 0 && <ErrorTable errors={data.errors} label="Bad rows in the preview" />}
      {data.warnings.length > 0 && <ErrorTable errors={data.warnings} label="Left out of rows in the preview" />}
      <div className="table-wrap preview-wrap">
        <table className="data-table compact" aria-label="Rows with the mapping applied">
          <thead>
            <tr>
              <th className="num">Line</th>
              <th>Record</th>
              <th>Entities</th>
              <th>Links</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) =>
              'good' in r ? (
                <tr key={`g${r.line}`}>
                  <td className="num">{r.line}</td>
                  <td>
                    <div className="mono">{r.good.recordKey}</div>
                    <div className="muted small">{r.good.summary}</div>
                  </td>
                  <td>
                    {r.good.entities.map((e) => (
                      <div key={e.id} className="pv-entity">
                        <TypeIcon type={e.type} size={13} /> <span className="muted">{entityMeta(e.type).name}</span>{' '}
                        {e.properties
                          .filter((p) => p.value != null && p.value !== '')
                          .map((p) => (
                            <span key={p.name} className="pv-prop">
                              <span className="muted">{p.name}</span> {p.value}
                            </span>
                          ))}
                      </div>
                    ))}
                  </td>
                  <td className="small">
                    {r.good.links.map((l, i) => (
                      <div key={i}>
                        {linkMeta(l.type).verb}
                        {l.role ? ` (${l.role.toLowerCase()})` : ''}
                      </div>
                    ))}
                  </td>
                </tr>
              ) : (
                <tr key={`b${r.line}`} className="bad-row">
                  <td className="num">{r.line}</td>
                  <td colSpan={3}>
                    {r.bad.map((e, i) => (
                      <div key={i}>
                        <strong>Not imported</strong>
                        {e.column ? (
                          <>
                            {' '}
                            · column <span className="mono">{e.column}</span>
                          </>
                        ) : null}{' '}
                        · {e.reason}
                      </div>
                    ))}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
