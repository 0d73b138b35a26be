import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'server/modules/**/*.graphql',
  generates: {
    'server/graphql/__generated__/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.ts#Context',
        useIndexSignature: false,
        useTypeImports: true,
        enumsAsTypes: true,
        maybeValue: 'T | null | undefined',
        defaultMapper: 'Partial<{T}>',
        scalars: { ID: 'string', Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};
export default config;
