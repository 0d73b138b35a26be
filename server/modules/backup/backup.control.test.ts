/**
 * The backup control socket is out of other users' reach from the moment it exists: it is made in
 * a directory only its owner may enter, so there is no moment between listen and chmod in which
 * another local user could connect; a directory someone else put in its place is refused.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { backupThroughServer, controlSocket, listenForBackups, type Control } from './backup.control.ts';
import type { Manifest } from './backup.service.ts';

const log = pino({ level: 'silent' });
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const opened: Control[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A data directory as an operator usually has one: readable and enterable by everyone. */
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-control-'));
  fs.chmodSync(d, 0o755);
  dirs.push(d);
  return d;
}

const manifest = (out: string) => ({ out, heldMs: 1, store: { nodes: 2, relationships: 3 } }) as unknown as Manifest;

async function listen(dir: string): Promise<Control | undefined> {
  const c = await listenForBackups({ dataDir: dir }, log, (out) => Promise.resolve(manifest(out)));
  if (c) opened.push(c);
  return c;
}

describe('backup control socket', () => {
  it('is made in a directory only its owner may enter, so it is never reachable by anyone else', async () => {
    const dir = dataDir();
    const c = await listen(dir);
    expect(c?.socket).toBe(controlSocket({ dataDir: dir }));
    const parent = fs.statSync(path.dirname(c!.socket));
    // Connecting needs search permission on every directory of the path: this one grants none
    // to group or others, and it was made before the socket was.
    expect(parent.mode & 0o777).toBe(0o700);
    expect(parent.uid).toBe(process.getuid?.());
    expect(fs.statSync(c!.socket).mode & 0o077).toBe(0);
    // Its owner's `lantern backup` still reaches it.
    await expect(backupThroughServer({ dataDir: dir }, '/backups/x')).resolves.toMatchObject({ out: '/backups/x' });
  });

  it('closes a directory left open by a looser umask or an older version before listening in it', async () => {
    const dir = dataDir();
    fs.mkdirSync(path.join(dir, 'control'), { mode: 0o777 });
    fs.chmodSync(path.join(dir, 'control'), 0o777);
    const c = await listen(dir);
    expect(fs.statSync(path.dirname(c!.socket)).mode & 0o777).toBe(0o700);
  });

  it.runIf(asRoot)('refuses another local user trying to connect', async () => {
    const c = await listen(dataDir());
    const tried = spawnSync(
      process.execPath,
      ['-e', `require('net').connect(${JSON.stringify(c!.socket)}).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); })`],
      { uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 20_000 },
    );
    expect(tried.stdout.trim()).toBe('EACCES');
  });

  it.runIf(asRoot)('does not listen in a directory another user made in its place', async () => {
    const dir = dataDir();
    fs.mkdirSync(path.join(dir, 'control'), { mode: 0o700 });
    fs.chownSync(path.join(dir, 'control'), NOBODY, NOBODY);
    expect(await listen(dir)).toBeUndefined();
    expect(fs.existsSync(controlSocket({ dataDir: dir }))).toBe(false);
  });
});
