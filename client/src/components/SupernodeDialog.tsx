/** The supernode guard: a node with many links not yet on the chart asks before it floods it. */
import { useState } from 'react';
import { LINK_META, entityMeta } from '../model/meta.ts';
import { ENTITY_TYPES, type EntityType, type GraphNode } from '../model/types.ts';
import { Dialog } from './Dialog.tsx';

interface Props {
  node: GraphNode;
  remaining: number;
  onExpand(o: { force?: boolean; linkTypes?: string[]; entityTypes?: EntityType[] }): void;
  onClose(): void;
}

export function SupernodeDialog({ node, remaining, onExpand, onClose }: Props) {
  const [filtering, setFiltering] = useState(false);
  const [linkTypes, setLinkTypes] = useState<string[]>([]);
  const [entityTypes, setEntityTypes] = useState<EntityType[]>([]);
  return (
    <Dialog title="Large expansion" onClose={onClose}>
      <p className="guard">
        <strong>{node.label}</strong> has <strong>{remaining} more links</strong> than are on the chart. Expand anyway, or filter.
      </p>
      {!filtering && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => onExpand({ force: true })}>
            Expand anyway ({remaining})
          </button>
          <button type="button" onClick={() => setFiltering(true)}>
            Filter…
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      )}
      {filtering && (
        <>
          <div className="columns">
            <fieldset>
              <legend>Only links of type</legend>
              {Object.entries(LINK_META).map(([t, m]) => (
                <label key={t}>
                  <input type="checkbox" checked={linkTypes.includes(t)} onChange={() => setLinkTypes((l) => (l.includes(t) ? l.filter((x) => x !== t) : [...l, t]))} /> {m.verb}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Only entities of type</legend>
              {ENTITY_TYPES.map((t) => (
                <label key={t}>
                  <input type="checkbox" checked={entityTypes.includes(t)} onChange={() => setEntityTypes((l) => (l.includes(t) ? l.filter((x) => x !== t) : [...l, t]))} />{' '}
                  {entityMeta(t).plural}
                </label>
              ))}
            </fieldset>
          </div>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={!linkTypes.length && !entityTypes.length}
              onClick={() => onExpand({ linkTypes: linkTypes.length ? linkTypes : undefined, entityTypes: entityTypes.length ? entityTypes : undefined })}
            >
              Expand filtered
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
