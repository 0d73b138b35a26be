import type { Config } from '../config/config.ts';
import type { Logger } from '../config/logger.ts';

/** A failure the user can act on: printed as its message alone, exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
}

/** What commands get from the program: configuration and a logger, built on demand. */
export interface CliEnv {
  config(): Config;
  logger(config: Config): Logger;
}
