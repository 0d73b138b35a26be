/**
 * The review queue: pairs of records the resolver could not decide, side by side, field by
 * field with how each compared and what it weighed; accept, reject or undo, from the keyboard
 * too (A, R, U; J and K or the arrow keys to move). A second view lists the merged clusters
 * (resolved entities) with the evidence for each merge, each of which can be undone.
 */
import { useState } from 'react';
import type { EntityType } from '../model/types.ts';
import { ClustersView } from './ClustersView.tsx';
import { PairsView } from './PairsView.tsx';
import './importing.css';


export function ReviewPage({ onClose, onShow }: { onClose(): void; onShow?(ids: string[]): void }) {
  const [view, setView] = useState<'pairs' | 'clusters'>('pairs');
  const [entityType, setEntityType] = useState<EntityType | ''>('');
  const viewPicker = (
    <div className="inline-field" role="group" aria-label="View">
      <button type="button" className={view === 'pairs' ? 'primary' : 'btn'} aria-pressed={view === 'pairs'} onClick={() => setView('pairs')}>
        Pairs waiting
      </button>
      <button type="button" className={view === 'clusters' ? 'primary' : 'btn'} aria-pressed={view === 'clusters'} onClick={() => setView('clusters')}>
        Merged clusters
      </button>
    </div>
  );
  const typePicker = (
    <label className="inline-field">
      Records{' '}
      <select value={entityType} onChange={(e) => setEntityType(e.target.value as EntityType | '')} aria-label="Record type">
        <option value="">All types</option>
        <option value="PERSON">People</option>
        <option value="ORGANISATION">Organisations</option>
        <option value="PREMISES">Premises</option>
      </select>
    </label>
  );
  if (view === 'clusters') return <ClustersView onClose={onClose} onShow={onShow} entityType={entityType} actions={<>{viewPicker}{typePicker}</>} />;
  return <PairsView onClose={onClose} onShow={onShow} entityType={entityType} actions={<>{viewPicker}{typePicker}</>} />;
}
