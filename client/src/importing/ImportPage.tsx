/**
 * Import a file from the workspace: choose a file (CSV, JSON, NDJSON, FollowTheMoney), pick or
 * paste a mapping, see the first rows with the mapping applied and the bad rows (line, column,
 * reason), then import with a progress bar (rows per second, time left) and a summary.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Page } from '../pages/Page.tsx';
import { importFile, importJob, isMissingField, preview, startImport, type ImportInput, type Preview } from './api.ts';
import { PreviewTable } from './PreviewTable.tsx';
import { RunStatus, type Run } from './RunStatus.tsx';
import { extensionOf, TEMPLATES, toBase64 } from './templates.ts';
import './importing.css';

/** The API takes the file in one request of at most 1 MB; base64 makes it a third larger. */
export const MAX_FILE_BYTES = 740_000;
const POLL_MS = 400;

interface Chosen {
  name: string;
  size: number;
  content: string;
}

export function ImportPage({ onClose, onReview }: { onClose(): void; onReview(): void }) {
  const ids = useId();
  const [source, setSource] = useState('');
  const [file, setFile] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState('');
  const [template, setTemplate] = useState('');
  const [resolve, setResolve] = useState(true);
  const [pv, setPv] = useState<{ loading: boolean; error: string | null; data: Preview | null; key: string }>({ loading: false, error: null, data: null, key: '' });
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const input: ImportInput | null = file && mapping.trim() && source.trim() ? { source: source.trim(), mapping, fileName: file.name, content: file.content } : null;
  const key = input ? `${input.source}\u0000${input.mapping}\u0000${input.fileName}\u0000${input.content}` : '';
  const previewCurrent = pv.key === key && !!pv.data;

  const chooseFile = async (f: File | undefined) => {
    setFileError(null);
    setRun({ kind: 'idle' });
    if (!f) return setFile(null);
    if (f.size > MAX_FILE_BYTES) {
      setFile(null);
      setFileError(`${f.name} is ${(f.size / 1e6).toFixed(1)} MB; the workspace takes files up to ${MAX_FILE_BYTES / 1000} KB. Split it, or use lantern import on the command line.`);
      return;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    setFile({ name: f.name, size: f.size, content: toBase64(bytes) });
    if (!source) setSource(f.name.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase().slice(0, 20));
    if (!mapping.trim()) {
      const t = TEMPLATES.find((x) => x.suits.includes(extensionOf(f.name)));
      if (t) {
        setMapping(t.text);
        setTemplate(t.name);
      }
    }
  };

  const loadMappingFile = async (f: File | undefined) => {
    if (!f) return;
    setMapping(await f.text());
    setTemplate('');
  };

  const doPreview = useCallback(async () => {
    if (!input) return;
    setPv({ loading: true, error: null, data: null, key });
    try {
      const data = await preview(input, 20);
      if (live.current) setPv({ loading: false, error: null, data, key });
    } catch (e) {
      if (live.current) setPv({ loading: false, error: (e as Error).message, data: null, key });
    }
    // input is derived from the same state as key.
  }, [key]);

  const poll = useCallback(async (id: string, started: number) => {
    for (;;) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (!live.current) return;
      const job = await importJob(id);
      if (!job) throw new Error('The import job is no longer known to the server.');
      if (job.status === 'RUNNING') {
        setRun({ kind: 'running', job, started });
        continue;
      }
      if (job.status === 'SUCCEEDED' && job.result) {
        setRun({ kind: 'done', result: job.result, resolution: job.resolution, seconds: (Date.now() - started) / 1000 });
      } else {
        setRun({ kind: 'failed', error: job.error ?? (job.status === 'INTERRUPTED' ? 'The server stopped while importing. Import the same file again to resume.' : 'The import failed.') });
      }
      return;
    }
  }, []);

  const doImport = async () => {
    if (!input) return;
    const started = Date.now();
    setRun({ kind: 'running', job: null, started });
    try {
      const job = await startImport(input, resolve);
      setRun({ kind: 'running', job, started });
      await poll(job.id, started);
    } catch (e) {
      if (!isMissingField(e)) {
        if (live.current) setRun({ kind: 'failed', error: (e as Error).message });
        return;
      }
      // A server without background jobs: one request, no progress to show.
      try {
        const result = await importFile(input);
        if (live.current) setRun({ kind: 'done', result, resolution: null, seconds: (Date.now() - started) / 1000 });
      } catch (e2) {
        if (live.current) setRun({ kind: 'failed', error: (e2 as Error).message });
      }
    }
  };

  const running = run.kind === 'running';
  const canPreview = !!input && !pv.loading && !running;

  return (
    <Page title="Import a file" subtitle="CSV (any delimiter, with or without a header), JSON, NDJSON or FollowTheMoney, through a mapping (docs/import.md). Importing the same file again changes nothing." onClose={onClose}>
      <div className="import-grid">
        <form
          className="card import-form"
          aria-label="File and mapping"
          onSubmit={(e) => {
            e.preventDefault();
            void doPreview();
          }}
        >
          <div className="field">
            <label htmlFor={`${ids}-file`}>File</label>
            <input id={`${ids}-file`} type="file" accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,.ijson,.ftm" onChange={(e) => void chooseFile(e.target.files?.[0])} disabled={running} />
            {file && (
              <span className="muted small">
                {file.name} · {(file.size / 1000).toFixed(1)} KB
              </span>
            )}
            {fileError && (
              <span className="error-inline" role="alert">
                {fileError}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-source`}>Source system</label>
            <input id={`${ids}-source`} value={source} onChange={(e) => setSource(e.target.value)} placeholder="e.g. TVCR" aria-describedby={`${ids}-source-hint`} disabled={running} />
            <span id={`${ids}-source-hint`} className="muted small">
              The code every record of this file is filed under; the same file under the same source imports once.
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-template`}>Mapping</label>
            <div className="row-inline">
              <select
                id={`${ids}-template`}
                value={template}
                onChange={(e) => {
                  const t = TEMPLATES.find((x) => x.name === e.target.value);
                  setTemplate(e.target.value);
                  if (t) setMapping(t.text);
                }}
                disabled={running}
              >
                <option value="">Start from a template…</option>
                {TEMPLATES.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
              <label className="btn file-btn">
                Load mapping file…
                <input type="file" accept=".yaml,.yml,.json" className="sr-only" onChange={(e) => void loadMappingFile(e.target.files?.[0])} disabled={running} />
              </label>
            </div>
            <textarea
              aria-label="Mapping (YAML or JSON)"
              className="mapping-text"
              spellCheck={false}
              value={mapping}
              onChange={(e) => {
                setMapping(e.target.value);
                setTemplate('');
              }}
              placeholder="Paste a mapping (YAML or JSON), pick a template or load a file"
              disabled={running}
            />
          </div>
          <div className="actions-row">
            <button type="submit" className="btn" disabled={!canPreview}>
              Preview
            </button>
            <label className="check">
              <input type="checkbox" checked={resolve} onChange={(e) => setResolve(e.target.checked)} disabled={running} /> resolve people afterwards
            </label>
            <button type="button" className="primary" onClick={() => void doImport()} disabled={!input || running || !previewCurrent || !!pv.error} title={previewCurrent ? undefined : 'Preview first'}>
              Import {pv.data && previewCurrent ? `${pv.data.rows} rows` : ''}
            </button>
          </div>
          {!input && <p className="muted small">Choose a file, name its source and give a mapping to see a preview.</p>}
        </form>

        <div className="import-right">
          <RunStatus run={run} onReview={onReview} />
          <section className="card preview" aria-label="Preview" aria-busy={pv.loading}>
            <h2>Preview</h2>
            {pv.loading && (
              <div className="page-status" role="status">
                <div className="progress" />
                Reading the first rows…
              </div>
            )}
            {pv.error && pv.key === key && (
              <p className="error-inline" role="alert">
                {pv.error}
              </p>
            )}
            {!pv.loading && !pv.data && !pv.error && <p className="muted small">The first 20 rows with the mapping applied appear here; nothing is written until you import.</p>}
            {pv.data && <PreviewTable data={pv.data} stale={!previewCurrent} />}
          </section>
        </div>
      </div>
    </Page>
  );
}
