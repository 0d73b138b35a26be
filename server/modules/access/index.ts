/** The access module's public entry: who may do what (docs/architecture.md: other modules import a module only through its index.ts). */
export {
  accountOf, can, capabilities, caseDecision, CASE_ROLES, chartRight, concealsRefused, isRole, purposeOf, READ_ONLY_MUTATIONS, requireCan, requireCase, requireChart, roleMay, ROLES, scopeFor,
  type CaseFacts, type CaseRight, type CaseRole, type ChartFacts, type ChartRight, type Principal, type Role, type ShareMode,
} from './access.ts';
