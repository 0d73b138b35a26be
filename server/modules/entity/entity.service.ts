/**
 * Entity reads: one entity, several, one link, and the lazily loaded parts of an entity
 * (sources, annotations, paginated links). Validates arguments, maps stored rows to GraphQL shapes.
 */
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { activeRegistry } from '../../model/registry/registry.ts';
import type { PropertyDef } from '../../model/registry/schema.ts';
import { linkProperties, toEntity, toGraphEdge, toSourceRecord, aboutMasked, withheldSources, type EntityOut, type GraphEdgeOut, type PropertyOut } from './entity.mapper.ts';
import { decodeCursor, intArg, page } from './paging.ts';
import * as repo from './entity.repository.ts';

export const MAX_IDS = 500;

/** A link as the Link type resolves it: the edge, plus its ends when already loaded. */
export interface LinkOut extends GraphEdgeOut {
  sourceEntity?: EntityOut;
  targetEntity?: EntityOut;
  /** Its type's own properties, where the link was read with all of them. */
  properties?: PropertyOut[];
}

export function idList(argument: string, ids: readonly string[], o: { min: number; max: number }): string[] {
  if (ids.length < o.min || ids.length > o.max) throw badInput(argument, `give ${o.min} to ${o.max} ids (got ${ids.length}).`);
  ids.forEach((id, i) => {
    if (id.length === 0 || id.length > 200) throw badInput(`${argument}[${i}]`, 'an id has 1 to 200 characters.');
  });
  return [...new Set(ids)];
}

export async function entity(ctx: Context, id: string): Promise<EntityOut | null> {
  const [row] = await repo.entitiesByIds(ctx.gateway, [id]);
  return row ? toEntity(row) : null;
}

export async function entities(ctx: Context, ids: readonly string[]): Promise<EntityOut[]> {
  return (await repo.entitiesByIds(ctx.gateway, idList('ids', ids, { min: 0, max: MAX_IDS }))).map(toEntity);
}

export async function link(ctx: Context, id: string): Promise<LinkOut | null> {
  const row = await repo.linkById(ctx.gateway, id);
  return row ? { ...toGraphEdge(row.link), properties: linkProperties(row.link), sourceEntity: toEntity(row.source), targetEntity: toEntity(row.target) } : null;
}

/** One end of a link, loaded when the link came without it. */
export async function linkEnd(ctx: Context, l: LinkOut, end: 'source' | 'target'): Promise<EntityOut> {
  const loaded = end === 'source' ? l.sourceEntity : l.targetEntity;
  if (loaded) return loaded;
  const [row] = await repo.entitiesByIds(ctx.gateway, [end === 'source' ? l.source : l.target]);
  if (!row) throw new Error(`Link ${l.id} has no visible ${end}`);
  return toEntity(row);
}

/** Source records by id, those in `withheld` without their summary (withheldSources). */
export async function sources(ctx: Context, parent: { sourceIds?: unknown }, withheld: ReadonlySet<string> = new Set()) {
  const ids = Array.isArray(parent.sourceIds) ? parent.sourceIds.map(String) : [];
  return (await repo.sourceRecords(ctx.gateway, ids)).map((r) => toSourceRecord(r, withheld.has(String(r.id))));
}

/** An entity's source records: a masked potential victim's are given without their summaries. */
export function entitySources(ctx: Context, e: EntityOut) {
  return sources(ctx, e, withheldSources([e]));
}

/** Is the link about a masked potential victim for this caller (an end is one: aboutMasked)? */
async function aboutMaskedLink(ctx: Context, l: LinkOut): Promise<boolean> {
  if (!ctx.gateway.scope.mask) return false;
  const loaded = [l.sourceEntity, l.targetEntity].filter((e): e is EntityOut => e !== undefined);
  const ends = loaded.length === 2 ? loaded : (await repo.entitiesByIds(ctx.gateway, [l.source, l.target])).map(toEntity);
  return aboutMasked(ends, [l]).has(l.id);
}

/** A link's source records: without their summaries when an end is a masked potential victim. */
export async function linkSources(ctx: Context, l: LinkOut) {
  return sources(ctx, l, (await aboutMaskedLink(ctx, l)) ? new Set(l.sourceIds) : undefined);
}

/** Analysts' notes on a link: none when an end is a masked potential victim (notes on the victim are hidden too). */
export async function linkAnnotations(ctx: Context, l: LinkOut) {
  return (await aboutMaskedLink(ctx, l)) ? [] : annotations(ctx, l.id);
}

export async function annotations(ctx: Context, targetId: string) {
  return (await repo.annotations(ctx.gateway, targetId)).map((a) => ({
    id: String(a.id),
    targetId: String(a.targetId),
    text: String(a.text ?? ''),
    author: String(a.author ?? 'unknown'),
    createdAt: String(a.createdAt),
  }));
}

export interface LinksArgs {
  types?: readonly string[] | null;
  entityTypes?: readonly string[] | null;
  first?: number | null;
  after?: string | null;
}

export async function links(ctx: Context, id: string, args: LinksArgs) {
  const first = intArg('first', args.first, { min: 1, max: 200, default: 50 });
  const skip = decodeCursor('links', args.after);
  const { total, rows } = await repo.linksPage(ctx.gateway, {
    id,
    types: args.types?.length ? [...args.types] : null,
    entityTypes: args.entityTypes?.length ? [...args.entityTypes] : null,
    skip,
    limit: first + 1,
  });
  const p = page('links', rows, skip, first);
  return {
    totalCount: total,
    pageInfo: p.pageInfo,
    edges: p.items.map(({ item, cursor }) => ({ cursor, node: { ...toGraphEdge(item.link), properties: linkProperties(item.link) } as LinkOut, other: toEntity(item.other) })),
  };
}

const propertyInfo = (declared: (p: PropertyDef) => boolean) => (p: PropertyDef) => ({ ...p, values: p.values ?? [], declared: declared(p) });

/** The link types of this installation, from the type registry. */
/** A link type as the API gives it; its name is a string, since an installation's types file adds names at run time. */
export type LinkTypeInfoOut = ReturnType<typeof linkTypes>[number];
/** An entity type as the API gives it (its name a string, as for link types). */
export type EntityTypeInfoOut = ReturnType<typeof entityTypes>[number];

export function linkTypes() {
  const r = activeRegistry();
  return r.linkTypes.map((t) => {
    const declared = r.extra.linkTypes.has(t.name);
    return { ...t, roles: t.roles ?? [], properties: (t.properties ?? []).map(propertyInfo(() => declared)), declared };
  });
}

/** The entity types of this installation, from the type registry. */
export function entityTypes() {
  const r = activeRegistry();
  return r.entityTypes.map((t) => {
    const declared = r.extra.entityTypes.has(t.name);
    return { ...t, glyph: t.glyph ?? null, declared, properties: t.properties.map(propertyInfo((p) => declared || r.extra.properties.has(`${t.name}.${p.name}`))) };
  });
}
