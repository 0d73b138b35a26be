/**
 * An entity's chart card: the label, the second line (`subtitle`) and the `kind` the chart
 * styles it by. Computed once, when the entity is written (shapeEntity calls cardOf, and every
 * writer shapes through it; migration 042 backfilled what was stored before), and stored on the
 * node as `label`, `subtitle` and `cardKind`, so that every chart statement projects one fixed
 * list of properties whatever the entity's type (docs/decisions/0018-stored-chart-card.md).
 * A potential victim's card is masked like the rest of the person: neither `subtitle` nor
 * `cardKind` is among the properties masking keeps (db/scope.ts).
 */
import type { EntityType } from './model.ts';
import { activeRegistry, kindFromRule, subtitleFromRule } from './registry/registry.ts';

export type CardProps = Record<string, unknown>;

export interface Card {
  label: string;
  subtitle: string | null;
  kind: string | null;
}

/** The stored names of the card's parts besides `label`. */
export const CARD_PROPERTIES = ['subtitle', 'cardKind'] as const;

/**
 * The card of an entity of `type` with these (shaped) properties and this label: its second line
 * and kind by the type's `subtitle` and `kind` rules in the registry (core or declared types).
 */
export function cardOf(type: EntityType | string, props: CardProps, label: string): Card {
  const t = activeRegistry().entity(type);
  return { label, subtitle: t ? subtitleFromRule(t, props) : null, kind: t ? kindFromRule(t, props) : null };
}

/** The card as the node stores it, beside `label`. */
export function storedCard(card: Card): { subtitle: string | null; cardKind: string | null } {
  return { subtitle: card.subtitle, cardKind: card.kind };
}
