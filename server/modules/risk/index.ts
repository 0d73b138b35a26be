/** The risk module's public entry (docs/architecture.md). */
export { allProfiles, asOfArg } from './risk.service.ts';
export { parseRulesFile } from './rules-file.ts';
