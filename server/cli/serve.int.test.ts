/**
 * `lantern serve` as a user runs it: a child process with an environment, judged by its exit
 * code and what it prints.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../neo4j/local.ts';
import { testGateway, testToken, TEST_AUDIT_KEY } from '../testing/harness.ts';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lantern(args: string[], env: Record<string, string>, untilStdout?: RegExp): Promise<Outcome & { kill?: () => Promise<number | null> }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lantern.js', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (untilStdout?.test(stdout)) {
        resolve({ code: null, stdout, stderr, kill: async () => (child.kill('SIGTERM'), exited) });
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    void exited.then((code) => resolve({ code, stdout, stderr }));
  });
}

const remote = () => ({
  NEO4J_URI: inject('neo4jUri'),
  NEO4J_USERNAME: inject('neo4jUsername') || 'neo4j',
  NEO4J_PASSWORD: inject('neo4jPassword'),
  LANTERN_SEED_DEMO: 'never',
  // It appends to the run's audit chain, so with the run's key.
  LANTERN_AUDIT_KEY: TEST_AUDIT_KEY,
});

describe('lantern serve', () => {
  it('stops on a bad setting, naming it', async () => {
    const r = await lantern(['serve'], { PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PORT="eighty": must be a number/);
  });

  it('serves /graphql, /healthz and /readyz on NEO4J_URI, prints its URL, and stops on SIGTERM', async () => {
    const port = await freePort();
    const r = await lantern(['serve'], { ...remote(), PORT: String(port) }, /running at/);
    expect(r.stdout).toContain(`http://127.0.0.1:${port}/`);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const ask = (headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ about { neo4jVersion } }' }),
      });
    // Nobody reads without signing in; an API token made as `lantern token create` does works.
    expect((await ask()).status).toBe(401);
    const gateway = testGateway();
    try {
      const gql = await ask({ authorization: `Bearer ${await testToken(gateway, 'viewer')}` });
      expect(gql.status).toBe(200);
    } finally {
      await gateway.close();
    }
    expect(await r.kill!()).toBe(0);
  });

  it('says so when the port is taken', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((res) => blocker.listen(port, '127.0.0.1', res));
    try {
      const r = await lantern(['serve'], { ...remote(), PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is already in use.*set PORT`));
    } finally {
      blocker.close();
    }
  });

  it('says so when NEO4J_URI does not answer', async () => {
    const r = await lantern(['serve'], { NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`, PORT: String(await freePort()) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+.*\n.*Fix: check NEO4J_URI/);
  });

  it('shows the end of Neo4j\'s log when the local Neo4j cannot start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-badstart-'));
    try {
      // A heap far too small for Neo4j: the JVM starts, Neo4j fails, and says why in its log.
      const r = await lantern(['serve'], {
        LANTERN_DATA_DIR: dataDir,
        LANTERN_NEO4J_BOLT_PORT: String(await freePort()),
        LANTERN_NEO4J_HEAP: '8m',
        PORT: String(await freePort()),
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/The local Neo4j did not start \(the JVM exited\)/);
      expect(r.stderr).toMatch(/The end of its log:\n.*(neo4j\.log|console\.log)/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
