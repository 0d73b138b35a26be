/** "New entity…" in the chart tools, for those the server lets write (me.capabilities): the entity made goes on the chart, in view. */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { may } from '../admin/useMe.ts';
import { addGraph } from '../state/chartDoc.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.ts';
import { EntityDialog } from './EntityDialog.tsx';

export function NewEntity() {
  const { session, chart, view } = useWorkspace();
  const [open, setOpen] = useState(false);
  if (!may(session.me, 'write')) return null;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        title="Create an entity by hand, with its source and grading"
      >
        New entity…
      </button>
      {/* Out of the toolbar, whose dark controls' styles would reach the form's. */}
      {open &&
        createPortal(
          <EntityDialog
            mode={{ kind: 'create' }}
            onClose={() => setOpen(false)}
            onDone={(g, what) => {
              setOpen(false);
              chart.apply(what, (d) => addGraph(d, g, { kind: 'beside' }));
              view.showViewport({ fit: g.nodes.map((n) => n.id) });
            }}
          />,
          document.body,
        )}
    </>
  );
}
