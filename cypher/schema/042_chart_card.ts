// Every entity stores its chart card (server/model/card.ts): `subtitle` and `cardKind` beside its
// `label`, so that the chart statements project one fixed list of properties for every type
// (docs/decisions/0018-stored-chart-card.md). Writers store the card from now on; this fills it in
// on the entities written before, in pages of 2,000 in id order. Idempotent: the card is a pure
// function of the stored properties, so running it again writes the same values.
// supersedes sha256:28298c08862c47f7ae59f8a32f31f0a833ec2b906cd6cb3117cb3c0aab5917f7
import type { Gateway } from '../../server/db/gateway.ts';
import { cardOf, storedCard } from '../../server/model/card.ts';
import { ENTITY_TYPES, type EntityType } from '../../server/model/model.ts';

// Ordered and cut before the projection, so that a page is read in the entity_id index's order
// (ordering the projected map sorted every entity after $after: a page took most of a minute at
// 100k people, and the whole migration hours).
const READ = `MATCH (n:Entity) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT 2000
RETURN n {.*, searchText: null, dateOfBirth: toString(n.dateOfBirth), occurredOn: toString(n.occurredOn), postedOn: toString(n.postedOn)} AS n`;
const WRITE = `UNWIND $rows AS x
MATCH (n:Entity {id: x.id})
SET n.subtitle = x.subtitle, n.cardKind = x.cardKind`;

export async function up(gateway: Gateway): Promise<void> {
  for (let after = ''; ; ) {
    const found = await gateway.runScript(READ, { after });
    if (found.length === 0) return;
    const rows = found.map((r) => {
      const n = r.n as Record<string, unknown>;
      const type = (ENTITY_TYPES as readonly string[]).includes(String(n.type)) ? (n.type as EntityType) : undefined;
      const card = type ? storedCard(cardOf(type, n, String(n.label ?? n.id))) : { subtitle: null, cardKind: null };
      return { id: String(n.id), ...card };
    });
    await gateway.runScript(WRITE, { rows });
    after = String((found[found.length - 1]!.n as Record<string, unknown>).id);
  }
}
