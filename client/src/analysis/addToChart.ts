/** How a page or panel puts entities on the chart by id, optionally highlighting evidence and laying out. */
import { useCallback } from 'react';
import { subgraph } from '../api/operations.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.ts';

export interface AddOptions {
  /** Ids (entities and links) to highlight once added; everything else fades. */
  highlight?: string[];
  /** What the highlight says in the status bar. */
  label?: string;
  /** Lay the chart out afterwards (a whole network). */
  layout?: boolean;
}

export type AddToChart = (ids: string[], o?: AddOptions) => Promise<void>;

export function useAddToChart(): AddToChart {
  const { actions, view, messages } = useWorkspace();
  const { setHighlight, runLayout } = view;
  const { task, say } = messages;
  return useCallback(
    async (ids: string[], o: AddOptions = {}) => {
      const wanted = [...new Set(ids)];
      if (!wanted.length) return;
      const g = await task('Fetching the entities', () => subgraph(wanted));
      if (!g) return;
      if (!g.nodes.length) {
        say('notice', 'None of those entities can be shown to you.');
        return;
      }
      await actions.addNodes(g.nodes);
      if (o.layout) runLayout(undefined, true);
      if (o.highlight) setHighlight(new Set(o.highlight), o.label ?? `${g.nodes.length} entities`);
    },
    [actions, task, say, runLayout, setHighlight],
  );
}
