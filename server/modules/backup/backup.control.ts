/**
 * How `lantern backup` reaches a running `lantern serve`: a Unix socket that only the data
 * directory's owner can use, on which the server takes `POST /backup {"out": dir}`, makes the
 * backup itself while holding its writes back, and answers with the manifest. No network port
 * and no token: whoever may read the data directory may back it up anyway.
 *
 * The socket is made inside a directory only its owner may enter (mode 0700, checked to be
 * theirs), made before the server listens: connecting needs search permission on the directory,
 * so nobody else can reach the socket even in the moment between listen and its chmod to 0600
 * (decision 0041). Node gives no peer credentials (SO_PEERCRED) on a Unix socket, so that
 * directory is how another uid is refused.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config/config.ts';
import type { Logger } from '../../config/logger.ts';
import type { Manifest } from './backup.service.ts';
import { BackupError } from './backup.service.ts';

/**
 * The socket's path: in the owner-only `control` directory of the data directory, or (when that
 * path is too long for a socket) in an owner-only directory in the temp directory.
 */
export function controlSocket(config: Pick<Config, 'dataDir'>): string {
  const inDataDir = path.join(config.dataDir, 'control', 'lantern.sock');
  if (Buffer.byteLength(inDataDir) < 100) return inDataDir;
  return path.join(os.tmpdir(), `lantern-${createHash('sha256').update(config.dataDir).digest('hex').slice(0, 16)}`, 'lantern.sock');
}

/**
 * Makes `dir` (mode 0700) or takes the one there if it is a directory of this process's user,
 * closing it to everyone else; throws for anything else (another user's directory, in the shared
 * temp directory, could let them in, and a symbolic link could lead anywhere).
 */
function ownerOnlyDirectory(dir: string): void {
  // With NEO4J_URI nothing else may have made the data directory.
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const s = fs.lstatSync(dir);
  if (!s.isDirectory()) throw new Error(`${dir} is not a directory; remove it and start again.`);
  const uid = process.getuid?.();
  if (uid !== undefined && s.uid !== uid) throw new Error(`${dir} belongs to another user (uid ${s.uid}); remove it and start again.`);
  if ((s.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({ socketPath: socket, method: 'GET', path: '/', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

export interface Control {
  socket: string;
  close(): Promise<void>;
}

/** Listens on the control socket for backups; another live server's socket is left alone (and said so). */
export async function listenForBackups(config: Pick<Config, 'dataDir'>, log: Logger, makeBackup: (out: string) => Promise<Manifest>): Promise<Control | undefined> {
  const socket = controlSocket(config);
  try {
    // Before anything is listened on: only this user may reach what is made in it.
    ownerOnlyDirectory(path.dirname(socket));
  } catch (e) {
    log.warn({ err: e, socket }, 'Cannot make the backup socket\'s directory: lantern backup will not reach this server, and a backup made beside it will not hold its writes back');
    return undefined;
  }
  if (fs.existsSync(socket)) {
    if (await answers(socket)) {
      log.warn({ socket }, 'Another lantern serve answers on this data directory\'s control socket: lantern backup will go through that one and hold back only its writes');
      return undefined;
    }
    fs.rmSync(socket, { force: true });
  }
  let running = false;
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST' || req.url !== '/backup') return reply(404, { error: 'Only POST /backup is served here.' });
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      void (async () => {
        let out: unknown;
        try {
          out = (JSON.parse(text) as { out?: unknown }).out;
        } catch {
          out = undefined;
        }
        if (typeof out !== 'string' || !path.isAbsolute(out)) return reply(400, { error: 'Give {"out": an absolute directory}.' });
        if (running) return reply(409, { error: 'A backup is already being made by this server; run this again when it is done.' });
        running = true;
        try {
          const manifest = await makeBackup(out);
          log.info({ out, heldMs: manifest.heldMs, nodes: manifest.store.nodes, relationships: manifest.store.relationships }, 'Backup made');
          reply(200, { manifest });
        } catch (e) {
          log.error({ err: e, out }, 'Backup failed');
          reply(e instanceof BackupError || (e instanceof Error && e.name === 'UserError') ? 400 : 500, { error: e instanceof Error ? e.message : String(e) });
        } finally {
          running = false;
        }
      })();
    });
  });
  server.requestTimeout = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socket, () => resolve());
    });
    // The directory already keeps others out; the socket's own mode says so too.
    fs.chmodSync(socket, 0o600);
  } catch (e) {
    // Serving matters more than the backup socket: say loudly what is lost, and go on.
    log.warn({ err: e, socket }, 'Cannot listen on the backup socket: lantern backup will not reach this server, and a backup made beside it will not hold its writes back');
    return undefined;
  }
  return {
    socket,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Asks the server running on this data directory to make a backup into `out`. Undefined when no
 * server answers there (none running): the caller backs up the database itself.
 */
export async function backupThroughServer(config: Pick<Config, 'dataDir'>, out: string): Promise<Manifest | undefined> {
  const socket = controlSocket(config);
  if (!fs.existsSync(socket)) return undefined;
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: socket, method: 'POST', path: '/backup', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        let body: { manifest?: Manifest; error?: string };
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          return reject(new BackupError(`lantern serve answered the backup with ${res.statusCode}: ${text.slice(0, 300)}`));
        }
        if (res.statusCode === 200 && body.manifest) resolve(body.manifest);
        else reject(new BackupError(`lantern serve could not make the backup: ${body.error ?? res.statusCode}`));
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // A socket left by a server that is gone: nobody answers.
      if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT') resolve(undefined);
      else reject(e);
    });
    req.end(JSON.stringify({ out }));
  });
}

/** Whether a lantern serve answers on this data directory (restore refuses to run beside one). */
export function serverRunning(config: Pick<Config, 'dataDir'>): Promise<boolean> {
  const socket = controlSocket(config);
  return fs.existsSync(socket) ? answers(socket) : Promise.resolve(false);
}
