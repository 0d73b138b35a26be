import { entityMeta } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';
import { typeIcon } from '../graph/icons.ts';

export function TypeIcon({ type, size = 18 }: { type: EntityType; size?: number }) {
  return <img className="type-icon" src={typeIcon(type)} width={size} height={size} alt={entityMeta(type).name} title={entityMeta(type).name} />;
}
