/**
 * No cycles between modules (docs/architecture.md, decision 0016): server/modules/<name>/ folders
 * form a hierarchy, no module depending, directly or through others, on one that depends on it.
 * Cruised on the modules alone (npm run lint:layers), since folder cycles through the layers
 * above (graphql/, the server's root files) are not module cycles. Type-only imports count too.
 */
import main from './.dependency-cruiser.mjs';

const MODULE_FOLDER = '^server/modules/[^/]+$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycles-between-modules',
      comment: 'A module imports no module that imports it, directly or through others.',
      severity: 'error',
      scope: 'folder',
      // Issue 29 exception: entity <-> editing (chart-projection.ts reads editing's PROPERTIES,
      // editing.input.ts reads entity's mapper); PROPERTIES moves into the type registry and
      // chart-projection.ts is deleted, which removes it. Any other cycle through either is reported.
      from: { path: MODULE_FOLDER, pathNot: '^server/modules/(entity|editing)$' },
      to: { path: MODULE_FOLDER, circular: true },
    },
    {
      name: 'no-cycles-between-modules-issue-29-entity',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/modules/entity$' },
      to: { path: MODULE_FOLDER, pathNot: '^server/modules/editing$', circular: true },
    },
    {
      name: 'no-cycles-between-modules-issue-29-editing',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/modules/editing$' },
      to: { path: MODULE_FOLDER, pathNot: '^server/modules/entity$', circular: true },
    },
  ],
  options: {
    ...main.options,
    exclude: { path: [...main.options.exclude.path, '^(?!server/modules/)'] },
  },
};
