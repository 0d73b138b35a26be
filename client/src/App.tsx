/**
 * The analyst workspace: search and filters on the left, the chart in the middle, details on
 * the right. App is the layout only. Data state (the chart document, with undo) lives in
 * useChart; view state in useChartView; the cy instance only in ChartCanvas. Panels and pages
 * reach all of it through useWorkspace() (workspace/WorkspaceContext.ts).
 */
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { ChartCanvas } from './chart/ChartCanvas.tsx';
import { LARGE_CHART, supportsWebGL2 } from './chart/cytoscape.ts';
import { ChartsDialog } from './components/ChartsDialog.tsx';
import { ContextMenu } from './components/ContextMenu.tsx';
import { DetailsPanel } from './components/DetailsPanel.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import { ExportMenu } from './components/ExportMenu.tsx';
import { FilterPanel } from './components/FilterPanel.tsx';
import { Legend } from './components/Legend.tsx';
import { Messages } from './components/Messages.tsx';
import { SearchPanel } from './components/SearchPanel.tsx';
import { SignInDialog } from './components/SignInDialog.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { SupernodeDialog } from './components/SupernodeDialog.tsx';
import { ExpandDialog } from './components/ExpandDialog.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { SnapshotMenu } from './components/SnapshotDialog.tsx';
import { NewEntity } from './editing/NewEntity.tsx';
import { ZoomControls } from './components/ZoomControls.tsx';
import { PurposeDialog } from './auth/PurposeDialog.tsx';
import { AuditPage } from './admin/AuditPage.tsx';
import { AnalysisPanel } from './analysis/AnalysisPanel.tsx';
import type { NodeStyle } from './analysis/encoding.ts';
import { useChartEncoding } from './analysis/useChartEncoding.ts';
import { WhyFlagged } from './analysis/WhyFlagged.tsx';
import { PAGES, PageView, type PageName } from './pages/PageView.tsx';
import { may } from './admin/useMe.ts';
import type { GraphNode, Position } from './model/types.ts';
import { elementCount, LAYOUT_NAMES, setFilters, setLayout, setPositions, type ChartDoc, type LayoutName } from './state/chartDoc.ts';
import { useChart } from './state/useChart.ts';
import { ShareDialog } from './cases/ShareDialog.tsx';
import { PresenceBar } from './cases/PresenceBar.tsx';
import { usePresence } from './cases/usePresence.ts';
import { useWorkspaceActions, type ExpandConfirm, type ExpandOptions, type Feedback } from './useWorkspaceActions.ts';
import { useChartCommands } from './workspace/useChartCommands.ts';
import { useChartFile } from './workspace/useChartFile.ts';
import { useChartLinks } from './workspace/useChartLinks.ts';
import { useChartSummary } from './workspace/useChartSummary.ts';
import { useChartView } from './workspace/useChartView.ts';
import { useKeyboard } from './workspace/useKeyboard.ts';
import { useMenus } from './workspace/useMenus.ts';
import { watchItems } from './alerts/watchItems.ts';
import { useOpenAlerts } from './alerts/useOpenAlerts.ts';
import { useMessages } from './workspace/useMessages.ts';
import { useSession } from './workspace/useSession.ts';
import { WorkspaceContext, type Workspace } from './workspace/WorkspaceContext.ts';
import { prepareMap } from './map/load.ts';
import { prepareOccupancy } from './occupancy/api.ts';

// The map (Leaflet and its outline) loads the first time it is opened, not with the chart; the
// Map button starts its code and its data together (map/load.ts), and Occupancy likewise.
// (A chunk that fails to load is reported by React.lazy as the view mounts.)
const loadMapView = () => import('./map/MapView.tsx');
const loadOccupancyView = () => import('./occupancy/OccupancyView.tsx');
const MapView = lazy(loadMapView);
const OccupancyView = lazy(loadOccupancyView);

export function App() {
  const chart = useChart();
  const { doc } = chart;
  const view = useChartView();
  const messages = useMessages();
  // Every link among what is on the chart, whatever added the entities.
  useChartLinks(chart, messages.task);
  const session = useSession();
  const file = useChartFile(chart, view, messages);
  const [guard, setGuard] = useState<{ node: GraphNode; remaining: number; expand(o: ExpandOptions): void } | null>(null);
  const [confirm, setConfirm] = useState<ExpandConfirm | null>(null);
  const [dialog, setDialog] = useState<'open' | 'save' | 'share' | null>(null);
  // Full-page views over the workspace (the admins' audit log, ...).
  const [page, setPage] = useState<'audit' | PageName | null>(null);
  const closePage = useCallback(() => setPage(null), []);
  // Sizes and colours from the analysis panel; with the flagged list's badges, drawn as view state.
  const [metricStyles, setMetricStyles] = useState<ReadonlyMap<string, NodeStyle> | null>(null);
  const encoding = useChartEncoding(doc, metricStyles);
  const searchRef = useRef<HTMLInputElement>(null);
  const [mapOpen, setMapOpen] = useState(false);
  const [occupancyOpen, setOccupancyOpen] = useState(false);

  const feedback: Feedback = useMemo(
    () => ({
      task: messages.task,
      notice: (text: string) => messages.say('notice', text),
      setHighlight: view.setHighlight,
      guard: (node: GraphNode, remaining: number, expand: (o: ExpandOptions) => void) => setGuard({ node, remaining, expand }),
      confirm: setConfirm,
      fitTo: (ids: string[]) => view.showViewport({ fit: ids }),
      relayout: () => view.runLayout(undefined, true),
    }),
    [messages.task, messages.say, view.setHighlight, view.runLayout, view.showViewport],
  );
  const actions = useWorkspaceActions(chart, feedback);
  const commands = useChartCommands(chart, view, actions);
  const entityItems = useCallback((ids: string[]) => watchItems(ids, messages), [messages]);
  const { menu, onContext, dropdown, closeMenu } = useMenus(chart, view, actions, commands, entityItems);
  const summary = useChartSummary(doc, view.selection);
  useKeyboard(chart, view, commands, searchRef);

  const large = elementCount(doc) > LARGE_CHART;
  const webgl = large && supportsWebGL2();
  const empty = Object.keys(doc.nodes).length === 0;
  const busy = messages.tasks.length > 0 || view.layoutBusy;
  const { me, purpose } = session;
  // Who else has this saved chart open, and its latest version (polled: decision 0035).
  const presence = usePresence(file.saved?.id ?? null);
  const openAlerts = useOpenAlerts(Boolean(me));

  const onMoved = useCallback((m: Record<string, Position>, label: string) => chart.apply(label, (d) => setPositions(d, m)), [chart]);
  const onLayoutDone = useCallback(
    (m: Record<string, Position>, name: LayoutName, follows: boolean) => {
      const fn = (d: ChartDoc) => setLayout(setPositions(d, m), name);
      // A layout that completes the operation just made is undone with it.
      if (follows) chart.fold(fn);
      else chart.apply(`Layout: ${LAYOUT_NAMES[name]}`, fn);
    },
    [chart],
  );
  const onError = useCallback((text: string) => messages.say('error', text), [messages.say]);
  const onOpenNode = useCallback((id: string) => void actions.expand(id), [actions]);
  // A selection made on the map (or the occupancy view) is made on the chart, which reports it back as the workspace's.
  const selectFromMap = useCallback((ids: string[]) => (view.chartApi ? view.chartApi.select(ids) : view.setSelection(ids)), [view.chartApi, view.setSelection]);
  const closeDialog = useCallback(() => setDialog(null), []);
  // A range brushed on the occupancy view is the chart's date filter (the filter panel shows and clears it).
  const onRange = useCallback(
    (from: string | null, to: string | null) => chart.apply(from || to ? `Filter by date: ${from ?? 'start'} to ${to ?? 'end'}` : 'Clear date range', (d) => setFilters(d, { ...d.filters, from, to })),
    [chart],
  );

  const workspace: Workspace = useMemo(() => ({ chart, view, actions, messages, file, session }), [chart, view, actions, messages, file, session]);

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="app">
        <div className="banner" role="note">
          Demonstration data: every person, place, phone and record shown here is synthetic. No real individual is represented.
        </div>
        <header className="topbar">
          <div className="brand">
            <span className="logo" aria-hidden="true" />
            <span className="brand-name">Lantern</span>
            <span className="chart-name" title="Current chart">
              {file.saved ? file.saved.name : 'Unsaved chart'}
            </span>
          </div>
          <Toolbar chart={chart} view={view} commands={commands} typeCounts={summary.typeCounts} dropdown={dropdown} onOpen={() => setDialog('open')} onSave={() => setDialog('save')}>
            <ExportMenu dropdown={dropdown} />
            <SnapshotMenu />
            <NewEntity />
            <button type="button" disabled={!file.saved} title={file.saved ? 'Share this chart with a case or a user; its versions' : 'Save the chart first, then share it'} onClick={() => setDialog('share')}>
              Share…
            </button>
          </Toolbar>
          <nav className="pages" aria-label="Pages">
            <button type="button" title="The link chart" aria-pressed={page === null} onClick={closePage}>
              Chart
            </button>
            {PAGES.filter((p) => !p.writers || may(me, 'write')).map((p) => (
              <button key={p.name} type="button" title={p.title} aria-pressed={page === p.name} onClick={() => setPage(p.name)}>
                {p.label}
                {p.name === 'alerts' && openAlerts !== null && openAlerts > 0 && (
                  <span className="nav-count" aria-label={`${openAlerts} new alerts`}>
                    {openAlerts}
                  </span>
                )}
              </button>
            ))}
            {may(me, 'administer') && (
              <button type="button" onClick={() => setPage('audit')}>
                Audit log
              </button>
            )}
          </nav>
          <div className="who">
            {session.user && (
              <span className="user" title={[session.user.role, purpose && `purpose: ${purpose}`].filter(Boolean).join('; ')}>
                {session.user.username}
              </span>
            )}
            {purpose && (
              <span className="user purpose" title={`Purpose of this session (recorded in the audit log): ${purpose}`}>
                {purpose}
              </span>
            )}
          </div>
        </header>
        <main className="workspace" inert={page !== null}>
          <aside className="sidebar">
            <SearchPanel ref={searchRef} onChart={summary.onChart} onAdd={(nodes) => void commands.addFromSearch(nodes)} />
            <FilterPanel
              filters={doc.filters}
              entityTypes={summary.typeCounts}
              linkTypes={summary.linkCounts}
              edges={summary.edgesList}
              filteredCount={summary.filtered.size}
              onChange={(f, label) => chart.apply(label, (d) => setFilters(d, f))}
            />
            <AnalysisPanel onChart={summary.onChart} types={[...summary.typeCounts.keys()]} onStyles={setMetricStyles} onSelect={(ids) => view.chartApi?.select(ids)} />
          </aside>
          <section className={['stage', mapOpen && 'with-map', occupancyOpen && 'with-occupancy'].filter(Boolean).join(' ')} aria-busy={busy}>
            {busy && <div className="progress top" role="progressbar" aria-label={messages.tasks[0] ?? 'Laying out'} />}
            <ChartCanvas
              doc={doc}
              filtered={summary.filtered}
              highlight={view.highlight?.ids ?? null}
              large={large}
              webgl={webgl}
              layout={view.layoutCmd}
              encoding={encoding}
              viewport={view.viewportCmd}
              navigator={view.showNavigator}
              onReady={view.setChartApi}
              onSelect={view.setSelection}
              onContext={onContext}
              onOpen={onOpenNode}
              onMoved={onMoved}
              onLayoutDone={onLayoutDone}
              onBusy={view.setLayoutBusy}
              onError={onError}
            />
            {empty && <EmptyState />}
            <PresenceBar presence={presence} />
            <button type="button" className="view-toggle" aria-pressed={mapOpen} title="The chart's entities that have a place, on a map beside the chart" onClick={() => {
                if (!mapOpen) {
                  loadMapView().catch(() => undefined);
                  prepareMap(Object.values(doc.nodes));
                }
                setMapOpen((o) => !o);
              }}>
              Map
            </button>
            <button type="button" className="view-toggle occupancy" aria-pressed={occupancyOpen} title="Who stayed where, when: the dated stays of the people selected" onClick={() => {
                if (!occupancyOpen) {
                  loadOccupancyView().catch(() => undefined);
                  prepareOccupancy(doc, view.selection);
                }
                setOccupancyOpen((o) => !o);
              }}>
              Occupancy
            </button>
            {occupancyOpen && (
              <Suspense fallback={<div className="occupancy-pane" role="status">Loading…</div>}>
                <OccupancyView doc={doc} selection={view.selection} onSelect={selectFromMap} onRange={onRange} onError={onError} />
              </Suspense>
            )}
            {mapOpen && (
              <Suspense fallback={<div className="map-pane" role="status">Loading the map…</div>}>
                <MapView doc={doc} filtered={summary.filtered} selection={view.selection} onSelect={selectFromMap} onError={onError} />
              </Suspense>
            )}
            <Legend entityTypes={[...summary.typeCounts.keys()]} linkTypes={[...summary.linkCounts.keys()]} />
            <ZoomControls view={view} />
            <Messages messages={messages.messages} onDismiss={messages.dismiss} />
            <StatusBar
              doc={doc}
              filteredCount={summary.filtered.size}
              selectionCount={view.selection.length}
              highlight={view.highlight}
              onClearHighlight={view.clearHighlight}
              task={messages.tasks[0]}
              renderer={webgl ? 'WebGL renderer' : large ? 'canvas renderer (no WebGL 2 here)' : 'canvas renderer'}
            />
          </section>
          <div className="right-column">
            <DetailsPanel chartNotes={file.saved ? { id: file.saved.id, refresh: presence?.noteCount ?? 0 } : null} node={summary.selectedNode} edge={summary.selectedEdge} selectionCount={view.selection.length} selectionSummary={summary.selectionSummary} />
            {summary.selectedNode && <WhyFlagged key={summary.selectedNode.id} node={summary.selectedNode} />}
          </div>
        </main>
        {menu && <ContextMenu x={menu.x} y={menu.y} items={menu.items} onClose={closeMenu} />}
        {dialog === 'share' && file.saved && <ShareDialog chartId={file.saved.id} onClose={closeDialog} onRestored={() => file.open(file.saved!.id)} />}
        {(dialog === 'open' || dialog === 'save') && (
          <ChartsDialog
            mode={dialog}
            currentName={file.saved?.name ?? null}
            onSave={async (name) => {
              await file.save(name);
              closeDialog();
            }}
            onOpen={async (id) => {
              await file.open(id);
              closeDialog();
            }}
            onClose={closeDialog}
          />
        )}
        {!session.askSignIn && me && !purpose && <PurposeDialog onDone={session.setPurpose} />}
        {page === 'audit' && <AuditPage onClose={closePage} />}
        {page && page !== 'audit' && <PageView page={page} onClose={closePage} onNavigate={setPage} />}
        {session.askSignIn && (
          <SignInDialog
            onClose={() => session.setAskSignIn(false)}
            onSignedIn={(u) => {
              session.setUser(u);
              session.setAskSignIn(false);
              messages.clear();
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
              guard.expand(o);
            }}
          />
        )}
        {confirm && (
          <ExpandDialog
            title={confirm.title}
            preview={confirm.preview}
            onClose={() => setConfirm(null)}
            onAdd={() => {
              setConfirm(null);
              confirm.onAdd();
            }}
          />
        )}
      </div>
    </WorkspaceContext.Provider>
  );
}
