/** The audit module's public entry (docs/architecture.md): the log other modules append to, and the checkpoint and key a backup carries. */
export type { AuditLog } from './audit.service.ts';
export { checkpointKeys, readCheckpoints } from './audit.checkpoint.ts';
export { auditKeyPlace, loadAuditKey } from './audit.key.ts';
