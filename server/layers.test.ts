/**
 * The layer map's rules (.dependency-cruiser.mjs, docs/architecture.md) run on a small tree of
 * deliberate violations beside allowed imports: each violation is reported under its rule, and
 * nothing else is. `npm run lint:layers` runs the same rules on the real tree.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';

/** The repository's own configurations, as `npm run lint:layers` reads them. */
const configuration = async (file: string) => ((await import(pathToFileURL(path.resolve(file)).href)) as { default: IConfiguration }).default;
const layers = await configuration('.dependency-cruiser.mjs');
const moduleCycles = await configuration('.dependency-cruiser.modules.mjs');

const TREE: Record<string, string> = {
  // Allowed: the kernel imports the kernel and npm packages; db imports the kernel; a module
  // imports the db and another module's index.ts; the client imports the kernel; graphql
  // imports modules; a module names the GraphQL context in a type-only import.
  'server/model/model.ts': "export const TYPES = ['PERSON'];\n",
  'server/kernel/filters.ts': "import { TYPES } from '../model/model.ts';\nimport { GraphQLError } from 'graphql';\nexport const hidden = [...TYPES, GraphQLError.name];\n",
  'server/db/gateway.ts': "import { TYPES } from '../model/model.ts';\nexport const read = () => TYPES;\n",
  'server/graphql/context.ts': "export interface Context { user: string }\n",
  'server/modules/people/index.ts': "export { person } from './people.service.ts';\n",
  'server/modules/people/people.service.ts':
    "import type { Context } from '../../graphql/context.ts';\nimport { read } from '../../db/gateway.ts';\nimport { place } from '../places/index.ts';\nexport const person = (c: Context) => [c.user, read(), place];\n",
  'server/modules/places/index.ts': "export { place } from './places.service.ts';\n",
  'server/modules/places/places.service.ts': "export const place = 'somewhere';\n",
  'server/graphql/schema.ts': "import { person } from '../modules/people/index.ts';\nexport const schema = [person];\n",
  'client/src/chart.ts': "import { hidden } from '../../server/kernel/filters.ts';\nexport const chart = hidden;\n",

  // Violations, one per rule.
  'server/db/store.ts': "import { person } from '../modules/people/index.ts';\nexport const q = person;\n",
  'server/db/cypher.ts': "import { place } from '../modules/places/index.ts';\nexport const q = place;\n",
  'server/kernel/documents.ts': "import { read } from '../db/gateway.ts';\nexport const d = read;\n",
  'server/http/warm-up.ts': "import { chart } from '../../client/src/chart.ts';\nexport const w = chart;\n",
  'server/testing/harness.ts': "export const harness = 1;\n",
  'server/http/app.ts': "import { harness } from '../testing/harness.ts';\nexport const app = harness;\n",
  'client/src/briefing.ts': "import { place } from '../../server/modules/places/places.service.ts';\nexport const b = place;\n",
  'server/modules/export/index.ts': "export { exported } from './export.service.ts';\n",
  'server/modules/export/export.service.ts':
    "import { place } from '../places/places.service.ts';\nimport { schema } from '../../graphql/schema.ts';\nexport const exported = [place, schema];\n",
  // A cycle between modules, each through the other's public entry.
  'server/modules/audit/index.ts': "export { log } from './audit.service.ts';\n",
  'server/modules/audit/audit.service.ts': "import { signIn } from '../auth/index.ts';\nexport const log = () => signIn;\n",
  'server/modules/auth/index.ts': "export { signIn } from './auth.service.ts';\n",
  'server/modules/auth/auth.service.ts': "import { log } from '../audit/index.ts';\nexport const signIn = () => log;\n",
};

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-layers-'));
  for (const [file, text] of Object.entries(TREE)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  // npm packages resolve as in the repository.
  fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs a configuration's rules on the tree as depcruise would, paths relative to the tree's root. */
async function violations(config: IConfiguration, paths: string[]): Promise<string[]> {
  const { tsConfig: _tsConfig, ...options } = config.options ?? {};
  const { output } = await cruise(paths, { ...options, baseDir: root, validate: true, ruleSet: { forbidden: config.forbidden ?? [] }, outputType: 'json' });
  const result = JSON.parse(String(output)) as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('the layer map', () => {
  it('reports each deliberate violation under its rule and passes the allowed imports', async () => {
    expect(await violations(layers, ['server', 'client'])).toEqual([
      'client-imports-only-kernel: client/src/briefing.ts -> server/modules/places/places.service.ts',
      'db-imports-no-feature-module: server/db/cypher.ts -> server/modules/places/index.ts',
      'db-imports-no-feature-module: server/db/store.ts -> server/modules/people/index.ts',
      'kernel-imports-only-kernel: server/kernel/documents.ts -> server/db/gateway.ts',
      'module-through-public-entry: server/modules/export/export.service.ts -> server/modules/places/places.service.ts',
      'modules-import-graphql-types-only: server/modules/export/export.service.ts -> server/graphql/schema.ts',
      'no-runtime-cycles: server/modules/audit/audit.service.ts -> server/modules/auth/index.ts',
      'production-code-imports-no-test-harness: server/http/app.ts -> server/testing/harness.ts',
      'server-never-imports-client: server/http/warm-up.ts -> client/src/chart.ts',
    ]);
  });

  it('reports a cycle between two modules, even through their public entries', async () => {
    expect(await violations(moduleCycles, ['server/modules'])).toEqual([
      'no-cycles-between-modules: server/modules/audit -> server/modules/auth',
      'no-cycles-between-modules: server/modules/auth -> server/modules/audit',
    ]);
  });
});
