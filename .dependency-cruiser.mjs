/**
 * The layer map, enforced (docs/architecture.md, decision 0016). `npm run lint:layers` runs it
 * (and `npm run lint` runs that); server/layers.test.ts shows a deliberate violation failing it.
 *
 *   kernel   server/model/, server/kernel/          imports nothing of the project outside the kernel
 *   base     server/errors.ts, version.ts, config/, neo4j/
 *   db       server/db/                             kernel, base
 *   modules  server/modules/<name>/                 kernel, base, db; another module only through its index.ts
 *   api      server/graphql/, http/, cli/, serve.ts  anything on the server side
 *   client   client/                                kernel only, of the server side
 *
 * No cycles between modules: .dependency-cruiser.modules.mjs, on the modules alone.
 *
 * Tests (*.test.ts) are outside the map: a test may reach whatever it checks, the workspace's
 * own code included. Tools (seed/, bench/, e2e/) sit above it; of the server only cli/ and
 * testing/ may use them.
 */

const KERNEL = '^server/(model|kernel)/';
const MODULE = '^server/modules/[^/]+/';

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'kernel-imports-only-kernel',
      comment: 'The shared kernel (server/model, server/kernel) is imported by both sides, so it imports nothing of the project outside itself (npm packages are fine).',
      severity: 'error',
      from: { path: KERNEL },
      to: { pathNot: [KERNEL, 'node_modules'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'server-never-imports-client',
      comment: 'What both sides need goes into the shared kernel (server/kernel), not into client/.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'client-imports-only-kernel',
      comment: 'Of the server side the workspace imports only the shared kernel (server/model, server/kernel).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(server|seed|bench|neo4j|cypher)/', pathNot: KERNEL },
    },
    {
      name: 'base-imports-no-layer-above',
      comment: 'errors.ts, version.ts, config/ and neo4j/ sit under db and modules.',
      severity: 'error',
      from: { path: '^(server/(errors|version)\\.ts$|server/config/|neo4j/)' },
      to: { path: '^server/(db|modules|graphql|http|cli|testing)/' },
    },
    {
      name: 'db-imports-no-feature-module',
      comment: 'server/db is below the modules: it imports the kernel and the base, never a module, the API layers or the test harness.',
      severity: 'error',
      from: { path: '^server/db/' },
      to: { path: '^server/(modules|graphql|http|cli|testing)/' },
    },
    {
      name: 'modules-import-no-api-layer',
      comment: 'A module is called by graphql/, http/ and cli/, never the other way. It may name the GraphQL contract\'s types (graphql/context.ts, graphql/resolvers.ts) in type-only imports.',
      severity: 'error',
      from: { path: MODULE },
      to: { path: '^server/(http|cli)/|^server/serve\\.ts$' },
    },
    {
      name: 'modules-import-graphql-types-only',
      comment: 'A module may import only types from server/graphql/ (Context, Resolvers): the schema and the server are built from the modules, not the other way.',
      severity: 'error',
      from: { path: MODULE },
      to: { path: '^server/graphql/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'module-through-public-entry',
      comment: "A module imports another module only through that module's index.ts, its public entry; the other files are its internals.",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: MODULE, pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-runtime-cycles',
      comment: 'No file imports itself through others at run time (type-only cycles are harmless).',
      severity: 'error',
      from: { path: '^(server|client)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'production-code-imports-no-test-harness',
      comment: 'server/testing/ (harness, fixtures, test and bench statements) is for tests and tools; no server code imports it.',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/testing/' },
      to: { path: '^server/testing/' },
    },
    {
      name: 'server-uses-tools-only-from-cli-and-testing',
      comment: 'seed/, bench/ and e2e/ are tools above the server; only the CLI (lantern seed, serve --demo) and the test harness call into them.',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/(cli|testing)/' },
      to: { path: '^(seed|bench|e2e)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.tsx?$', '__generated__/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};

export default config;
