/** Resolver types, generated from the schema by GraphQL Code Generator (npm run codegen). */
export type { Resolvers } from './__generated__/resolvers.ts';
