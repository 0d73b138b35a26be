import { defineConfig } from 'vitest/config';
import IntegrationShuffle from './server/testing/sequencer.ts';

/** Integration suites that read the whole graph and compare: run alone (project integration-alone). */
const ALONE = ['server/modules/scores/scores.int.test.ts'];

// Three tiers (docs/testing.md): unit tests beside the code; integration tests (*.int.test.ts)
// against a real Neo4j started once per run (or NEO4J_URI); browser tests in e2e/ driving
// Debian's Chromium against the built app.
export default defineConfig({
  test: {
    // In CI a JSON report lets .ci/run print one 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'tmp/vitest-report.json' }]] : ['default'],
    // The integration suites run in a new order each run; the seed is printed, and
    // `--sequence.seed=N` replays an order (server/testing/sequencer.ts).
    sequence: { sequencer: IntegrationShuffle },
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
        test: {
          name: 'integration',
          include: ['{server,client,seed,neo4j,bench}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**', ...ALONE],
          globalSetup: ['server/testing/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // One Neo4j for the run; suites use their own data and read only the demo, which no
          // suite writes, so files run two at a time in a shuffled order (the sequencer above;
          // docs/decisions/0003-one-neo4j-per-test-run.md).
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          // Suites that compare whole-graph results (kept against computed) while nothing else
          // writes: run after the others, one file at a time.
          name: 'integration-alone',
          include: ALONE,
          globalSetup: ['server/testing/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
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
          sequence: { groupOrder: 4 },
        },
      },
    ],
  },
});
