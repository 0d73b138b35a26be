/** The workspace's pages (over the chart) and how each reaches the chart. */
import { useCallback, useMemo, useState } from 'react';
import { DashboardPage } from '../analysis/DashboardPage.tsx';
import { FlaggedPage } from '../analysis/FlaggedPage.tsx';
import { NetworksPage } from '../analysis/NetworksPage.tsx';
import { CircuitsPage } from '../circuits/CircuitsPage.tsx';
import { AlertsPage } from '../alerts/AlertsPage.tsx';
import { useAddToChart, type AddOptions } from '../analysis/addToChart.ts';
import { ImportPage } from '../importing/ImportPage.tsx';
import { ReviewPage } from '../importing/ReviewPage.tsx';
import { CasesPage } from '../cases/CasesPage.tsx';
import { useWorkspace } from '../workspace/WorkspaceContext.ts';

export type PageName = 'flagged' | 'networks' | 'circuits' | 'alerts' | 'dashboard' | 'cases' | 'import' | 'review';

export const PAGES: { name: PageName; label: string; title: string; /** Shown only to callers with the `write` capability (import, decide matches). */ writers?: boolean }[] = [
  { name: 'flagged', label: 'Flagged', title: 'People and premises flagged by risk factors or MSHT indicators' },
  { name: 'networks', label: 'Networks', title: 'Suspected networks of premises' },
  { name: 'circuits', label: 'Circuits', title: 'People moved from one premises to the next: circuits from the chart' },
  { name: 'alerts', label: 'Alerts', title: 'Alerts from your watches: confirm, dismiss, assign, put evidence on the chart' },
  { name: 'dashboard', label: 'Dashboard', title: 'Operation dashboard' },
  { name: 'cases', label: 'Cases', title: 'Investigations: members, charts, snapshots and notes' },
  { name: 'import', label: 'Import', title: 'Import a file through a mapping', writers: true },
  { name: 'review', label: 'Review', title: 'Review queue of entity resolution', writers: true },
];

export function PageView({ page, onClose, onNavigate }: { page: PageName; onClose(): void; onNavigate(p: PageName): void }) {
  const add = useAddToChart();
  const { chart } = useWorkspace();
  // A case opened from another page (an alert's case): the Cases page shows it.
  const [caseToOpen, setCaseToOpen] = useState<string | null>(null);
  const openCase = useCallback(
    (id: string) => {
      setCaseToOpen(id);
      onNavigate('cases');
    },
    [onNavigate],
  );
  const onChart = useMemo(() => new Set(Object.keys(chart.doc.nodes)), [chart.doc.nodes]);
  // Evidence and whole networks are for looking at: back to the chart with them highlighted.
  const addAndShow = useCallback(
    async (ids: string[], o?: AddOptions) => {
      onClose();
      await add(ids, o);
    },
    [add, onClose],
  );
  switch (page) {
    case 'flagged':
      return <FlaggedPage onClose={onClose} onAdd={add} onChart={onChart} />;
    case 'networks':
      return <NetworksPage onClose={onClose} onAdd={addAndShow} />;
    case 'circuits':
      return <CircuitsPage onClose={onClose} onAdd={addAndShow} />;
    case 'alerts':
      return <AlertsPage onClose={onClose} onAdd={addAndShow} onOpenCase={openCase} />;
    case 'dashboard':
      return <DashboardPage onClose={onClose} onAdd={addAndShow} />;
    case 'cases':
      return <CasesPage onClose={onClose} initialCase={caseToOpen} />;
    case 'import':
      return <ImportPage onClose={onClose} onReview={() => onNavigate('review')} />;
    case 'review':
      return <ReviewPage onClose={onClose} onShow={(ids) => void addAndShow(ids, { highlight: ids, label: 'The pair under review' })} />;
  }
}
