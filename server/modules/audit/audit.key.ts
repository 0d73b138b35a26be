/**
 * The audit chain's key. LANTERN_AUDIT_KEY when set (required when several Lantern instances
 * share one Neo4j, so that they chain with the same key); else the file LANTERN_AUDIT_KEY_FILE
 * (made on first use, readable by its owner only), which belongs outside the data directory;
 * else a key file made in LANTERN_DATA_DIR/audit.key, beside the data, where whoever can copy the
 * data can also rewrite the chain (serve warns about it in production).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../config/logger.ts';

export interface AuditKeySource {
  auditKey: string | undefined;
  auditKeyFile?: string | undefined;
  dataDir: string;
}

/** Where the key comes from: the environment, a key file outside the data, or one beside the data. */
export function auditKeyPlace(o: AuditKeySource): { kind: 'environment' | 'file' | 'data-dir'; file?: string } {
  if (o.auditKey) return { kind: 'environment' };
  const file = path.resolve(o.auditKeyFile ?? path.join(o.dataDir, 'audit.key'));
  const data = path.resolve(o.dataDir) + path.sep;
  return { kind: file.startsWith(data) ? 'data-dir' : 'file', file };
}

export function loadAuditKey(o: AuditKeySource): Buffer {
  if (o.auditKey) return Buffer.from(o.auditKey, 'utf8');
  const file = auditKeyPlace(o).file!;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < 32) throw new Error(`The audit key file ${file} holds fewer than 32 characters; put a long random key in it (e.g. openssl rand -hex 32)`);
  return Buffer.from(text, 'utf8');
}

/**
 * Start-up warning, loud in production: a key kept beside the data lets whoever copies the data
 * directory rewrite the chain so that it verifies; checkpoints beside it can be rewound with it.
 */
export function warnAboutAuditKey(o: AuditKeySource & { development: boolean; auditCheckpoints: string }, log: Logger): void {
  if (o.development) return;
  const place = auditKeyPlace(o);
  const data = path.resolve(o.dataDir) + path.sep;
  if (place.kind === 'data-dir') {
    log.warn(
      { keyFile: place.file },
      `SECURITY: the audit chain's key is stored beside the data (${place.file}). Whoever can read the data directory can rewrite the audit log so that it verifies. Set LANTERN_AUDIT_KEY, or LANTERN_AUDIT_KEY_FILE to a file outside ${o.dataDir}.`,
    );
  }
  if (path.resolve(o.auditCheckpoints).startsWith(data)) {
    log.warn(
      { checkpoints: o.auditCheckpoints },
      `SECURITY: the audit checkpoints are written beside the data (${o.auditCheckpoints}). Set LANTERN_AUDIT_CHECKPOINTS to an append-only file on another disk or host (docs/security.md).`,
    );
  }
}
