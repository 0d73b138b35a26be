/**
 * An entity's chart card: the label, the second line (`subtitle`) and the `kind` the chart
 * styles it by. Computed once, when the entity is written (shapeEntity calls cardOf, and every
 * writer shapes through it; migration 042 backfilled what was stored before), and stored on the
 * node as `label`, `subtitle` and `cardKind`, so that every chart statement projects one fixed
 * list of properties whatever the entity's type (docs/decisions/0015-stored-chart-card.md).
 * A potential victim's card is masked like the rest of the person: neither `subtitle` nor
 * `cardKind` is among the properties masking keeps (db/scope.ts).
 */
import type { EntityType } from './model.ts';

export type CardProps = Record<string, unknown>;

export interface Card {
  label: string;
  subtitle: string | null;
  kind: string | null;
}

/** The stored names of the card's parts besides `label`. */
export const CARD_PROPERTIES = ['subtitle', 'cardKind'] as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
/** A code in words: MASSAGE_PARLOUR -> "massage parlour". */
const human = (v: unknown): string | undefined => str(v)?.replace(/_/g, ' ').toLowerCase();
const joined = (parts: (string | undefined)[], sep: string): string | null => parts.filter(Boolean).join(sep) || null;

interface Rule {
  subtitle?: (p: CardProps) => string | null;
  kind?: (p: CardProps) => string | null;
}

/** Per type: how the second line and the kind are made from the entity's own properties. */
const RULES: Record<EntityType, Rule> = {
  PERSON: {
    subtitle: (p) => {
      const dob = str(p.dateOfBirth);
      const nationalities = Array.isArray(p.nationalities) && p.nationalities.length > 0 ? p.nationalities.map(String).join('/') : undefined;
      return joined([dob && `born ${dob}`, nationalities], ', ');
    },
  },
  PREMISES: { subtitle: (p) => joined([human(p.kind), str(p.town)], ', '), kind: (p) => str(p.kind) ?? null },
  PHONE: { subtitle: (p) => str(p.e164) ?? null, kind: (p) => str(p.lineType) ?? null },
  EMAIL: {},
  VEHICLE: { subtitle: (p) => joined([str(p.colour), str(p.make), str(p.model)], ' ') },
  BANK_ACCOUNT: {},
  ORGANISATION: { subtitle: (p) => str(p.companyNumber) ?? null, kind: (p) => str(p.kind) ?? null },
  ADVERT: { subtitle: (p) => joined([str(p.site), str(p.postedOn)], ', ') },
  OFFENCE: { subtitle: (p) => joined([human(p.status), str(p.occurredOn)], ', '), kind: (p) => str(p.category) ?? null },
  OPERATION: {},
  VISIT: { subtitle: (p) => human(p.outcome) ?? null },
  REFERRAL: { kind: (p) => str(p.kind) ?? null },
  RISK_FACTOR: { kind: (p) => str(p.kind) ?? null },
};

/** The card of an entity of `type` with these (shaped) properties and this label. */
export function cardOf(type: EntityType, props: CardProps, label: string): Card {
  const rule = RULES[type];
  return { label, subtitle: rule.subtitle?.(props) ?? null, kind: rule.kind?.(props) ?? null };
}

/** The card as the node stores it, beside `label`. */
export function storedCard(card: Card): { subtitle: string | null; cardKind: string | null } {
  return { subtitle: card.subtitle, cardKind: card.kind };
}
