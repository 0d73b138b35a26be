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
import { resolvers as entity } from '../modules/entity/entity.resolvers.ts';
import { resolvers as search } from '../modules/search/search.resolvers.ts';
import { resolvers as graph } from '../modules/graph/graph.resolvers.ts';
import { resolvers as editing } from '../modules/editing/editing.resolvers.ts';

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../modules');

export const typeDefFiles = [
  'system/system.graphql',
  'entity/entity.graphql',
  'search/search.graphql',
  'graph/graph.graphql',
  'editing/editing.graphql',
  'chart/chart.graphql',
];

const resolverMaps: Resolvers[] = [system, entity, search, graph, editing, chart];

export function typeDefs(): string[] {
  return typeDefFiles.map((f) => fs.readFileSync(path.join(modules, f), 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: typeDefs(), resolvers: resolverMaps as never });
}
