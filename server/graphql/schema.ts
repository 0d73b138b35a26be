/**
 * The schema is assembled from the modules' .graphql files, listed here explicitly (order is
 * the order of docs/schema.graphql), and their resolvers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from './resolvers.ts';
import { resolvers as system } from '../modules/system/system.resolvers.ts';
import { resolvers as chart } from '../modules/chart/chart.resolvers.ts';
import { declaredTypeResolvers, resolvers as entity } from '../modules/entity/entity.resolvers.ts';
import { activeRegistry } from '../model/registry/registry.ts';
import { typesSdl } from '../model/registry/sdl.ts';
import { resolvers as search } from '../modules/search/search.resolvers.ts';
import { resolvers as graph } from '../modules/graph/graph.resolvers.ts';
import { resolvers as editing } from '../modules/editing/editing.resolvers.ts';
import { resolvers as auth } from '../modules/auth/auth.resolvers.ts';
import { resolvers as audit } from '../modules/audit/audit.resolvers.ts';
import { resolvers as resolve } from '../modules/resolve/resolve.resolvers.ts';
import { resolvers as imports } from '../modules/import/import.resolvers.ts';
import { resolvers as analytics } from '../modules/analytics/analytics.resolvers.ts';
import { resolvers as risk } from '../modules/risk/risk.resolvers.ts';
import { resolvers as indicators } from '../modules/indicators/indicators.resolvers.ts';
import { resolvers as operations } from '../modules/operations/operations.resolvers.ts';
import { resolvers as snapshot } from '../modules/snapshot/snapshot.resolvers.ts';
import { resolvers as exports } from '../modules/export/export.resolvers.ts';
import { resolvers as scores } from '../modules/scores/scores.resolvers.ts';
import { resolvers as stays } from '../modules/stays/stays.resolvers.ts';
import { resolvers as cases } from '../modules/cases/cases.resolvers.ts';
import { resolvers as alerts } from '../modules/alerts/alerts.resolvers.ts';
import { READ_ONLY_MUTATIONS, requireCan } from '../modules/access/access.ts';
import type { Context } from './context.ts';

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../modules');

export const typeDefFiles = [
  'system/system.graphql',
  'entity/entity.graphql',
  'entity/entity.types.graphql',
  'search/search.graphql',
  'graph/graph.graphql',
  'editing/editing.graphql',
  'chart/chart.graphql',
  'auth/auth.graphql',
  'audit/audit.graphql',
  'resolve/resolve.graphql',
  'import/import.graphql',
  'analytics/analytics.graphql',
  'risk/risk.graphql',
  'indicators/indicators.graphql',
  'operations/operations.graphql',
  'selection/selection.graphql',
  'snapshot/snapshot.graphql',
  'export/export.graphql',
  'scores/scores.graphql',
  'stays/stays.graphql',
  'cases/cases.graphql',
  'alerts/alerts.graphql',
];

const resolverMaps: Resolvers[] = [system, entity, search, graph, editing, chart, auth, audit, analytics, risk, indicators, operations, resolve, imports, snapshot, exports, scores, stays, cases, alerts];

type Resolver = (parent: unknown, args: unknown, ctx: Context, info: unknown) => unknown;

/**
 * Viewers and partners read; every mutation needs the `write` capability (modules/access), but
 * the few the access module lists as READ_ONLY_MUTATIONS (a presence heartbeat).
 * Checked once here, around every Mutation field, so that a new mutation cannot forget it.
 * (Admin-only fields ask for `administer` in their services as well.)
 */
function guardMutations(map: Resolvers): Resolvers {
  const mutation = map.Mutation as Record<string, Resolver> | undefined;
  if (!mutation) return map;
  const guarded = Object.fromEntries(
    Object.entries(mutation).map(([name, fn]) => [
      name,
      (parent: unknown, args: unknown, ctx: Context, info: unknown) => {
        requireCan(ctx.principal, READ_ONLY_MUTATIONS.has(name) ? 'read' : 'write');
        return fn(parent, args, ctx, info);
      },
    ]),
  );
  return { ...map, Mutation: guarded } as Resolvers;
}

/** The modules' SDL, and the types the installation's types file declares (as extensions, from the same generator as the core's). */
export function typeDefs(): string[] {
  const declared = typesSdl(activeRegistry(), 'extra');
  return [...typeDefFiles.map((f) => fs.readFileSync(path.join(modules, f), 'utf8')), ...(declared ? [declared] : [])];
}

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: typeDefs(), resolvers: [...resolverMaps, declaredTypeResolvers()].map(guardMutations) });
}
