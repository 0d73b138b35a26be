/**
 * Checkpoints of the audit chain, kept outside the database: each is a line of JSON
 * `{seq, hash, at, key, sig}` appended (and fsynced) to LANTERN_AUDIT_CHECKPOINTS, signed with
 * Ed25519 so that anyone holding the public key can check a checkpoint without any secret
 * (decision 0012). The signing key is derived from the chain key, so no more key material has to
 * be kept. Verification compares the chain with every checkpoint: an entry whose hash differs
 * from a checkpoint's (rewritten, even with the key), or a chain that ends before the latest
 * checkpoint (truncated, emptied), is reported.
 */
import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson } from './audit.chain.ts';

/** A point the chain passed: entry `seq` had hash `hash`, seen at `at`. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** The signer's Ed25519 public key, raw, base64url. */
  key: string;
  /** Ed25519 signature of the canonical JSON of {seq, hash, at}, base64url. */
  sig: string;
}

export interface CheckpointKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw public key, base64url: what an auditor keeps to check checkpoints on their own. */
  publicKeyText: string;
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
// SubjectPublicKeyInfo wrapping of a raw 32-byte Ed25519 public key.
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

/** The checkpoint signing key pair, derived (HKDF-SHA256) from the chain key. */
export function checkpointKeys(chainKey: Buffer): CheckpointKeys {
  const seed = Buffer.from(hkdfSync('sha256', chainKey, Buffer.alloc(0), 'lantern audit checkpoints', 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length);
  return { privateKey, publicKey, publicKeyText: raw.toString('base64url') };
}

/** A public key given as text (base64url of the raw 32 bytes), for checking without the chain key. */
export function publicKeyFromText(text: string): KeyObject {
  const raw = Buffer.from(text, 'base64url');
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes (43 characters of base64url)');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
}

const message = (c: Checkpoint) => Buffer.from(canonicalJson({ seq: c.seq, hash: c.hash, at: c.at }));

export function signCheckpoint(keys: CheckpointKeys, c: Checkpoint): SignedCheckpoint {
  return { seq: c.seq, hash: c.hash, at: c.at, key: keys.publicKeyText, sig: sign(null, message(c), keys.privateKey).toString('base64url') };
}

export function checkpointSignatureValid(publicKey: KeyObject, c: SignedCheckpoint): boolean {
  try {
    return verify(null, message(c), publicKey, Buffer.from(c.sig, 'base64url'));
  } catch {
    return false;
  }
}

export interface CheckpointRead {
  /** Checkpoints whose signature verifies, in file order. */
  valid: SignedCheckpoint[];
  /** What is wrong with the file: unreadable lines, bad signatures. */
  problems: string[];
}

/**
 * The append-only file of checkpoints. Each write is one line appended with O_APPEND and
 * fsynced before it is reported written.
 */
export class CheckpointFile {
  constructor(
    readonly file: string,
    private readonly keys: CheckpointKeys,
  ) {}

  async write(c: Checkpoint): Promise<SignedCheckpoint> {
    const signed = signCheckpoint(this.keys, c);
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const handle = await fs.promises.open(this.file, 'a', 0o600);
    try {
      await handle.write(`${JSON.stringify(signed)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return signed;
  }

  /** Every checkpoint in the file, checked against this key pair's public key. */
  read(): CheckpointRead {
    return readCheckpoints(this.file, this.keys.publicKey);
  }
}

export function readCheckpoints(file: string, publicKey: KeyObject): CheckpointRead {
  const out: CheckpointRead = { valid: [], problems: [] };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw e;
  }
  const lines = text.split('\n');
  // After the last newline: nothing, or a write cut short by a crash.
  lines.pop();
  lines.forEach((line, i) => {
    let c: SignedCheckpoint;
    try {
      c = JSON.parse(line) as SignedCheckpoint;
    } catch {
      out.problems.push(`checkpoint line ${i + 1} of ${file} is not JSON (edited?)`);
      return;
    }
    if (!Number.isInteger(c.seq) || typeof c.hash !== 'string' || typeof c.at !== 'string' || typeof c.sig !== 'string' || !checkpointSignatureValid(publicKey, c)) {
      out.problems.push(`checkpoint line ${i + 1} of ${file} (entry ${c.seq}) has no valid signature under this chain's key (forged or edited)`);
      return;
    }
    // Not required to increase: instances sharing one file may write out of order.
    out.valid.push(c);
  });
  return out;
}
