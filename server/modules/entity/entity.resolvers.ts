import type { Resolvers } from '../../graphql/resolvers.ts';
import { TYPENAME, type EntityOut } from './entity.mapper.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';
import * as entities from './entity.service.ts';
import { activeRegistry } from '../../model/registry/registry.ts';

/** The fields every entity type loads lazily; the stored properties resolve by default. */
const entityFields = {
  sources: (parent: EntityOut, _args: unknown, ctx: Parameters<typeof entities.sources>[0]) => entities.entitySources(ctx, parent),
  annotations: (parent: EntityOut, _args: unknown, ctx: Parameters<typeof entities.annotations>[0]) => entities.annotations(ctx, parent.id),
  links: (parent: EntityOut, args: entities.LinksArgs, ctx: Parameters<typeof entities.links>[0]) => entities.links(ctx, parent.id, args),
};

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Entity: {
    // A type a types file declares has a typename the generated union does not list.
    __resolveType: (parent) => TYPENAME[(parent as EntityOut).type] as never,
  },
  ...(Object.fromEntries(Object.values(TYPENAME).map((name) => [name, entityFields])) as Resolvers),
  Link: {
    source: (parent, _args, ctx) => entities.linkEnd(ctx, parent, 'source'),
    target: (parent, _args, ctx) => entities.linkEnd(ctx, parent, 'target'),
    sources: (parent, _args, ctx) => entities.linkSources(ctx, parent),
    annotations: (parent, _args, ctx) => entities.linkAnnotations(ctx, parent),
    properties: (parent) => parent.properties ?? [],
  },
  Query: {
    entity: (_root, args, ctx) => entities.entity(ctx, args.id),
    entities: (_root, args, ctx) => entities.entities(ctx, args.ids),
    link: (_root, args, ctx) => entities.link(ctx, args.id),
    linkTypes: () => entities.linkTypes(),
    entityTypes: () => entities.entityTypes(),
  },
};

/** Resolvers of the entity types this installation's types file declares (added when the schema is built). */
export function declaredTypeResolvers(): Resolvers {
  const r = activeRegistry();
  return Object.fromEntries(r.entityTypes.filter((t) => r.extra.entityTypes.has(t.name)).map((t) => [t.label, entityFields])) as Resolvers;
}
