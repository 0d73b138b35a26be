import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { ID: 'string', Date: 'string', DateTime: 'string', JSON: 'unknown' };

const config: CodegenConfig = {
  schema: 'server/modules/**/*.graphql',
  // Documents are read from `graphql(...)` calls only; the workspace's `gql()` sends them.
  pluckConfig: { globalGqlIdentifierName: ['graphql'], gqlMagicComment: 'graphql', modules: [] },
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
        // What the services return where it differs from the schema's type: fields resolved
        // when asked for (a link's ends, a hit's graph, evidence's sources), type names the
        // types file adds at run time.
        mappers: {
          Link: '../../modules/entity/entity.service.ts#LinkOut',
          LinkTypeInfo: '../../modules/entity/entity.service.ts#LinkTypeInfoOut',
          EntityTypeInfo: '../../modules/entity/entity.service.ts#EntityTypeInfoOut',
          IndicatorHit: '../../modules/indicators/indicators.service.ts#HitOut',
          IndicatorEvidence: '../../modules/indicators/indicators.service.ts#HitEvidenceOut',
          RiskFactorEvidence: '../../modules/risk/risk.service.ts#RiskEvidenceOut',
          FlaggedEntity: '../../modules/indicators/indicators.service.ts#FlaggedOut',
          MatchDecision: '../../modules/resolve/resolve.service.ts#MatchDecision as MatchDecisionOut',
          Alert: '../../modules/alerts/alerts.repository.ts#AlertRow',
          ResolvedCluster: '../../modules/resolve/resolve.service.ts#ResolvedCluster as ResolvedClusterOut',
        },
        scalars,
      },
    },
    // The workspace's operations, typed from their documents (the shared kernel's and the
    // workspace's own): `graphql()` gives each document its result and variable types.
    'server/kernel/__generated__/': {
      documents: ['server/kernel/**/*.ts', 'client/src/**/*.{ts,tsx}', '!**/*.test.{ts,tsx}', '!server/kernel/__generated__/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        importExtension: '.ts',
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars,
      },
    },
  },
};
export default config;
