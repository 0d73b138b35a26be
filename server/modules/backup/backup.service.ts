/**
 * Backup and restore of a Lantern with its local Neo4j: a dump of the store (neo4j-admin
 * `database dump`, which Neo4j Community allows only while the database is stopped), the audit
 * checkpoints and any audit spool left, with a manifest that names the key material (where the
 * audit key comes from, and the checkpoints' public key it must match) and the SHA-256 of each
 * file. The key itself is not copied: a backup beside its key could be rewritten with it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config.ts';
import { runNeo4jAdmin, runningLocalNeo4j, type Log } from '../../../neo4j/local.ts';
import { version } from '../../version.ts';
import { auditKeyPlace, loadAuditKey } from '../audit/index.ts';
import { checkpointKeys, readCheckpoints } from '../audit/index.ts';

export class BackupError extends Error {
  override name = 'UserError';
}

export interface Manifest {
  format: 1;
  createdAt: string;
  lanternVersion: string;
  /** Files of the backup (paths relative to it) and their SHA-256. */
  files: Record<string, string>;
  audit: {
    /** Where the audit key came from; the key itself is not in the backup. */
    key: { source: 'environment' | 'file' | 'data-dir'; file?: string | undefined; variable?: string };
    /** The checkpoints' Ed25519 public key, derived from the audit key: restore checks it. */
    checkpointPublicKey: string;
    /** The latest checkpoint in the backup (entry number), if any. */
    latestCheckpoint: number | null;
  };
}

const DUMP = 'neo4j/neo4j.dump';
const CHECKPOINTS = 'audit-checkpoints.jsonl';
const SPOOL = 'audit-spool';

const EXTERNAL = [
  'NEO4J_URI is set: Lantern backs up only the local Neo4j it runs itself.',
  '  For an external Neo4j: stop lantern serve (so that the store and the audit chain stop moving),',
  '  dump the database there (neo4j-admin database dump, or Enterprise online backup), and keep with it',
  '  the file LANTERN_AUDIT_CHECKPOINTS and LANTERN_AUDIT_SPOOL (README, Backup and restore).',
].join('\n');

function home(config: Config): string {
  return path.join(config.dataDir, 'neo4j');
}

function refuseWhileRunning(config: Config, what: string): void {
  if (config.neo4j.uri) throw new BackupError(EXTERNAL);
  const uri = runningLocalNeo4j(home(config));
  if (uri) {
    throw new BackupError(`The local Neo4j is running (${uri}); Neo4j Community can ${what} only a stopped database. Stop lantern serve first, then run this again.`);
  }
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function listFiles(dir: string, under = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(path.join(dir, d.name), path.join(under, d.name)) : [path.join(under, d.name)],
  );
}

async function admin(config: Config, args: string[], log: Log): Promise<void> {
  const lines: string[] = [];
  const code = await runNeo4jAdmin({ home: home(config), args, heap: '512m', log, onLine: (l) => lines.push(l) });
  if (code !== 0) throw new BackupError(`neo4j-admin ${args.slice(0, 2).join(' ')} failed (exit ${code}):\n${lines.slice(-15).join('\n')}`);
}

/** Writes a backup of the stopped local store, its audit checkpoints and spool into `out` (new or empty). */
export async function backup(config: Config, out: string, log: Log): Promise<Manifest> {
  refuseWhileRunning(config, 'be dumped');
  if (!fs.existsSync(path.join(home(config), 'data', 'databases', 'neo4j'))) {
    throw new BackupError(`There is no local Neo4j store in ${home(config)} to back up (LANTERN_DATA_DIR=${config.dataDir}).`);
  }
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new BackupError(`${out} is not empty; give a new or empty directory to --out.`);
  fs.mkdirSync(path.join(out, path.dirname(DUMP)), { recursive: true, mode: 0o700 });
  await admin(config, ['database', 'dump', 'neo4j', `--to-path=${path.resolve(out, path.dirname(DUMP))}`], log);
  if (fs.existsSync(config.auditCheckpoints)) fs.copyFileSync(config.auditCheckpoints, path.join(out, CHECKPOINTS));
  for (const f of listFiles(config.auditSpool).filter((f) => f.startsWith('segment-'))) {
    fs.mkdirSync(path.join(out, SPOOL), { recursive: true });
    fs.copyFileSync(path.join(config.auditSpool, f), path.join(out, SPOOL, f));
  }
  const keys = checkpointKeys(loadAuditKey(config));
  const place = auditKeyPlace(config);
  const checkpoints = readCheckpoints(path.join(out, CHECKPOINTS), keys.publicKey).valid;
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    lanternVersion: version,
    files: Object.fromEntries(listFiles(out).sort().map((f) => [f, sha256(path.join(out, f))])),
    audit: {
      key: place.kind === 'environment' ? { source: 'environment', variable: 'LANTERN_AUDIT_KEY' } : { source: place.kind, file: place.file },
      checkpointPublicKey: keys.publicKeyText,
      latestCheckpoint: checkpoints.length ? Math.max(...checkpoints.map((c) => c.seq)) : null,
    },
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Restores a backup into this LANTERN_DATA_DIR's local Neo4j (replacing its database only with
 * `force`), after checking each file's hash and that the configured audit key is the backup's.
 * Checkpoints already here are kept aside, not lost.
 */
export async function restore(config: Config, from: string, o: { force: boolean }, log: Log): Promise<Manifest> {
  refuseWhileRunning(config, 'load into');
  const manifestFile = path.join(from, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${from} has no manifest.json: not a Lantern backup.`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  for (const [f, hash] of Object.entries(manifest.files)) {
    const file = path.join(from, f);
    if (!fs.existsSync(file)) throw new BackupError(`The backup is incomplete: ${f} is missing.`);
    if (sha256(file) !== hash) throw new BackupError(`The backup's ${f} does not match its SHA-256 in manifest.json: it was changed or damaged.`);
  }
  const keys = checkpointKeys(loadAuditKey(config));
  if (keys.publicKeyText !== manifest.audit.checkpointPublicKey) {
    const named = manifest.audit.key.variable ?? manifest.audit.key.file;
    throw new BackupError(`The audit key configured here is not the key of this backup's chain (it came from ${named}). Set LANTERN_AUDIT_KEY or LANTERN_AUDIT_KEY_FILE to that key, then restore.`);
  }
  if (fs.existsSync(path.join(home(config), 'data', 'databases', 'neo4j')) && !o.force) {
    throw new BackupError(`${home(config)} already holds a database; restoring replaces it. Run again with --force to replace it.`);
  }
  fs.mkdirSync(home(config), { recursive: true });
  await admin(config, ['database', 'load', 'neo4j', `--from-path=${path.resolve(from, path.dirname(DUMP))}`, '--overwrite-destination=true'], log);
  if (manifest.files[CHECKPOINTS]) {
    if (fs.existsSync(config.auditCheckpoints)) fs.renameSync(config.auditCheckpoints, `${config.auditCheckpoints}.before-restore-${Date.now()}`);
    fs.mkdirSync(path.dirname(config.auditCheckpoints), { recursive: true });
    fs.copyFileSync(path.join(from, CHECKPOINTS), config.auditCheckpoints);
  }
  for (const f of Object.keys(manifest.files).filter((k) => k.startsWith(`${SPOOL}${path.sep}`))) {
    fs.mkdirSync(config.auditSpool, { recursive: true });
    fs.copyFileSync(path.join(from, f), path.join(config.auditSpool, path.basename(f)));
  }
  return manifest;
}
