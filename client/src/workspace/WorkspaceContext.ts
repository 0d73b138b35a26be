/**
 * What a panel or page of the workspace may use without having it threaded through App:
 * the chart document (with undo), its view state (selection, highlight, the ChartApi handle),
 * the chart operations, messages and the signed-in user. Provided once by App.
 */
import { createContext, useContext } from 'react';
import type { ChartState } from '../state/useChart.ts';
import type { Actions } from './useChartCommands.ts';
import type { ChartFile } from './useChartFile.ts';
import type { ChartView } from './useChartView.ts';
import type { Messages } from './useMessages.ts';
import type { Session } from './useSession.ts';

export interface Workspace {
  chart: ChartState;
  view: ChartView;
  actions: Actions;
  messages: Messages;
  file: ChartFile;
  session: Session;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace() is for components inside the workspace (App).');
  return w;
}
