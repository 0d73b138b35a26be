/**
 * The one Export menu: the view as PNG or SVG, the chart as JSON (made here), and "Data for
 * other tools…", a dialog for the current chart (as last saved), the selection, or every entity on the chart,
 * as GraphML, GEXF, i2 ANX, CSV or FollowTheMoney, made by the server (`exportSelection`) from
 * what the signed-in user may see. Potential victims are masked unless a need-to-know analyst
 * gives a reason, which the server records.
 */
import { useState } from 'react';
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type { ExportSelectionQuery } from '../../../server/kernel/__generated__/graphql.ts';
import { gql } from '../api/graphql.ts';
import { may } from '../admin/useMe.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.ts';
import type { MenuItem } from './ContextMenu.tsx';
import { Dialog } from './Dialog.tsx';
import { download } from './download.ts';

export const EXPORT_FORMATS = [
  { value: 'ANX', label: 'i2 Analyst’s Notebook (ANX)', hint: 'icons, link labels, dates, 3x5x2 grades' },
  { value: 'GRAPHML', label: 'GraphML', hint: 'yEd, Cytoscape, NetworkX, Neo4j' },
  { value: 'GEXF', label: 'GEXF 1.3', hint: 'Gephi, with positions, colours and dated links' },
  { value: 'CSV', label: 'CSV (zip)', hint: 'entities, links and source records for spreadsheets' },
  { value: 'FTM', label: 'FollowTheMoney', hint: 'Aleph and OpenSanctions tools' },
] as const;
type Format = (typeof EXPORT_FORMATS)[number]['value'];

/** The most entities an ids selection takes (the server's limit). */
const MAX_IDS = 100;

const EXPORT = graphql(`
  query ExportSelection($format: ExportFormat!, $selection: SelectionInput!, $unmaskReason: String) {
    exportSelection(format: $format, selection: $selection, unmaskReason: $unmaskReason) {
      filename
      mediaType
      encoding
      content
      entityCount
      linkCount
      masked
      maskedCount
      truncated
      truncation
    }
  }
`);

type ExportFile = ExportSelectionQuery['exportSelection'];

type Scope = 'chart' | 'selection' | 'all';

function toBlob(f: ExportFile): Blob {
  if (f.encoding === 'UTF8') return new Blob([f.content], { type: f.mediaType });
  const bytes = Uint8Array.from(atob(f.content), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: f.mediaType });
}

/** The toolbar's Export ▾ button, its menu and the data dialog. */
export function ExportMenu({ dropdown }: { dropdown(e: React.MouseEvent, items: MenuItem[]): void }) {
  const { chart, view, file, session } = useWorkspace();
  const [open, setOpen] = useState(false);
  const empty = Object.keys(chart.doc.nodes).length === 0;
  const items: MenuItem[] = [
    { label: 'Image (PNG)', onSelect: () => void file.exportPng(), disabled: empty },
    { label: 'Vector image (SVG)', onSelect: file.exportSvg, disabled: empty },
    { label: 'Chart data (JSON)', onSelect: file.exportJson, disabled: empty },
    { label: '', separator: true },
    { label: 'Data for other tools (i2, GraphML, GEXF, CSV, FtM)…', onSelect: () => setOpen(true) },
  ];
  return (
    <>
      <button type="button" onClick={(e) => dropdown(e, items)} disabled={empty && !file.saved} title="Export the view, the chart, or data for other tools (i2, Gephi, Aleph, spreadsheets)">
        Export ▾
      </button>
      {open && (
        <ExportDialog
          savedChart={file.saved}
          chartIds={Object.keys(chart.doc.nodes)}
          selectedIds={view.selection.filter((id) => chart.doc.nodes[id])}
          mayUnmask={may(session.me, 'unmask')}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

interface DialogProps {
  savedChart: { id: string; name: string } | null;
  chartIds: string[];
  selectedIds: string[];
  mayUnmask: boolean;
  onClose(): void;
}

export function ExportDialog({ savedChart, chartIds, selectedIds, mayUnmask, onClose }: DialogProps) {
  const [format, setFormat] = useState<Format>('ANX');
  const [scope, setScope] = useState<Scope>(savedChart ? 'chart' : selectedIds.length > 0 ? 'selection' : 'all');
  const [hops, setHops] = useState(0);
  const [unmask, setUnmask] = useState(false);
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const ids = scope === 'selection' ? selectedIds : chartIds;
  const tooMany = scope !== 'chart' && ids.length > MAX_IDS;
  const blocked = working || (scope === 'selection' && selectedIds.length === 0) || tooMany || (unmask && reason.trim().length < 3);

  const run = async () => {
    setWorking(true);
    setError(null);
    setDone(null);
    try {
      const selection = scope === 'chart' ? { chart: savedChart!.id } : { ids, hops: scope === 'selection' ? hops : 0 };
      const { exportSelection: f } = await gql(EXPORT, { format, selection, unmaskReason: unmask ? reason.trim() : null });
      download(toBlob(f), f.filename);
      setDone(
        `Exported ${f.entityCount} ${f.entityCount === 1 ? 'entity' : 'entities'} and ${f.linkCount} ${f.linkCount === 1 ? 'link' : 'links'} to ${f.filename}. ` +
          (f.masked ? `${f.maskedCount} potential victim(s) masked.` : 'Potential victims shown unmasked; the reason is in the audit log.') +
          (f.truncated ? ` Cut by a limit: ${f.truncation}` : ''),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setWorking(false);
    }
  };

  return (
    <Dialog title="Export data" onClose={onClose} wide>
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked) void run();
        }}
      >
        <fieldset style={{ border: 'none', padding: 0, margin: '0 0 10px' }}>
          <legend className="muted small">Format</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f.value} style={{ display: 'block', margin: '3px 0' }}>
              <input type="radio" name="format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} /> <strong>{f.label}</strong>{' '}
              <span className="muted small">{f.hint}</span>
            </label>
          ))}
        </fieldset>
        <fieldset style={{ border: 'none', padding: 0, margin: '0 0 10px' }}>
          <legend className="muted small">What</legend>
          <label style={{ display: 'block', margin: '3px 0' }}>
            <input type="radio" name="scope" checked={scope === 'chart'} disabled={!savedChart} onChange={() => setScope('chart')} /> The saved chart{' '}
            {savedChart ? <strong>{savedChart.name}</strong> : <span className="muted small">(save the chart first)</span>}
            {savedChart && <span className="muted small"> as last saved, with its positions</span>}
          </label>
          <label style={{ display: 'block', margin: '3px 0' }}>
            <input type="radio" name="scope" checked={scope === 'selection'} disabled={selectedIds.length === 0} onChange={() => setScope('selection')} /> The selected entities (
            {selectedIds.length}) and{' '}
            <select aria-label="Links out" style={{ background: '#fff', color: 'inherit', border: '1px solid #c5ccd3', borderRadius: 4 }} value={hops} disabled={scope !== 'selection'} onChange={(e) => setHops(Number(e.target.value))}>
              <option value={0}>the links among them</option>
              <option value={1}>everything 1 link away</option>
              <option value={2}>everything 2 links away</option>
              <option value={3}>everything 3 links away</option>
            </select>
          </label>
          <label style={{ display: 'block', margin: '3px 0' }}>
            <input type="radio" name="scope" checked={scope === 'all'} disabled={chartIds.length === 0} onChange={() => setScope('all')} /> Every entity on the chart ({chartIds.length}) and
            the links among them
          </label>
          {tooMany && <p className="error-inline">At most {MAX_IDS} entities this way: save the chart and export it as a saved chart.</p>}
        </fieldset>
        <div className={`unmask ${unmask ? 'on' : ''}`}>
          {mayUnmask ? (
            <div className="unmask-form">
              <label style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
                <input type="checkbox" checked={unmask} onChange={(e) => setUnmask(e.target.checked)} /> Show potential victims unmasked
              </label>
              {unmask && (
                <label>
                  Reason (recorded in the audit log)
                  <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder="e.g. NRM referral for case 47/2025" />
                </label>
              )}
            </div>
          ) : (
            <span>Potential victims are masked under the pseudonym the workspace shows (Protected person 3F9A2C). Only the entities and links you may see are exported.</span>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={blocked}>
            {working ? 'Exporting…' : 'Export'}
          </button>
        </div>
        {error && (
          <p className="error-inline" role="alert" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
            {error}
          </p>
        )}
        {done && (
          <p className="muted small" role="status" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
            {done}
          </p>
        )}
      </form>
    </Dialog>
  );
}
