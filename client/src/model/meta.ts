/**
 * How each entity and link type looks and reads: colours, names, glyphs. One place, so the
 * chart, the legend, the search results and the filters agree.
 */
import { CORE_REGISTRY } from '../../../server/model/registry/registry.ts';
import type { EntityType } from './types.ts';

export interface EntityMeta {
  name: string;
  plural: string;
  colour: string;
  /** SVG markup of a glyph in a 24x24 box, drawn in white on the type's colour; `C` is replaced by the colour. */
  glyph: string;
}

/** Drawn for a type that declares no glyph: a plain disc. */
export const GENERIC_GLYPH = '<circle cx="12" cy="12" r="6.5"/>';

const toMeta = (t: { displayName: string; plural: string; colour: string; glyph?: string | null }): EntityMeta => ({
  name: t.displayName,
  plural: t.plural,
  colour: t.colour,
  glyph: t.glyph ?? GENERIC_GLYPH,
});

/** From the type registry (server/model/registry), the kernel both sides share; an installation's extra types join at start (installModel). */
export const ENTITY_META: Record<EntityType, EntityMeta> = Object.fromEntries(CORE_REGISTRY.entityTypes.map((t) => [t.name, toMeta(t)])) as Record<EntityType, EntityMeta>;

/** A type's names, colour and glyph; a generic grey disc for a type the workspace does not know. */
export function entityMeta(type: string): EntityMeta {
  return ENTITY_META[type as EntityType] ?? { name: humanise(type), plural: humanise(type), colour: '#6b7785', glyph: GENERIC_GLYPH };
}

export interface LinkMeta {
  /** Reads between the two ends: "works at". */
  verb: string;
  colour: string;
  /** Drawn with an arrow: the direction matters to the reader. */
  directed: boolean;
}

export const LINK_META: Record<string, LinkMeta> = Object.fromEntries(CORE_REGISTRY.linkTypes.map((t) => [t.name, { verb: t.verb, colour: t.colour, directed: t.directed }]));

/** The model as the server's `entityTypes` and `linkTypes` queries describe it: an installation's extra types. */
export interface ModelTypes {
  entityTypes: { name: string; displayName: string; plural: string; colour: string; glyph?: string | null }[];
  linkTypes: { name: string; verb: string; colour: string; directed: boolean }[];
}

/** Adds the types the server knows and the workspace was not built with (an installation's types file). */
export function installModel(model: ModelTypes): void {
  for (const t of model.entityTypes) if (!(t.name in ENTITY_META)) ENTITY_META[t.name as EntityType] = toMeta(t);
  for (const t of model.linkTypes) if (!(t.name in LINK_META)) LINK_META[t.name] = { verb: t.verb, colour: t.colour, directed: t.directed };
}

export function linkMeta(type: string): LinkMeta {
  return LINK_META[type] ?? { verb: type.toLowerCase().replace(/_/g, ' '), colour: '#8a94a0', directed: false };
}

/** "POTENTIAL_VICTIM" to "potential victim". */
export function humanise(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}
