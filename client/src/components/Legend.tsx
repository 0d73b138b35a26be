/** What the shapes, colours, badges and lines on the chart mean; only what is on the chart. */
import { linkMeta, entityMeta } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';
import { BADGES } from '../graph/icons.ts';
import { TypeIcon } from './TypeIcon.tsx';

export function Legend({
  entityTypes,
  linkTypes,
}: {
  entityTypes: EntityType[];
  linkTypes: string[];
}) {
  if (entityTypes.length === 0) return null;
  return (
    <details className="legend" aria-label="Legend">
      <summary>Legend</summary>
      <div className="legend-body">
        <ul>
          {entityTypes.map((t) => (
            <li key={t}>
              <TypeIcon type={t} size={14} /> {entityMeta(t).name}
            </li>
          ))}
        </ul>
        <ul>
          {Object.values(BADGES).map((b) => (
            <li key={b.title}>
              <span className="badge" style={{ background: b.colour }}>
                {b.letter}
              </span>{' '}
              {b.title}
            </li>
          ))}
        </ul>
        <ul>
          {linkTypes.slice(0, 10).map((t) => (
            <li key={t}>
              <span className="line" style={{ borderColor: linkMeta(t).colour }} />{' '}
              {linkMeta(t).verb}
            </li>
          ))}
          <li>
            <span className="line dashed" /> low grade (source 3 or D/E)
          </li>
          <li>
            <span className="line thick" /> width: call count
          </li>
        </ul>
      </div>
    </details>
  );
}
