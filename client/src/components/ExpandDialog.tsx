/** What an expansion of more than one hop would add, shown before anything is drawn: add it, or not. */
import type { ExpandPreview } from '../state/expansion.ts';
import { Dialog } from './Dialog.tsx';

interface Props {
  title: string;
  preview: ExpandPreview;
  onAdd(): void;
  onClose(): void;
}

export function ExpandDialog({ title, preview, onAdd, onClose }: Props) {
  const { entities, links, byType, supernodes, truncation } = preview;
  return (
    <Dialog title={title} onClose={onClose}>
      <p className="guard" data-testid="expand-count">
        Adds <strong>{entities} entities</strong> and <strong>{links} links</strong> to the chart.
      </p>
      {byType.length > 0 && (
        <ul className="expand-types">
          {byType.map(([t, n]) => (
            <li key={t}>
              {t}: {n}
            </li>
          ))}
        </ul>
      )}
      {supernodes > 0 && <p className="guard">{supernodes} of them have more links than the supernode guard allows: they are drawn but not expanded through.</p>}
      {truncation && <p className="guard warn">Cut short: {truncation}.</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={entities + links === 0} onClick={onAdd}>
          Add {entities} entities
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
