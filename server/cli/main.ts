/**
 * The `lantern` command line. Each command exits non-zero with a clear message on bad input.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config/config.ts';
import { createLogger } from '../config/logger.ts';
import { version } from '../version.ts';
import { installTypes } from '../model/model.ts';
import { registryFromTypesFile } from '../model/registry/deployment.ts';
import { useAnalyticsEngine } from '../modules/analytics/index.ts';
import { registerServe } from './serve.command.ts';
import { registerSchema } from './schema.command.ts';
import { registerNeo4j } from './neo4j.command.ts';
import { registerSeed } from './seed.command.ts';
import { registerAudit } from './audit.command.ts';
import { registerTokens } from './token.command.ts';
import { registerImport } from './import.command.ts';
import { registerResolve } from './resolve.command.ts';
import { registerExport } from './export.command.ts';
import { registerSnapshot } from './snapshot.command.ts';
import { registerBackup } from './backup.command.ts';
import { registerAnalyse } from './analyse.command.ts';
import { registerGeocode } from './geocode.command.ts';
import type { CliEnv } from './cli-env.ts';

export { UserError, type CliEnv } from './cli-env.ts';

let types: string | undefined | null = null;

/**
 * The configuration, with the installation's types (LANTERN_TYPES) installed into the model the
 * first time, and the whole-graph analytics' engine (LANTERN_ANALYTICS_ENGINE) set.
 */
function config() {
  const c = loadConfig();
  useAnalyticsEngine(c.analyticsEngine);
  if (types === null) {
    if (c.typesFile) installTypes(registryFromTypesFile(c.typesFile));
    types = c.typesFile;
  }
  return c;
}

const env: CliEnv = {
  config,
  logger: (config) => createLogger(config),
};

const program = new Command()
  .name('lantern')
  .description('Lantern: intelligence link analysis for modern slavery and human trafficking investigations.')
  .version(version)
  .showHelpAfterError()
  .exitOverride()
  // The installation's types before any command reads a mapping or builds the schema.
  .hook('preAction', () => {
    if (process.env.LANTERN_TYPES) config();
  });

registerServe(program, env);
registerSchema(program, env);
registerNeo4j(program, env);
registerSeed(program, env);
registerAudit(program, env);
registerTokens(program, env);
registerImport(program, env);
registerResolve(program, env);
registerExport(program, env);
registerSnapshot(program, env);
registerBackup(program, env);
registerAnalyse(program, env);
registerGeocode(program, env);

const userErrors = new Set(['RegistryError', 'ConfigError', 'UserError', 'LocalNeo4jError', 'DatabaseUnreachable', 'StartupError']);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  if (e instanceof ConfigError || (e instanceof Error && userErrors.has(e.name))) {
    process.stderr.write(`lantern: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
