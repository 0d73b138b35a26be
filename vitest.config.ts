import { defineConfig } from 'vitest/config';

// Three tiers (docs/testing.md): unit tests beside the code; integration tests (*.int.test.ts)
// against a real Neo4j started once per run (or NEO4J_URI); browser tests in e2e/ driving
// Debian's Chromium against the built app.
export default defineConfig({
  test: {
    // In CI a JSON report lets .ci/run print one 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'tmp/vitest-report.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,client,seed,neo4j,bench}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Suites that judge the pristine demo run one at a time before the suites that write
        // beside it: what each role sees (some writes leave demo facts less shareable:
        // docs/decisions/0003; the role x read-path matrix takes the demo's hidden records and
        // victims as its ground truth), the demo's source files imported over it changing nothing
        // (other suites' imports join demo phones and change their provenance), and where the
        // warm-up starts from (it picks among all the people in the store).
        test: {
          name: 'integration-access',
          include: ['server/modules/auth/access.int.test.ts', 'server/modules/access/matrix.int.test.ts', 'seed/demo/front-door.int.test.ts', 'server/http/warm-up-seeds.int.test.ts'],
          globalSetup: ['server/testing/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{server,client,seed,neo4j,bench}/**/*.int.test.ts'],
          exclude: ['server/modules/auth/access.int.test.ts', 'server/modules/access/matrix.int.test.ts', 'seed/demo/front-door.int.test.ts', 'server/http/warm-up-seeds.int.test.ts', '**/node_modules/**'],
          globalSetup: ['server/testing/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // One Neo4j for the run; suites use their own data, so files may run in parallel.
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['server/testing/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
