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
      from: { path: MODULE_FOLDER },
      to: { path: MODULE_FOLDER, circular: true },
    },
  ],
  options: {
    ...main.options,
    exclude: { path: [...main.options.exclude.path, '^(?!server/modules/)'] },
  },
};
