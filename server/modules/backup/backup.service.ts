/**
 * Backup and restore (decision 0025): a logical dump of the whole store (every node and
 * relationship with its labels, type and typed properties, and the schema), taken while this
 * Lantern holds its writes back (db/write-gate.ts), so that it works against a running server and
 * any Neo4j, local or external. With it: the audit checkpoints, the audit spool's segments
 * and a manifest that names the key material (where the audit key comes from, and the
 * checkpoints' public key it must match) and the SHA-256 of each file. The key itself is not
 * copied: a backup beside its key could be rewritten with it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Config } from '../../config/config.ts';
import type { Gateway } from '../../db/gateway.ts';
import { cypher } from '../../db/cypher.ts';
import { version } from '../../version.ts';
import { auditKeyPlace, loadAuditKey } from '../audit/index.ts';
import { checkpointKeys, readCheckpoints } from '../audit/index.ts';
import { decode, encode } from './backup.codec.ts';

export class BackupError extends Error {
  override name = 'UserError';
}

export interface Manifest {
  format: 2;
  createdAt: string;
  lanternVersion: string;
  /** The moment writes were held and drained: every write answered before it is in the backup. */
  cutAt: string;
  /** How long writes were held back (ms), and how many were under way when the backup began. */
  heldMs: number;
  writesDrained: number;
  store: { nodes: number; relationships: number; constraints: number; indexes: number };
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

const NODES = 'store/nodes.jsonl';
const RELATIONSHIPS = 'store/relationships.jsonl';
const SCHEMA = 'store/schema.json';
const CHECKPOINTS = 'audit-checkpoints.jsonl';
const SPOOL = 'audit-spool';
/** How long a backup waits for writes under way to finish before it gives up (and lets them on). */
const DRAIN_MS = 30_000;
const BATCH = 2_000;

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function listFiles(dir: string, under = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(path.join(dir, d.name), path.join(under, d.name)) : [path.join(under, d.name)],
  );
}

/** Lines written through a 1 MB buffer and fsynced at the end. */
class LineFile {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;
  lines = 0;
  constructor(file: string) {
    this.fd = fs.openSync(file, 'wx', 0o600);
  }
  add(value: unknown): void {
    const line = `${JSON.stringify(value)}\n`;
    this.chunks.push(line);
    this.size += line.length;
    this.lines += 1;
    if (this.size > 1 << 20) this.drain();
  }
  private drain(): void {
    fs.writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
  close(): void {
    this.drain();
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }
}

function encodeProps(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, encode(v)]));
}

function decodeProps(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, decode(v as never)]));
}

/**
 * Writes a backup of the store behind `gateway`, its audit checkpoints and spool into `out` (new
 * or empty). Writes through this gateway wait while the store is read; reads go on.
 */
export async function backup(config: Config, gateway: Gateway, out: string, o: { checkpoint?: () => Promise<void> } = {}): Promise<Manifest> {
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new BackupError(`${out} is not empty; give a new or empty directory to --out.`);
  const keys = checkpointKeys(loadAuditKey(config));
  fs.mkdirSync(path.join(out, 'store'), { recursive: true, mode: 0o700 });
  const writesDrained = gateway.gate.writing;
  const started = Date.now();
  let cutAt = '';
  let heldMs = 0;
  const schema = { constraints: [] as string[], indexes: [] as string[] };
  const nodes = new LineFile(path.join(out, NODES));
  const relationships = new LineFile(path.join(out, RELATIONSHIPS));
  try {
    // The schema changes only with migrations, at start: read before writes are held.
    await gateway.readRaw(['backup/constraints', 'backup/indexes'], (name, r) => {
      (name === 'backup/constraints' ? schema.constraints : schema.indexes).push(String(r.statement));
    });
    await gateway.gate.hold(DRAIN_MS, async () => {
      const held = Date.now();
      cutAt = new Date(held).toISOString();
      // Nothing writes now: the spool's segments hold every answered audit record not yet in the
      // chain, and the checkpoints name no entry past the chain's head. The server checkpoints
      // the last entry it appended, so that the backup's chain is anchored up to its end.
      await o.checkpoint?.();
      if (fs.existsSync(config.auditCheckpoints)) fs.copyFileSync(config.auditCheckpoints, path.join(out, CHECKPOINTS));
      for (const f of listFiles(config.auditSpool).filter((f) => f.startsWith('segment-'))) {
        fs.mkdirSync(path.join(out, SPOOL), { recursive: true });
        try {
          fs.copyFileSync(path.join(config.auditSpool, f), path.join(out, SPOOL, f));
        } catch (e) {
          // Deleted meanwhile: its batch was committed to the chain just before the cut.
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
      }
      await gateway.readRaw(['backup/nodes', 'backup/relationships'], (name, r) => {
        if (name === 'backup/nodes') nodes.add([r.id, r.labels, encodeProps(r.props as Record<string, unknown>)]);
        else relationships.add([r.start, r.end, r.type, encodeProps(r.props as Record<string, unknown>)]);
      });
      heldMs = Date.now() - held;
    });
  } catch (e) {
    nodes.close();
    relationships.close();
    // Nothing half-made is left to be taken for a backup (and --out can be given again).
    for (const f of ['store', CHECKPOINTS, SPOOL]) fs.rmSync(path.join(out, f), { recursive: true, force: true });
    throw e;
  }
  nodes.close();
  relationships.close();
  fs.writeFileSync(path.join(out, SCHEMA), `${JSON.stringify(schema, null, 2)}\n`, { mode: 0o600 });
  const place = auditKeyPlace(config);
  const checkpoints = readCheckpoints(path.join(out, CHECKPOINTS), keys.publicKey).valid;
  const manifest: Manifest = {
    format: 2,
    createdAt: new Date(started).toISOString(),
    lanternVersion: version,
    cutAt,
    heldMs,
    writesDrained,
    store: { nodes: nodes.lines, relationships: relationships.lines, constraints: schema.constraints.length, indexes: schema.indexes.length },
    files: Object.fromEntries(listFiles(out).sort().map((f) => [f, sha256(path.join(out, f))])),
    audit: {
      key: place.kind === 'environment' ? { source: 'environment', variable: 'LANTERN_AUDIT_KEY' } : { source: place.kind, file: place.file },
      checkpointPublicKey: keys.publicKeyText,
      latestCheckpoint: checkpoints.length ? Math.max(...checkpoints.map((c) => c.seq)) : null,
    },
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Reads a backup's manifest and checks each file's hash and that the configured audit key is the backup's. */
export function checkBackup(config: Config, from: string): Manifest {
  const manifestFile = path.join(from, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${from} has no manifest.json: not a Lantern backup.`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  if (manifest.format !== 2) throw new BackupError(`${from} is a backup of format ${String(manifest.format)}; this Lantern restores format 2 (made by lantern backup since decision 0025).`);
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
  return manifest;
}

async function eachBatch(file: string, work: (rows: unknown[][]) => Promise<void>): Promise<void> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let batch: unknown[][] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as unknown[]);
    if (batch.length >= BATCH) {
      await work(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await work(batch);
}

/** `CREATE INDEX name FOR ...` as `CREATE INDEX name IF NOT EXISTS FOR ...`: a schema this Lantern's migrations made already is kept. */
export function ifNotExists(statement: string): string {
  return statement.replace(/^(CREATE\s+(?:\w+\s+)*?(?:CONSTRAINT|INDEX)\s+(?:`(?:[^`]|``)*`|\w+))(?!\s+IF NOT EXISTS)/i, '$1 IF NOT EXISTS');
}

/**
 * Loads a checked backup into the database behind `gateway` (empty, or emptied first with
 * `force`), then puts its checkpoints and spool in this LANTERN_DATA_DIR's places. Checkpoints
 * already here are kept aside, not lost. Nothing else may use the database meanwhile.
 */
export async function restore(config: Config, gateway: Gateway, from: string, manifest: Manifest, o: { force: boolean }): Promise<void> {
  const [{ nodes: present }] = (await gateway.read('backup/count-nodes')) as [{ nodes: number }];
  if (present > 0 && !o.force) {
    throw new BackupError(`The database already holds ${present} nodes; restoring replaces them. Run again with --force to replace them.`);
  }
  if (present > 0) await gateway.runScript(cypher('backup/delete-all'));
  const schema = JSON.parse(fs.readFileSync(path.join(from, SCHEMA), 'utf8')) as { constraints: string[]; indexes: string[] };
  for (const s of [...schema.constraints, ...schema.indexes]) await gateway.runScript(ifNotExists(s));
  await gateway.runScript(cypher('backup/restore-index'));
  await gateway.runScript('CALL db.awaitIndexes(300)');
  await eachBatch(path.join(from, NODES), async (rows) => {
    await gateway.writeRaw('backup/load-nodes', { rows: rows.map(([id, labels, props]) => ({ id, labels, props: decodeProps(props as Record<string, unknown>) })) });
  });
  await eachBatch(path.join(from, RELATIONSHIPS), async (rows) => {
    await gateway.writeRaw('backup/load-relationships', { rows: rows.map(([start, end, type, props]) => ({ start, end, type, props: decodeProps(props as Record<string, unknown>) })) });
  });
  await gateway.runScript(cypher('backup/restore-done'));
  await gateway.runScript(cypher('backup/drop-restore-index'));
  const [counts] = (await gateway.read('backup/count')) as [{ nodes: number; relationships: number }];
  if (counts.nodes !== manifest.store.nodes || counts.relationships !== manifest.store.relationships) {
    throw new BackupError(`The restored store has ${counts.nodes} nodes and ${counts.relationships} relationships; the backup has ${manifest.store.nodes} and ${manifest.store.relationships}. Was the database used while restoring?`);
  }
  if (manifest.files[CHECKPOINTS]) {
    if (fs.existsSync(config.auditCheckpoints)) fs.renameSync(config.auditCheckpoints, `${config.auditCheckpoints}.before-restore-${Date.now()}`);
    fs.mkdirSync(path.dirname(config.auditCheckpoints), { recursive: true });
    fs.copyFileSync(path.join(from, CHECKPOINTS), config.auditCheckpoints);
  }
  for (const f of Object.keys(manifest.files).filter((k) => k.startsWith(`${SPOOL}${path.sep}`))) {
    fs.mkdirSync(config.auditSpool, { recursive: true });
    fs.copyFileSync(path.join(from, f), path.join(config.auditSpool, path.basename(f)));
  }
}
