/**
 * The audit chain's key. LANTERN_AUDIT_KEY when set (required when several Lantern instances
 * share one Neo4j, so that they chain with the same key); otherwise a random key made on
 * first use in LANTERN_DATA_DIR/audit.key, readable by its owner only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function loadAuditKey(o: { auditKey: string | undefined; dataDir: string }): Buffer {
  if (o.auditKey) return Buffer.from(o.auditKey, 'utf8');
  const file = path.join(o.dataDir, 'audit.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(o.dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
}
