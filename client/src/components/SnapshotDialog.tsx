/**
 * Briefing snapshots from the workspace: the chart as it is on screen (its entities and their
 * positions) becomes an immutable, marked and hashed snapshot on the server (createSnapshot),
 * downloadable as PDF, HTML or PNG. Potential victims are masked unless a need-to-know analyst
 * gives a reason, which the snapshot and the audit log record. docs/snapshots.md.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type { SnapshotsQuery } from '../../../server/kernel/__generated__/graphql.ts';
import { gql } from '../api/graphql.ts';
import { csrfHeaders } from '../api/session.ts';
import { purposeHeaders } from '../auth/purpose.ts';
import { may } from '../admin/useMe.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.ts';
import type { ChartDoc } from '../state/chartDoc.ts';
import { placedTypes } from '../map/mapData.ts';
import { STAY_TYPES } from '../occupancy/stays.ts';
import { Dialog } from './Dialog.tsx';
import { download } from './download.ts';
import './snapshot.css';

type SnapshotSummary = SnapshotsQuery['snapshots'][number];

const LIST = graphql(`
  query Snapshots {
    snapshots(first: 20) {
      id
      title
      createdAt
      version
      supersededBy
      marking
      masked
      hash
      nodeCount
      edgeCount
      files {
        html
        pdf
        png
      }
    }
  }
`);

const CREATE = graphql(`
  mutation CreateSnapshot($input: CreateSnapshotInput!) {
    createSnapshot(input: $input) {
      id
      title
      createdAt
      version
      supersededBy
      marking
      masked
      hash
      nodeCount
      edgeCount
      files {
        html
        pdf
        png
      }
    }
  }
`);

/** Fetches a render with the session's credentials and saves it. */
async function fetchFile(url: string, filename: string): Promise<void> {
  const res = await fetch(url, { headers: { ...csrfHeaders(), ...purposeHeaders() } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    throw new Error(body?.errors?.[0]?.message ?? `The server answered ${res.status}.`);
  }
  download(await res.blob(), filename);
}

function stem(s: SnapshotSummary): string {
  return `${s.title.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'briefing'}-v${s.version}`;
}

const PLACED = new Set(placedTypes().map((t) => t.name));

/**
 * Whether the briefing's map and occupancy pictures start ticked: the map when the chart shows
 * an entity of a type that has a place (premises), the occupancy when it shows a dated stay.
 */
export function picturesByDefault(doc: ChartDoc, ids: readonly string[]): { map: boolean; occupancy: boolean } {
  const shown = new Set(ids);
  return {
    map: ids.some((id) => PLACED.has(doc.nodes[id]?.type ?? '')),
    occupancy: Object.values(doc.edges).some((e) => STAY_TYPES.has(e.type) && !!e.validFrom && shown.has(e.source) && shown.has(e.target)),
  };
}

/** The toolbar button and its dialog. */
export function SnapshotMenu() {
  const { chart, session } = useWorkspace();
  const [open, setOpen] = useState(false);
  const ids = Object.keys(chart.doc.nodes);
  const shown = ids.filter((id) => !chart.doc.hidden.includes(id));
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={ids.length === 0} title="Make a briefing snapshot of the chart: marked, hashed, victims masked (PDF, HTML, PNG)">
        Briefing…
      </button>
      {/* In the page's body, not the toolbar: the toolbar's styles (no wrapping, dark buttons) are not the dialog's. */}
      {open &&
        createPortal(
          <SnapshotDialog
            ids={shown}
            positions={chart.doc.positions}
            pictures={picturesByDefault(chart.doc, shown)}
            mayUnmask={may(session.me, 'unmask')}
            mayCreate={may(session.me, 'write')}
            onClose={() => setOpen(false)}
          />,
          document.body,
        )}
    </>
  );
}

interface Props {
  ids: string[];
  positions: Readonly<Record<string, { x: number; y: number }>>;
  /** Whether "Include map" and "Include occupancy" start ticked. */
  pictures: { map: boolean; occupancy: boolean };
  mayUnmask: boolean;
  mayCreate: boolean;
  onClose(): void;
}

export function SnapshotDialog({ ids, positions, pictures, mayUnmask, mayCreate, onClose }: Props) {
  const [withMap, setWithMap] = useState(pictures.map);
  const [withOccupancy, setWithOccupancy] = useState(pictures.occupancy);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [asKnownOn, setAsKnownOn] = useState('');
  const [findings, setFindings] = useState('');
  const [unmask, setUnmask] = useState(false);
  const [reason, setReason] = useState('');
  const [supersedes, setSupersedes] = useState('');
  const [list, setList] = useState<SnapshotSummary[] | null>(null);
  const [made, setMade] = useState<SnapshotSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);

  useEffect(() => {
    gql(LIST, {})
      .then((d) => setList(d.snapshots))
      .catch((e: Error) => setError(e.message));
  }, [made]);

  const run = async (label: string, work: () => Promise<void>) => {
    setWorking(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setWorking(null);
    }
  };

  const create = () =>
    run('Making the snapshot…', async () => {
      const input = {
        title: title.trim(),
        purpose: purpose.trim() || null,
        asKnownOn: asKnownOn || null,
        chartElements: { ids, positions: Object.fromEntries(ids.filter((id) => positions[id]).map((id) => [id, positions[id]])) },
        findings: findings.split('\n').map((t) => t.trim()).filter(Boolean).map((text) => ({ text })),
        unmaskReason: unmask ? reason.trim() : null,
        supersedes: supersedes || null,
        pictures: { map: withMap, occupancy: withOccupancy },
      };
      const d = await gql(CREATE, { input });
      setMade(d.createSnapshot);
    });

  const latest = (list ?? []).filter((s) => !s.supersededBy);
  const files = (s: SnapshotSummary) => (
    <span className="snapshot-files">
      {(['pdf', 'html', 'png'] as const).map((f) => (
        <button key={f} type="button" disabled={working !== null} onClick={() => void run(`Rendering the ${f.toUpperCase()}…`, () => fetchFile(s.files[f], `${stem(s)}.${f}`))}>
          {f.toUpperCase()}
        </button>
      ))}
    </span>
  );

  return (
    <Dialog title="Briefing snapshot" onClose={onClose} wide>
      {made ? (
        <div className="snapshot-made" role="status">
          <p>
            <strong>{made.title}</strong> (version {made.version}) is stored and can no longer change.
          </p>
          <p className="small">{made.marking}</p>
          <p className="small mono">SHA-256 {made.hash}</p>
          <p className="small">{made.masked ? 'Potential victims are masked.' : 'It shows the identities of potential victims.'}</p>
          <p>Download: {files(made)}</p>
        </div>
      ) : mayCreate ? (
        <form
          className="snapshot-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <p className="small muted">
            {ids.length === 1 ? 'The entity on the chart, where you placed it,' : `The ${ids.length} entities on the chart, where you placed them,`} with the links among them that you may see. The snapshot is marked with
            the most restrictive classification and handling code of what it shows, hashed, and never edited: to correct it, make a new
            version that supersedes it.
          </p>
          <label>
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required autoFocus />
          </label>
          <label>
            Purpose and audience
            <input value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={2000} placeholder="e.g. Tasking meeting, case 44/2025" />
          </label>
          <label>
            As known on (optional)
            <input type="date" value={asKnownOn} onChange={(e) => setAsKnownOn(e.target.value)} />
          </label>
          <label>
            Findings, one per line
            <textarea value={findings} onChange={(e) => setFindings(e.target.value)} rows={4} />
          </label>
          <label>
            Supersedes (optional)
            <select value={supersedes} onChange={(e) => setSupersedes(e.target.value)}>
              <option value="">Nothing: a new briefing</option>
              {latest.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} (v{s.version}, {new Date(s.createdAt).toLocaleDateString('en-GB')})
                </option>
              ))}
            </select>
          </label>
          <fieldset className="pictures">
            <label className="inline" title="The premises and other entities with a place, on the offline outline, with a legend and scale bar">
              <input type="checkbox" checked={withMap} onChange={(e) => setWithMap(e.target.checked)} /> Include map
            </label>
            <label className="inline" title="Dated stays (works at, lives at): one row per person, coloured by premises">
              <input type="checkbox" checked={withOccupancy} onChange={(e) => setWithOccupancy(e.target.checked)} /> Include occupancy
            </label>
          </fieldset>
          {mayUnmask && (
            <fieldset className="unmask">
              <label className="inline">
                <input type="checkbox" checked={unmask} onChange={(e) => setUnmask(e.target.checked)} /> Show potential victims’ identities
              </label>
              {unmask && (
                <label>
                  Reason (recorded in the snapshot and the audit log)
                  <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={500} />
                </label>
              )}
            </fieldset>
          )}
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={working !== null || !title.trim() || (unmask && reason.trim().length < 3)}>
              Make snapshot
            </button>
          </div>
        </form>
      ) : (
        <p className="small">Viewers and partners can download the snapshots they may see; making one needs the analyst or admin role.</p>
      )}
      {working && <p className="small muted" role="status">{working}</p>}
      {error && <p className="error-inline" role="alert">{error}</p>}
      <h3>Recent snapshots</h3>
      {list === null ? (
        <p className="small muted">Loading…</p>
      ) : list.length === 0 ? (
        <p className="small muted">None yet.</p>
      ) : (
        <ul className="snapshot-list">
          {list.map((s) => (
            <li key={s.id}>
              <span>
                <strong>{s.title}</strong> v{s.version}
                {s.supersededBy ? ' (superseded)' : ''} · {s.nodeCount} {s.nodeCount === 1 ? 'entity' : 'entities'} · {new Date(s.createdAt).toLocaleString('en-GB')}
                <br />
                <span className="small muted">{s.marking}{s.masked ? '' : ' · shows victims’ identities'}</span>
              </span>
              {files(s)}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
