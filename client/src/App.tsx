/**
 * The analyst workspace: search on the left, the chart in the middle, details on the right.
 * Data state (the chart document, with undo) lives in useChart; view state (selection,
 * highlight, filters applied as classes) here; the cy instance only in ChartCanvas.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChartCanvas } from './chart/ChartCanvas.tsx';
import type { ChartApi } from './chart/chartApi.ts';
import { LARGE_CHART, supportsWebGL2 } from './chart/cytoscape.ts';
import type { ContextTarget } from './chart/hooks/useGraphEvents.ts';
import type { LayoutCommand } from './chart/hooks/useGraphLayout.ts';
import * as api from './api/operations.ts';
import { ChartsDialog } from './components/ChartsDialog.tsx';
import { ContextMenu, type MenuItem } from './components/ContextMenu.tsx';
import { DetailsPanel } from './components/DetailsPanel.tsx';
import { download, fileStem } from './components/download.ts';
import { FilterPanel } from './components/FilterPanel.tsx';
import { Legend } from './components/Legend.tsx';
import { SearchPanel } from './components/SearchPanel.tsx';
import { SupernodeDialog } from './components/SupernodeDialog.tsx';
import { SignInDialog } from './components/SignInDialog.tsx';
import { currentSession, UNAUTHENTICATED_EVENT, type SessionUser } from './api/session.ts';
import { PurposeDialog } from './auth/PurposeDialog.tsx';
import { getPurpose } from './auth/purpose.ts';
import { AuditPage } from './admin/AuditPage.tsx';
import { useMe } from './admin/useMe.ts';
import { filteredIds } from './graph/filters.ts';
import { ENTITY_META, LINK_META, linkMeta } from './model/meta.ts';
import { ENTITY_TYPES, type EntityType, type GraphNode, type Position } from './model/types.ts';
import {
  elementCount,
  fromSaved,
  hide,
  LAYOUT_NAMES,
  LAYOUTS,
  removeElements,
  setFilters,
  setLayout,
  setPinned,
  setPositions,
  showAll,
  toSaved,
  type LayoutName,
  type Viewport,
} from './state/chartDoc.ts';
import { useChart } from './state/useChart.ts';
import { useWorkspaceActions, type Feedback } from './useWorkspaceActions.ts';

interface Message {
  id: number;
  kind: 'error' | 'notice';
  text: string;
}

let messageId = 0;

export function App() {
  const chart = useChart();
  const { doc } = chart;
  const [chartApi, setChartApi] = useState<ChartApi | null>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [highlight, setHighlightState] = useState<{ ids: Set<string>; label: string } | null>(null);
  const [layoutCmd, setLayoutCmd] = useState<LayoutCommand | null>(null);
  const [viewportCmd, setViewportCmd] = useState<{ value: Viewport | 'fit'; nonce: number } | null>(null);
  const [tasks, setTasks] = useState<string[]>([]);
  const [layoutBusy, setLayoutBusy] = useState(false);
  const [messages, setMessages] = useState<Message[]>([]);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null);
  const [dialog, setDialog] = useState<'open' | 'save' | null>(null);
  const [guard, setGuard] = useState<{ node: GraphNode; remaining: number } | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const [showNavigator, setShowNavigator] = useState(false);
  const [navEl, setNavEl] = useState<HTMLDivElement | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [user, setUser] = useState<SessionUser | null>(null);
  const [askSignIn, setAskSignIn] = useState(false);
  // Signed in (by cookie or token): who, the purpose of this session, and the admins' audit page.
  const me = useMe(user);
  const [purpose, setPurposeState] = useState(getPurpose());
  const [showAudit, setShowAudit] = useState(false);

  // Who is signed in (if the server has sessions); a request refused as unauthenticated asks.
  useEffect(() => {
    void currentSession().then(setUser);
    const ask = () => setAskSignIn(true);
    window.addEventListener(UNAUTHENTICATED_EVENT, ask);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, ask);
  }, []);

  const say = useCallback((kind: Message['kind'], text: string) => {
    const id = ++messageId;
    setMessages((m) => [...m.slice(-3), { id, kind, text }]);
  }, []);

  const feedback: Feedback = useMemo(
    () => ({
      task: async <T,>(what: string, work: () => Promise<T>) => {
        setTasks((t) => [...t, what]);
        try {
          return await work();
        } catch (e) {
          say('error', `${what} failed: ${(e as Error).message}`);
          return undefined;
        } finally {
          setTasks((t) => {
            const i = t.indexOf(what);
            return i < 0 ? t : [...t.slice(0, i), ...t.slice(i + 1)];
          });
        }
      },
      notice: (text: string) => say('notice', text),
      setHighlight: (ids: Set<string> | null, label = '') => setHighlightState(ids ? { ids, label } : null),
      guard: (node: GraphNode, remaining: number) => setGuard({ node, remaining }),
      relayout: () => {
        // Busy from the request on, so nothing reads positions before the layout has stopped.
        setLayoutBusy(true);
        setLayoutCmd((c) => ({ name: c?.name ?? 'fcose', nonce: Date.now() + Math.random() }));
      },
    }),
    [say],
  );
  const actions = useWorkspaceActions(chart, feedback);

  const large = elementCount(doc) > LARGE_CHART;
  const webgl = large && supportsWebGL2();
  const filtered = useMemo(() => filteredIds(Object.values(doc.nodes), Object.values(doc.edges), doc.filters), [doc.nodes, doc.edges, doc.filters]);
  const onChart = useMemo(() => new Set(Object.keys(doc.nodes)), [doc.nodes]);
  const typeCounts = useMemo(() => {
    const m = new Map<EntityType, number>();
    for (const n of Object.values(doc.nodes)) m.set(n.type, (m.get(n.type) ?? 0) + 1);
    return new Map(ENTITY_TYPES.filter((t) => m.has(t)).map((t) => [t, m.get(t)!]));
  }, [doc.nodes]);
  const linkCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const e of Object.values(doc.edges)) m.set(e.type, (m.get(e.type) ?? 0) + 1);
    return new Map([...m].sort((a, b) => linkMeta(a[0]).verb.localeCompare(linkMeta(b[0]).verb)));
  }, [doc.edges]);
  const edgesList = useMemo(() => Object.values(doc.edges), [doc.edges]);

  const selectedNodes = selection.filter((id) => doc.nodes[id]);
  const selectedEdges = selection.filter((id) => doc.edges[id]);

  const runLayout = useCallback((name: LayoutName) => {
    setLayoutBusy(true);
    setLayoutCmd({ name, nonce: Date.now() + Math.random() });
  }, []);

  const addFromSearch = useCallback(
    async (nodes: GraphNode[]) => {
      const wasEmpty = Object.keys(doc.nodes).length === 0;
      await actions.addNodes(nodes);
      if (wasEmpty && nodes.length > 2) runLayout(doc.layout);
    },
    [actions, doc.nodes, doc.layout, runLayout],
  );

  const removeSelected = useCallback(() => {
    if (!selection.length) return;
    chart.apply(selection.length === 1 ? 'Remove' : `Remove ${selection.length}`, (d) => removeElements(d, selection));
  }, [chart, selection]);
  const hideSelected = useCallback(() => {
    if (!selection.length) return;
    chart.apply(selection.length === 1 ? 'Hide' : `Hide ${selection.length}`, (d) => hide(d, selection));
  }, [chart, selection]);
  const pinSelected = useCallback(
    (pinned: boolean) => {
      if (!selectedNodes.length) return;
      chart.apply(pinned ? 'Pin' : 'Unpin', (d) => setPinned(d, selectedNodes, pinned));
    },
    [chart, selectedNodes],
  );
  const expandSelected = useCallback(() => {
    for (const id of selectedNodes.slice(0, 10)) void actions.expand(id);
  }, [actions, selectedNodes]);

  const exportPng = useCallback(async () => {
    if (!chartApi) return;
    const blob = await feedback.task('Exporting PNG', () => chartApi.png());
    if (blob) download(blob, `${fileStem(saved?.name ?? null)}.png`);
  }, [chartApi, feedback, saved]);
  const exportSvg = useCallback(() => {
    if (!chartApi) return;
    download(new Blob([chartApi.svg()], { type: 'image/svg+xml' }), `${fileStem(saved?.name ?? null)}.svg`);
  }, [chartApi, saved]);
  const exportJson = useCallback(() => {
    const body = JSON.stringify(toSaved(doc, chartApi?.viewport() ?? null), null, 2);
    download(new Blob([body], { type: 'application/json' }), `${fileStem(saved?.name ?? null)}.json`);
  }, [doc, chartApi, saved]);

  const save = useCallback(
    async (name: string) => {
      const s = await api.saveChart(name, toSaved(doc, chartApi?.viewport() ?? null));
      setSaved({ id: s.id, name: s.name });
      setDialog(null);
      say('notice', `Saved “${s.name}” (${s.nodeCount} entities, ${s.edgeCount} links).`);
      window.history.replaceState(null, '', `#chart=${encodeURIComponent(s.id)}`);
    },
    [doc, chartApi, say],
  );
  const open = useCallback(
    async (id: string) => {
      const c = await api.loadChart(id);
      const { doc: opened, viewport } = fromSaved(c.document);
      chart.reset(opened);
      setSelection([]);
      setHighlightState(null);
      setViewportCmd({ value: viewport ?? 'fit', nonce: Date.now() });
      setSaved({ id: c.id, name: c.name });
      setDialog(null);
      window.history.replaceState(null, '', `#chart=${encodeURIComponent(c.id)}`);
    },
    [chart],
  );

  // A chart named in the address (#chart=ID) opens on load.
  useEffect(() => {
    const m = /#chart=([^&]+)/.exec(window.location.hash);
    if (m) void feedback.task('Opening the chart', () => open(decodeURIComponent(m[1]!)));
    // Only on first load.
  }, []);

  // Keyboard: / search, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Delete remove, E expand, H hide, F fit.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      const typing = t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !typing) {
        e.preventDefault();
        if (e.shiftKey) chart.redo();
        else chart.undo();
      } else if (mod && e.key.toLowerCase() === 'y' && !typing) {
        e.preventDefault();
        chart.redo();
      } else if (typing || mod || e.altKey) {
        return;
      } else if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        removeSelected();
      } else if (e.key === 'e') {
        expandSelected();
      } else if (e.key === 'h') {
        hideSelected();
      } else if (e.key === 'f') {
        chartApi?.fit();
      } else if (e.key === 'Escape') {
        setHighlightState(null);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [chart, removeSelected, expandSelected, hideSelected, chartApi]);

  const analysisItems = (ids: string[]): MenuItem[] => [
    { label: 'Shortest paths between the two', disabled: ids.length !== 2, onSelect: () => void actions.findPath(ids[0]!, ids[1]!) },
    { label: 'Connecting network of the selection', disabled: ids.length < 2, onSelect: () => void actions.connecting(ids) },
    { label: 'Common neighbours', disabled: ids.length < 2, onSelect: () => void actions.common(ids) },
  ];

  const onContext = useCallback(
    (t: ContextTarget) => {
      const items: MenuItem[] = [];
      if (t.kind === 'node' && t.id) {
        const node = doc.nodes[t.id];
        if (!node) return;
        const id = t.id;
        const sel = selection.includes(id) ? selection.filter((s) => doc.nodes[s]) : [id];
        const pinned = doc.pinned.includes(id);
        items.push(
          { label: 'Expand', hint: 'E', onSelect: () => void actions.expand(id) },
          {
            label: 'Expand by link type',
            items: Object.entries(LINK_META).map(([lt, m]) => ({ label: m.verb, onSelect: () => void actions.expand(id, { linkTypes: [lt] }) })),
          },
          {
            label: 'Expand by entity type',
            items: ENTITY_TYPES.map((et) => ({ label: ENTITY_META[et].plural, onSelect: () => void actions.expand(id, { entityTypes: [et] }) })),
          },
          { separator: true, label: '' },
          { label: `Select all ${ENTITY_META[node.type].plural.toLowerCase()}`, onSelect: () => chartApi?.selectType(node.type) },
          { label: pinned ? 'Unpin' : 'Pin in place', onSelect: () => chart.apply(pinned ? 'Unpin' : 'Pin', (d) => setPinned(d, sel, !pinned)) },
          { label: sel.length > 1 ? `Hide ${sel.length}` : 'Hide', hint: 'H', onSelect: () => chart.apply('Hide', (d) => hide(d, sel)) },
          { label: sel.length > 1 ? `Remove ${sel.length}` : 'Remove from chart', hint: 'Del', onSelect: () => chart.apply('Remove', (d) => removeElements(d, sel)) },
          { separator: true, label: '' },
          ...analysisItems(sel),
        );
      } else if (t.kind === 'edge' && t.id) {
        const edge = doc.edges[t.id];
        if (!edge) return;
        const id = t.id;
        items.push(
          { label: 'Select both ends', onSelect: () => chartApi?.select([edge.source, edge.target]) },
          { label: 'Shortest paths between the ends', onSelect: () => void actions.findPath(edge.source, edge.target) },
          { label: 'Hide link', onSelect: () => chart.apply('Hide link', (d) => hide(d, [id])) },
          { label: 'Remove link', onSelect: () => chart.apply('Remove link', (d) => removeElements(d, [id])) },
        );
      } else {
        items.push(
          { label: `Show hidden (${doc.hidden.length})`, disabled: !doc.hidden.length, onSelect: () => chart.apply('Show hidden', showAll) },
          { label: 'Fit to window', hint: 'F', onSelect: () => chartApi?.fit() },
          { label: 'Layout', items: LAYOUTS.map((l) => ({ label: LAYOUT_NAMES[l], onSelect: () => runLayout(l) })) },
          { label: 'Clear highlight', disabled: !highlight, onSelect: () => setHighlightState(null) },
        );
      }
      setMenu({ x: t.x, y: t.y, items });
    },
    // analysisItems only closes over actions.
    [doc, selection, actions, chart, chartApi, highlight, runLayout],
  );

  const onMoved = useCallback((m: Record<string, Position>, label: string) => chart.apply(label, (d) => setPositions(d, m)), [chart]);
  const onLayoutDone = useCallback(
    (m: Record<string, Position>, name: LayoutName) => chart.apply(`Layout: ${LAYOUT_NAMES[name]}`, (d) => setLayout(setPositions(d, m), name)),
    [chart],
  );
  const onError = useCallback((text: string) => say('error', text), [say]);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onOpenNode = useCallback((id: string) => void actions.expand(id), [actions]);

  const dropdown = (e: React.MouseEvent, items: MenuItem[]) => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    setMenu({ x: r.left, y: r.bottom + 2, items });
  };

  const nodeSel = selectedNodes.length === 1 && selection.length === 1 ? doc.nodes[selectedNodes[0]!]! : null;
  const edgeSel = selectedEdges.length === 1 && selection.length === 1 ? doc.edges[selectedEdges[0]!]! : null;
  const summary = useMemo(() => {
    const m = new Map<string, number>();
    for (const id of selection) {
      const n = doc.nodes[id];
      const k = n ? ENTITY_META[n.type].plural : 'links';
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m];
  }, [selection, doc.nodes]);
  const empty = Object.keys(doc.nodes).length === 0;
  const busy = tasks.length > 0 || layoutBusy;

  return (
    <div className="app">
      <div className="banner" role="note">
        Demonstration data: every person, place, phone and record shown here is synthetic. No real individual is represented.
      </div>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          Lantern
          <span className="chart-name" title="Current chart">{saved ? saved.name : 'Unsaved chart'}</span>
          {user && <span className="user" title={user.role ?? ''}>{user.username}</span>}
          {purpose && <span className="user" title="Purpose of this session (recorded in the audit log)">{purpose}</span>}
        </div>
        <nav className="toolbar" aria-label="Chart tools">
          <button type="button" onClick={chart.undo} disabled={!chart.canUndo} title={`Undo ${chart.undoLabel} (Ctrl+Z)`} aria-label="Undo">
            ↶ Undo
          </button>
          <button type="button" onClick={chart.redo} disabled={!chart.canRedo} title={`Redo ${chart.redoLabel} (Ctrl+Shift+Z)`} aria-label="Redo">
            ↷ Redo
          </button>
          <span className="divider" />
          <select aria-label="Layout" value={doc.layout} onChange={(e) => runLayout(e.target.value as LayoutName)} disabled={empty}>
            {LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {LAYOUT_NAMES[l]}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => runLayout(doc.layout)} disabled={empty || layoutBusy}>
            Lay out
          </button>
          <span className="divider" />
          <button type="button" onClick={expandSelected} disabled={!selectedNodes.length} title="Expand the selection (E)">
            Expand
          </button>
          <button type="button" onClick={hideSelected} disabled={!selection.length} title="Hide (H)">
            Hide
          </button>
          <button type="button" onClick={removeSelected} disabled={!selection.length} title="Remove from the chart (Delete)">
            Remove
          </button>
          <button type="button" onClick={() => pinSelected(!selectedNodes.every((id) => doc.pinned.includes(id)))} disabled={!selectedNodes.length}>
            {selectedNodes.length && selectedNodes.every((id) => doc.pinned.includes(id)) ? 'Unpin' : 'Pin'}
          </button>
          <button
            type="button"
            disabled={empty}
            onClick={(e) => dropdown(e, ENTITY_TYPES.filter((t) => typeCounts.has(t)).map((t) => ({ label: `${ENTITY_META[t].plural} (${typeCounts.get(t)})`, onSelect: () => chartApi?.selectType(t) })))}
          >
            Select ▾
          </button>
          <button type="button" disabled={selectedNodes.length < 2} onClick={(e) => dropdown(e, analysisItems(selectedNodes))}>
            Analyse ▾
          </button>
          <span className="divider" />
          <button type="button" onClick={() => setDialog('open')}>
            Open…
          </button>
          <button type="button" onClick={() => setDialog('save')} disabled={empty}>
            Save…
          </button>
          <button
            type="button"
            disabled={empty}
            onClick={(e) =>
              dropdown(e, [
                { label: 'Image (PNG)', onSelect: () => void exportPng() },
                { label: 'Vector image (SVG)', onSelect: exportSvg },
                { label: 'Chart data (JSON)', onSelect: exportJson },
              ])
            }
          >
            Export ▾
          </button>
          {me?.role === 'admin' && (
            <>
              <span className="divider" />
              <button type="button" onClick={() => setShowAudit(true)}>
                Audit log
              </button>
            </>
          )}
        </nav>
      </header>
      <main className="workspace">
        <aside className="sidebar">
          <SearchPanel ref={searchRef} onChart={onChart} onAdd={(nodes) => void addFromSearch(nodes)} />
          <FilterPanel
            filters={doc.filters}
            entityTypes={typeCounts}
            linkTypes={linkCounts}
            edges={edgesList}
            filteredCount={filtered.size}
            onChange={(f, label) => chart.apply(label, (d) => setFilters(d, f))}
          />
        </aside>
        <section className="stage" aria-busy={busy}>
          {busy && <div className="progress top" role="progressbar" aria-label={tasks[0] ?? 'Laying out'} />}
          <ChartCanvas
            doc={doc}
            filtered={filtered}
            highlight={highlight?.ids ?? null}
            large={large}
            webgl={webgl}
            layout={layoutCmd}
            viewport={viewportCmd}
            navigator={showNavigator}
            navigatorContainer={navEl}
            onReady={setChartApi}
            onSelect={setSelection}
            onContext={onContext}
            onOpen={onOpenNode}
            onMoved={onMoved}
            onLayoutDone={onLayoutDone}
            onBusy={setLayoutBusy}
            onError={onError}
          />
          {empty && (
            <div className="empty-state">
              <h2>Start with a search</h2>
              <p>
                Press <kbd>/</kbd> and search for a person, premises, phone number, postcode or vehicle. Add results to the chart, then double-click an
                entity (or press <kbd>E</kbd>) to expand its links.
              </p>
              <p className="muted">Right-click entities and links for more: paths, common neighbours, hiding and pinning. Open a saved chart with Open….</p>
            </div>
          )}
          <Legend entityTypes={[...typeCounts.keys()]} linkTypes={[...linkCounts.keys()]} />
          <div className="zoom-controls" role="group" aria-label="Zoom">
            <button type="button" aria-label="Zoom in" onClick={() => chartApi?.zoomBy(1.25)}>
              +
            </button>
            <button type="button" aria-label="Zoom out" onClick={() => chartApi?.zoomBy(0.8)}>
              −
            </button>
            <button type="button" aria-label="Fit" title="Fit (F)" onClick={() => chartApi?.fit()}>
              ⤢
            </button>
            <button type="button" aria-label="Navigator" aria-pressed={showNavigator} className={showNavigator ? 'on' : ''} onClick={() => setShowNavigator((v) => !v)}>
              ▣
            </button>
          </div>
          <div ref={setNavEl} className={`navigator ${showNavigator ? '' : 'off'}`} aria-label="Bird's-eye view" />
          <div className="messages" aria-live="polite">
            {messages.map((m) => (
              <div key={m.id} className={`message ${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'}>
                <span>{m.text}</span>
                <button type="button" aria-label="Dismiss" onClick={() => setMessages((ms) => ms.filter((x) => x.id !== m.id))}>
                  ×
                </button>
              </div>
            ))}
          </div>
          <footer className="statusbar">
            <span data-testid="counts">
              {Object.keys(doc.nodes).length} entities · {edgesList.length} links
              {doc.hidden.length ? ` · ${doc.hidden.length} hidden` : ''}
              {filtered.size ? ` · ${filtered.size} filtered out` : ''}
            </span>
            {selection.length > 0 && <span>{selection.length} selected</span>}
            {highlight && (
              <span className="hl">
                {highlight.label}{' '}
                <button type="button" className="link" onClick={() => setHighlightState(null)}>
                  clear
                </button>
              </span>
            )}
            <span className="spacer" />
            {tasks[0] && <span>{tasks[0]}…</span>}
            <span className="muted" data-testid="renderer">
              {webgl ? 'WebGL renderer' : large ? 'canvas renderer (no WebGL 2 here)' : 'canvas renderer'}
            </span>
          </footer>
        </section>
        <DetailsPanel node={nodeSel} edge={edgeSel} selectionCount={selection.length} selectionSummary={summary} />
      </main>
      {menu && <ContextMenu x={menu.x} y={menu.y} items={menu.items} onClose={closeMenu} />}
      {dialog && <ChartsDialog mode={dialog} currentName={saved?.name ?? null} onSave={save} onOpen={open} onClose={() => setDialog(null)} />}
      {!askSignIn && me && !purpose && <PurposeDialog onDone={setPurposeState} />}
      {showAudit && <AuditPage onClose={() => setShowAudit(false)} />}
      {askSignIn && (
        <SignInDialog
          onClose={() => setAskSignIn(false)}
          onSignedIn={(u) => {
            setUser(u);
            setAskSignIn(false);
            setMessages([]);
          }}
        />
      )}
      {guard && (
        <SupernodeDialog
          node={guard.node}
          remaining={guard.remaining}
          onClose={() => setGuard(null)}
          onExpand={(o) => {
            setGuard(null);
            void actions.expand(guard.node.id, o);
          }}
        />
      )}
    </div>
  );
}
