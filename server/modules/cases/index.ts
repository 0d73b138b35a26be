/** The cases module's public entry (docs/architecture.md): a case the caller may open, for notes (and alerts, by case id). */
export { requireOpen as requireCaseOpen } from './cases.service.ts';
