/** The risk module's public entry (docs/architecture.md). */
export { allProfiles, asOfArg, today } from './risk.service.ts';
export { parseRulesFile } from './rules-file.ts';
export { riskRules, rulesVersion } from './rules.ts';
export { profile, type PersonRow, type Profile } from './score.ts';
export { allEvidence, evidenceOf } from './risk.repository.ts';
