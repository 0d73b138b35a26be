/**
 * Starts one Neo4j for the whole test run, by the same code as `npm start` (or uses NEO4J_URI),
 * applies the schema and loads the demo scenario, and hands the URI to the test files.
 * Both the integration and the e2e projects use it; the instance is shared between them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config/config.ts';
import { createLogger } from '../config/logger.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { freePort } from '../../neo4j/local.ts';
import { prepareTestData } from './test-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUsername: string;
    neo4jPassword: string;
    neo4jDataDir: string;
  }
}

interface Shared {
  db: Promise<{ db: Database; dataDir: string }>;
  users: number;
}

const KEY = Symbol.for('lantern.test.neo4j');
const g = globalThis as unknown as Record<symbol, Shared | undefined>;

async function start(): Promise<{ db: Database; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-test-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    LANTERN_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Loading the demo on a busy 2-core machine can take longer than a request may.
    LANTERN_QUERY_TIMEOUT_MS: process.env.LANTERN_QUERY_TIMEOUT_MS ?? '180000',
  };
  if (!process.env.NEO4J_URI) {
    env.LANTERN_NEO4J_BOLT_PORT = String(await freePort());
    env.LANTERN_NEO4J_HEAP = process.env.LANTERN_NEO4J_HEAP ?? '1g';
    env.LANTERN_NEO4J_PAGECACHE = process.env.LANTERN_NEO4J_PAGECACHE ?? '512m';
  }
  const config = loadConfig(env);
  const db = await openDatabase(config, createLogger(config));
  await prepareTestData(db, config);
  return { db, dataDir };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let shared = g[KEY];
  if (!shared) {
    shared = { db: start(), users: 0 };
    g[KEY] = shared;
  }
  shared.users += 1;
  const { db, dataDir } = await shared.db;
  project.provide('neo4jUri', db.uri);
  project.provide('neo4jUsername', process.env.NEO4J_URI ? (process.env.NEO4J_USERNAME ?? 'neo4j') : '');
  project.provide('neo4jPassword', process.env.NEO4J_URI ? (process.env.NEO4J_PASSWORD ?? '') : '');
  project.provide('neo4jDataDir', dataDir);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    g[KEY] = undefined;
    await db.close();
    if (!process.env.LANTERN_KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
