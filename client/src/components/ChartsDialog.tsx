/** Saved charts: save under a name, open one, delete one. */
import { useEffect, useState } from 'react';
import { deleteChart, listCharts, type ChartSummary } from '../api/operations.ts';
import { Dialog } from './Dialog.tsx';

interface Props {
  mode: 'open' | 'save';
  currentName: string | null;
  onSave(name: string): Promise<void>;
  onOpen(id: string): Promise<void>;
  onClose(): void;
}

export function ChartsDialog({ mode, currentName, onSave, onOpen, onClose }: Props) {
  const [charts, setCharts] = useState<ChartSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(currentName ?? '');
  const [working, setWorking] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    listCharts()
      .then(setCharts)
      .catch((e: Error) => setError(e.message));
  }, [reload]);

  const run = async (work: () => Promise<void>) => {
    setWorking(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setWorking(false);
    }
  };

  const exists = charts?.some((c) => c.name === name.trim());
  return (
    <Dialog title={mode === 'save' ? 'Save chart' : 'Open a saved chart'} onClose={onClose} wide>
      {mode === 'save' && (
        <form
          className="save-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void run(() => onSave(name.trim()));
          }}
        >
          <label>
            Name
            <input autoFocus value={name} maxLength={120} aria-label="Chart name" onChange={(e) => setName(e.target.value)} placeholder="e.g. Op Aidant: Reading parlours" />
          </label>
          <button type="submit" className="primary" disabled={!name.trim() || working}>
            {exists ? 'Replace' : 'Save'}
          </button>
          {exists && <p className="muted small">A chart with this name exists: saving replaces it.</p>}
        </form>
      )}
      {error && <p className="error-inline" role="alert">{error}</p>}
      {!charts && !error && <div className="progress" />}
      {charts && charts.length === 0 && <p className="muted">No charts saved yet. Build a chart, then save it to find it here.</p>}
      {charts && charts.length > 0 && (
        <table className="chart-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Entities</th>
              <th>Links</th>
              <th>Saved</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {charts.map((c) => (
              <tr key={c.id}>
                <td>
                  {mode === 'open' ? (
                    <button type="button" className="link" disabled={working} onClick={() => void run(() => onOpen(c.id))}>
                      {c.name}
                    </button>
                  ) : (
                    <button type="button" className="link" onClick={() => setName(c.name)}>
                      {c.name}
                    </button>
                  )}
                </td>
                <td className="num">{c.nodeCount}</td>
                <td className="num">{c.edgeCount}</td>
                <td className="muted">{c.updatedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  <button
                    type="button"
                    className="link danger"
                    aria-label={`Delete ${c.name}`}
                    disabled={working}
                    onClick={() => {
                      if (window.confirm(`Delete the chart “${c.name}”? This cannot be undone.`)) void run(async () => {
                        await deleteChart(c.id);
                        setReload((r) => r + 1);
                      });
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
