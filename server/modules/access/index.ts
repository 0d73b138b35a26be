/** The access module's public entry: who may do what (docs/architecture.md: other modules import a module only through its index.ts). */
export { can, capabilities, isRole, purposeOf, requireCan, roleMay, ROLES, scopeFor, type Principal, type Role } from './access.ts';
