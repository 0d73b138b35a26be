/** Share the open chart with a case or a user (read-only or editable), and its versions with restore. */
import { useCallback, useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { chartSharing, listCases, restoreVersion, shareChart, unshareChart, type CaseListItem, type ChartSharing } from './api.ts';
import { when } from './NotesBox.tsx';

type Versions = Awaited<ReturnType<typeof chartSharing>>['versions'];

export function ShareDialog({ chartId, onClose, onRestored }: { chartId: string; onClose(): void; onRestored(): Promise<void> }) {
  const [chart, setChart] = useState<ChartSharing | null>(null);
  const [versions, setVersions] = useState<Versions>([]);
  const [cases, setCases] = useState<CaseListItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<'case' | 'user'>('case');
  const [caseId, setCaseId] = useState('');
  const [user, setUser] = useState('');
  const [mode, setMode] = useState<'read' | 'edit'>('read');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const [s, c] = await Promise.all([chartSharing(chartId), listCases()]);
    setChart(s.chart);
    setVersions(s.versions);
    // Only cases one may add to can take a chart.
    const open = c.filter((x) => x.myRight !== 'read');
    setCases(open);
    setCaseId((old) => old || open[0]?.id || '');
  }, [chartId]);
  useEffect(() => {
    load().catch((e: Error) => setError(e.message));
  }, [load]);

  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    work()
      .then(load)
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const owner = chart?.access === 'own';
  return (
    <Dialog title={chart ? `Share “${chart.name}”` : 'Share chart'} onClose={onClose} wide>
      {error && (
        <p className="error-inline" role="alert">
          {error}
        </p>
      )}
      {!chart && !error && <div className="progress" />}
      {chart && (
        <div className="share-dialog">
          <p className="muted small">
            Owner: {chart.owner ?? 'the team (saved before charts had owners)'} · version {chart.version} · your access: {chart.access}. Once shared, a chart opens only for its owner, admins and those it is shared with; each opens it in their own access scope.
          </p>
          {owner && (
            <form
              className="share-form"
              onSubmit={(e) => {
                e.preventDefault();
                const target = kind === 'case' ? { caseId } : { user: user.trim() };
                run(() => shareChart(chartId, target, mode));
              }}
            >
              <fieldset>
                <legend>Share with</legend>
                <label>
                  <input type="radio" name="kind" checked={kind === 'case'} onChange={() => setKind('case')} /> a case
                </label>
                <label>
                  <input type="radio" name="kind" checked={kind === 'user'} onChange={() => setKind('user')} /> a user
                </label>
              </fieldset>
              {kind === 'case' ? (
                <label>
                  Case
                  <select aria-label="Case" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
                    {cases.length === 0 && <option value="">No case you may add to</option>}
                    {cases.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name} ({c.handlingCode})
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <label>
                  Username
                  <input aria-label="Username" value={user} onChange={(e) => setUser(e.target.value)} placeholder="a username, or token:NAME" />
                </label>
              )}
              <fieldset>
                <legend>They may</legend>
                <label>
                  <input type="radio" name="mode" checked={mode === 'read'} onChange={() => setMode('read')} /> read only
                </label>
                <label>
                  <input type="radio" name="mode" checked={mode === 'edit'} onChange={() => setMode('edit')} /> edit (save new versions)
                </label>
              </fieldset>
              <button type="submit" className="primary" disabled={busy || (kind === 'case' ? !caseId : !user.trim())}>
                Share
              </button>
            </form>
          )}
          {!owner && <p className="muted small">Only the chart&apos;s owner (or an admin) may share it.</p>}
          <h3>Shared with</h3>
          {chart.shares.length === 0 ? (
            <p className="muted small">{owner ? 'Nobody yet: every analyst may open it, only you may save it.' : 'Listed to its owner only.'}</p>
          ) : (
            <ul className="plain shares" aria-label="Shares">
              {chart.shares.map((s) => (
                <li key={`${s.kind}-${s.id}`}>
                  {s.kind === 'case' ? 'Case' : 'User'} <strong>{s.name}</strong> · {s.mode === 'edit' ? 'can edit' : 'read only'}{' '}
                  <button type="button" className="link danger" disabled={busy} onClick={() => run(() => unshareChart(chartId, s.kind === 'case' ? { caseId: s.id } : { user: s.name }))}>
                    Stop sharing
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3>Versions</h3>
          <table className="chart-list versions" aria-label="Versions">
            <thead>
              <tr>
                <th>Version</th>
                <th>Saved</th>
                <th>By</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td className="num">
                    {v.version}
                    {v.restoredFrom ? ` (restores ${v.restoredFrom})` : ''}
                  </td>
                  <td className="muted">{when(v.savedAt)}</td>
                  <td>{v.savedBy ?? ''}</td>
                  <td>
                    {v.version !== chart.version && chart.access !== 'read' && (
                      <button
                        type="button"
                        className="link"
                        disabled={busy}
                        aria-label={`Restore version ${v.version}`}
                        onClick={() => run(async () => {
                          await restoreVersion(chartId, v.version);
                          await onRestored();
                        })}
                      >
                        Restore
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">Restoring saves that version again as a new one: no version is lost.</p>
        </div>
      )}
    </Dialog>
  );
}
