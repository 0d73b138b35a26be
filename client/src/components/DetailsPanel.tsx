/** The selected entity or link: properties, provenance (sources, grading, dates) and timeline. */
import { useEffect, useState } from 'react';
import {
  entityDetails,
  linkDetails,
  timeline,
  type EntityDetails,
  type LinkDetails,
  type SourceRecord,
  type TimelineEvent,
} from '../api/operations.ts';
import { humanise, linkMeta, entityMeta } from '../model/meta.ts';
import type { GraphEdge, GraphNode, Grading } from '../model/types.ts';
import { TypeIcon } from './TypeIcon.tsx';
import { may } from '../admin/useMe.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.ts';
import { NotesBox } from '../cases/NotesBox.tsx';
import { addGraph } from '../state/chartDoc.ts';
import type { Graph } from '../model/types.ts';
import { EntityDialog } from '../editing/EntityDialog.tsx';
import { LinkDialog } from '../editing/LinkDialog.tsx';
import { LinkEditDialog } from '../editing/LinkEditDialog.tsx';
import '../editing/editing.css';

interface Props {
  /** The saved chart open, for its notes when nothing is selected; `refresh` reloads them (a heartbeat's note count). */
  chartNotes: { id: string; refresh: number } | null;
  node: GraphNode | null;
  edge: GraphEdge | null;
  selectionCount: number;
  selectionSummary: [string, number][];
}

const SKIP = new Set([
  'masked',
  'id',
  'type',
  'label',
  'subtitle',
  'degree',
  'supernode',
  'recordedAt',
  'grading',
  'sources',
  'properties',
  '__typename',
]);

function GradeTag({ g }: { g: Grading }) {
  return (
    <span
      className={`grade ${g.low ? 'low' : ''}`}
      title={`${g.sourceEvaluation.toLowerCase().replace('_', ' ')} source, assessment ${g.intelligenceAssessment}${g.low ? ': low grade' : ''}`}
    >
      {g.code}
    </span>
  );
}

function Sources({ sources }: { sources: SourceRecord[] }) {
  if (!sources.length) return <p className="muted small">No source records.</p>;
  return (
    <ul className="sources">
      {sources.map((s) => (
        <li key={s.id}>
          <div>
            <strong>{s.source}</strong> <span className="mono">{s.recordKey}</span>{' '}
            <GradeTag g={s.grading} />
          </div>
          <div className="muted small">
            {s.recordedAt ? `recorded ${s.recordedAt.slice(0, 10)}` : 'date not recorded'}
            {s.grading.classification
              ? ` · ${humanise(s.grading.classification).toUpperCase()}`
              : ''}
            {s.grading.handlingConditions ? ` · conditions: ${s.grading.handlingConditions}` : ''}
          </div>
          {s.summary && <div className="small">{s.summary}</div>}
        </li>
      ))}
    </ul>
  );
}

function valueText(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.length ? v.join(', ') : null;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

function useAsync<T>(
  key: string | null,
  load: (key: string) => Promise<T>,
): { data: T | null; error: string | null; loading: boolean } {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: string | null }>({
    key: null,
    data: null,
    error: null,
  });
  useEffect(() => {
    if (!key) return;
    let live = true;
    load(key)
      .then((data) => live && setState({ key, data, error: null }))
      .catch((e: Error) => live && setState({ key, data: null, error: e.message }));
    return () => {
      live = false;
    };
    // `load` is a module function; only the key matters.
  }, [key]);
  const current = state.key === key;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: !!key && !current,
  };
}

function Timeline({ id }: { id: string }) {
  const t = useAsync<TimelineEvent[]>(id, (k) => timeline([k]));
  return (
    <>
      <h3>Timeline</h3>
      {t.loading && <div className="progress" />}
      {t.error && <p className="error-inline">{t.error}</p>}
      {t.data && t.data.length === 0 && <p className="muted small">No dated events.</p>}
      {t.data && t.data.length > 0 && (
        <ol className="timeline">
          {t.data.map((e, i) => (
            <li key={`${e.date}-${i}`}>
              <span className="when">
                {e.date}
                {e.endDate ? ` – ${e.endDate}` : ''}
              </span>
              <span className="what">{e.description}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * A masked potential victim: who may unmask says why (recorded in the audit log with the ids
 * disclosed), and sees the identity in this panel only; the chart and saved charts keep the pseudonym.
 */
function Unmask({
  reason,
  onUnmask,
  onMask,
}: {
  reason: string | null;
  onUnmask(reason: string): void;
  onMask(): void;
}) {
  const { session } = useWorkspace();
  const [asking, setAsking] = useState(false);
  const [text, setText] = useState('');
  // The server's access module decides (me.capabilities), and checks again on the request.
  const mayUnmask = may(session.me, 'unmask');
  if (reason)
    return (
      <div className="unmask on" role="status">
        <span>
          <strong>Unmasked</strong> for: {reason}. Recorded in the audit log.
        </span>
        <button type="button" className="link" onClick={onMask}>
          Mask again
        </button>
      </div>
    );
  if (!mayUnmask)
    return (
      <div className="unmask">
        <span>
          Identity masked (potential victim). Only analysts and admins with need-to-know can unmask.
        </span>
      </div>
    );
  return (
    <div className="unmask">
      {!asking && (
        <>
          <span>Identity masked (potential victim).</span>
          <button type="button" className="link" onClick={() => setAsking(true)}>
            Unmask…
          </button>
        </>
      )}
      {asking && (
        <form
          className="unmask-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim().length >= 8) onUnmask(text.trim());
          }}
        >
          <label>
            Why do you need to see who this is?
            <input
              autoFocus
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="e.g. case 24/1187: safeguarding referral"
              maxLength={300}
            />
          </label>
          <span className="muted small">
            Your reason and this person&apos;s id are recorded in the audit log.
          </span>
          <div className="row">
            <button type="submit" className="primary" disabled={text.trim().length < 8}>
              Unmask
            </button>
            <button type="button" className="link" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function NodeDetails({ node }: { node: GraphNode }) {
  const { session, chart } = useWorkspace();
  const [reason, setReason] = useState<string | null>(null);
  // Edits made here fetch the details anew.
  const [revision, setRevision] = useState(0);
  const [editing, setEditing] = useState<'entity' | 'link' | null>(null);
  // The key carries the reason, so unmasking (or masking again) fetches anew.
  const d = useAsync<EntityDetails | null>(`${node.id}\n${reason ?? ''}\n${revision}`, (k) => {
    const [id, why] = k.split('\n');
    return entityDetails(id!, why || undefined);
  });
  const masked = !!d.data && 'masked' in d.data && d.data.masked === true;
  // Who may write (the server's capabilities) edits what they can see: not a masked person.
  const mayEdit = may(session.me, 'write') && !!d.data && !masked && !reason;
  const edited = (g: Graph, what: string) => {
    setEditing(null);
    chart.apply(what, (doc) => addGraph(doc, g, { kind: 'beside' }));
    setRevision((r) => r + 1);
  };
  const props: [string, string][] = [];
  if (d.data) {
    for (const [k, v] of Object.entries(d.data)) {
      if (SKIP.has(k)) continue;
      const t = valueText(v);
      if (t !== null) props.push([humanise(k.replace(/([A-Z])/g, '_$1')), t]);
    }
    for (const p of d.data.properties ?? [])
      if (p.value) props.push([humanise(p.name.replace(/([A-Z])/g, '_$1')), p.value]);
  }
  return (
    <>
      <header className="details-head">
        <TypeIcon type={node.type} size={28} />
        <div>
          <h2 className="details-title">
            {reason && d.data && !masked ? d.data.label : node.label}
          </h2>
          <div className="muted small">
            {entityMeta(node.type).name} · <span className="mono">{node.id}</span>
          </div>
        </div>
      </header>
      <div className="flags">
        {node.potentialVictim && <span className="flag victim">Potential victim</span>}
        {node.suspect && <span className="flag suspect">Suspect</span>}
        {node.safeguarded && <span className="flag safe">Safeguarded</span>}
        {node.riskScore != null && (
          <span className="flag risk">Risk {node.riskScore.toFixed(2)}</span>
        )}
        <GradeTag g={node.grading} />
        <span className="muted small">{node.degree} links in all</span>
      </div>
      {mayEdit && (
        <div className="details-actions">
          <button type="button" onClick={() => setEditing('entity')}>
            Edit…
          </button>
          <button type="button" onClick={() => setEditing('link')}>
            Link to…
          </button>
        </div>
      )}
      {editing === 'entity' && d.data && (
        <EntityDialog
          mode={{
            kind: 'edit',
            id: node.id,
            type: node.type,
            label: node.label,
            values: Object.fromEntries(
              (d.data.properties ?? []).map((p) => [p.name, p.value ?? '']),
            ),
          }}
          onClose={() => setEditing(null)}
          onDone={edited}
        />
      )}
      {editing === 'link' && (
        <LinkDialog
          from={node}
          candidates={Object.values(chart.doc.nodes).filter((n) => n.id !== node.id)}
          onClose={() => setEditing(null)}
          onDone={edited}
        />
      )}
      {(masked || reason) && (
        <Unmask
          reason={reason && d.data && !masked ? reason : null}
          onUnmask={setReason}
          onMask={() => setReason(null)}
        />
      )}
      {d.loading && <div className="progress" />}
      {d.error && (
        <p className="error-inline" role="alert">
          {d.error}
        </p>
      )}
      {d.data && (
        <>
          <h3>Properties</h3>
          <dl className="props">
            {node.subtitle && (
              <>
                <dt>summary</dt>
                <dd>{node.subtitle}</dd>
              </>
            )}
            {props.map(([k, v]) => (
              <div key={k} className="prop">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
            {d.data.recordedAt && (
              <div className="prop">
                <dt>first recorded</dt>
                <dd>{d.data.recordedAt.slice(0, 10)}</dd>
              </div>
            )}
          </dl>
          <h3>Provenance</h3>
          <Sources sources={d.data.sources} />
        </>
      )}
      <Timeline key={revision} id={node.id} />
      <NotesBox target={{ kind: 'entity', id: node.id }} />
    </>
  );
}

function EdgeDetails({ edge }: { edge: GraphEdge }) {
  const { session, chart } = useWorkspace();
  // Edits made here fetch the details anew.
  const [revision, setRevision] = useState(0);
  const [editing, setEditing] = useState(false);
  const d = useAsync<LinkDetails | null>(`${edge.id}\n${revision}`, (k) => linkDetails(k.split('\n')[0]!));
  const edited = (g: Graph, what: string) => {
    setEditing(false);
    chart.apply(what, (doc) => addGraph(doc, g, { kind: 'beside' }));
    setRevision((r) => r + 1);
  };
  return (
    <>
      <header className="details-head">
        <span className="line-icon" style={{ borderColor: linkMeta(edge.type).colour }} />
        <div>
          <h2 className="details-title">{linkMeta(edge.type).verb}</h2>
          <div className="muted small mono">{edge.id}</div>
        </div>
      </header>
      {d.data && (
        <p className="small">
          <strong>{d.data.source.label}</strong> {linkMeta(edge.type).verb}{' '}
          <strong>{d.data.target.label}</strong>
        </p>
      )}
      {may(session.me, 'write') && d.data && (
        <div className="details-actions">
          <button type="button" onClick={() => setEditing(true)}>
            Edit…
          </button>
        </div>
      )}
      {editing && d.data && <LinkEditDialog link={d.data} onClose={() => setEditing(false)} onDone={edited} />}
      <dl className="props">
        {edge.role && (
          <div className="prop">
            <dt>role</dt>
            <dd>{humanise(edge.role)}</dd>
          </div>
        )}
        <div className="prop">
          <dt>valid</dt>
          <dd>
            {edge.validFrom || edge.validTo
              ? `${edge.validFrom ?? '…'} – ${edge.validTo ?? 'open'}`
              : 'not dated'}
          </dd>
        </div>
        {edge.weight != null && (
          <div className="prop">
            <dt>{edge.type === 'CALLED' ? 'calls' : 'weight'}</dt>
            <dd>{edge.weight}</dd>
          </div>
        )}
        {d.data?.properties.map((p) => (
          <div key={p.name} className="prop">
            <dt>{humanise(p.name.replace(/([A-Z])/g, '_$1'))}</dt>
            <dd>{p.value}</dd>
          </div>
        ))}
        <div className="prop">
          <dt>recorded</dt>
          <dd>{edge.recordedAt?.slice(0, 10) ?? 'unknown'}</dd>
        </div>
        <div className="prop">
          <dt>grade</dt>
          <dd>
            <GradeTag g={edge.grading} />
          </dd>
        </div>
      </dl>
      {d.loading && <div className="progress" />}
      {d.error && (
        <p className="error-inline" role="alert">
          {d.error}
        </p>
      )}
      {d.data && (
        <>
          <h3>Provenance</h3>
          <Sources sources={d.data.sources} />
        </>
      )}
      <NotesBox target={{ kind: 'link', id: edge.id }} />
    </>
  );
}

export function DetailsPanel({ chartNotes, node, edge, selectionCount, selectionSummary }: Props) {
  return (
    <aside className="details" aria-label="Details">
      {node && <NodeDetails key={node.id} node={node} />}
      {!node && edge && <EdgeDetails key={edge.id} edge={edge} />}
      {!node && !edge && selectionCount > 1 && (
        <>
          <h2 className="details-title">{selectionCount} selected</h2>
          <ul className="plain">
            {selectionSummary.map(([k, n]) => (
              <li key={k}>
                {n} × {k}
              </li>
            ))}
          </ul>
          <p className="muted small">
            Right-click for paths, the connecting network or common neighbours.
          </p>
        </>
      )}
      {!node && !edge && selectionCount <= 1 && (
        <div className="empty-details">
          <p className="muted">
            Select an entity or link to see its properties, where it came from and its timeline.
          </p>
          {chartNotes && (
            <NotesBox
              target={{ kind: 'chart', id: chartNotes.id }}
              title="Notes on this chart"
              refresh={chartNotes.refresh}
            />
          )}
        </div>
      )}
    </aside>
  );
}
