/**
 * The one typed configuration module: defaults, then the environment, validated with zod at
 * boot. It fails fast naming the bad variable and builds nothing (no logger, no driver).
 */
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const size = z
  .string()
  .regex(/^\d+[kmg]$/i, 'must be a size such as 512m or 2g');

const neo4jUri = z
  .string()
  .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s]+$/, {
    message: 'must be a Bolt URI such as neo4j://host:7687, neo4j+s://xxxx.databases.neo4j.io or bolt://127.0.0.1:7687',
  });

const schema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z0-9.-]+$/, 'must be a database name').optional(),
  LANTERN_DATA_DIR: z.string().min(1).default('./.data'),
  LANTERN_NEO4J_BOLT_PORT: port.default(7687),
  LANTERN_NEO4J_HEAP: size.default('1g'),
  LANTERN_NEO4J_PAGECACHE: size.default('1g'),
  LANTERN_NEO4J_START_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  LANTERN_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  LANTERN_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  LANTERN_SEED_DEMO: z.enum(['auto', 'never'], { message: "must be 'auto' or 'never'" }).default('auto'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Set: use this Neo4j and start nothing local. Unset: start the local Neo4j. */
  neo4j: {
    uri: string | undefined;
    username: string;
    password: string;
    database: string | undefined;
    queryTimeoutMs: number;
  };
  localNeo4j: {
    boltPort: number;
    heap: string;
    pageCache: string;
    startTimeoutMs: number;
  };
  seedDemo: 'auto' | 'never';
  /** Key of the audit log's hash chain; unset: a key file in dataDir. */
  auditKey: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  development: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads configuration from an environment (process.env by default); throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable counts as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const value = env[name];
        return `${name}${value === undefined ? '' : `=${JSON.stringify(value)}`}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.LANTERN_DATA_DIR),
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.LANTERN_QUERY_TIMEOUT_MS,
    },
    localNeo4j: {
      boltPort: e.LANTERN_NEO4J_BOLT_PORT,
      heap: e.LANTERN_NEO4J_HEAP,
      pageCache: e.LANTERN_NEO4J_PAGECACHE,
      startTimeoutMs: e.LANTERN_NEO4J_START_TIMEOUT_MS,
    },
    seedDemo: e.LANTERN_SEED_DEMO,
    auditKey: e.LANTERN_AUDIT_KEY,
    logLevel: e.LOG_LEVEL,
    development: e.NODE_ENV === 'development',
  };
}
