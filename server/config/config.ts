/**
 * The one typed configuration module: defaults, then the environment, validated with zod at
 * boot. It fails fast naming the bad variable and builds nothing (no logger, no driver).
 */
import { isIP } from 'node:net';
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

/** Express's named address ranges for 'trust proxy'. */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Which proxies' X-Forwarded-For (and -Proto) Lantern believes: a number of hops, or addresses,
 * CIDR ranges and Express's names, comma-separated; 'false' or '0' none (the default). `true`
 * (believe anyone) is refused: any client could then pick its own address and escape the limits.
 */
export type TrustProxy = false | number | string[];

const trustProxy = z.string().transform((v, ctx): TrustProxy => {
  const t = v.trim().toLowerCase();
  if (t === 'false' || t === 'none' || t === '0') return false;
  if (/^\d+$/.test(t)) return Number(t);
  if (t === 'true') {
    ctx.addIssue({ code: 'custom', message: "'true' would believe X-Forwarded-For from any client; give the number of proxies in front of Lantern, or their addresses or CIDR ranges" });
    return z.NEVER;
  }
  const parts = t.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = parts.filter((x) => {
    if (PROXY_NAMES.includes(x)) return false;
    const [ip, bits, ...rest] = x.split('/');
    const family = isIP(ip ?? '');
    if (!family || rest.length) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  if (bad.length || !parts.length) {
    ctx.addIssue({ code: 'custom', message: `must be a number of proxy hops, or addresses, CIDR ranges or ${PROXY_NAMES.join(', ')}, comma-separated (not understood: ${bad.join(', ') || 'nothing given'})` });
    return z.NEVER;
  }
  return parts;
});

/**
 * LANTERN_MAP_STYLE: a force's own tile server for the workspace's map, as an XYZ URL template
 * (https://tiles.force.example/{z}/{x}/{y}.png). Unset, the map draws the outline it ships.
 */
const mapTiles = z
  .string()
  .regex(/^https?:\/\/[^\s{}/]+(?::\d+)?\/\S*$/, 'must be an http(s) URL of the tile server, e.g. https://tiles.force.example/{z}/{x}/{y}.png')
  .refine((v) => ['{z}', '{x}', '{y}'].every((k) => v.includes(k)), 'must hold {z}, {x} and {y}, e.g. https://tiles.force.example/{z}/{x}/{y}.png');

const schema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z0-9.-]+$/, 'must be a database name').optional(),
  LANTERN_DATA_DIR: z.string().min(1).default('./.data'),
  LANTERN_TYPES: z.string().min(1).optional(),
  LANTERN_NEO4J_BOLT_PORT: port.default(7687),
  LANTERN_NEO4J_HEAP: size.default('1g'),
  LANTERN_NEO4J_PAGECACHE: size.default('1g'),
  LANTERN_NEO4J_START_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  LANTERN_GDS: z.enum(['on', 'off'], { message: "must be 'on' or 'off'" }).default('on'),
  LANTERN_ANALYTICS_ENGINE: z.enum(['auto', 'gds', 'node'], { message: "must be 'auto', 'gds' or 'node'" }).default('auto'),
  LANTERN_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  LANTERN_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  LANTERN_AUDIT_KEY_FILE: z.string().min(1).optional(),
  LANTERN_AUDIT_CHECKPOINTS: z.string().min(1).optional(),
  LANTERN_AUDIT_SPOOL: z.string().min(1).optional(),
  LANTERN_ADMIN_USERNAME: z.string().regex(/^[A-Za-z0-9._@-]{2,64}$/, 'must be 2 to 64 letters, digits or . _ @ -').default('admin'),
  LANTERN_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LANTERN_SESSION_HOURS: z.coerce.number({ message: 'must be a number' }).min(0.1).max(24 * 30).default(12),
  LANTERN_SECURE_COOKIES: z.enum(['auto', 'always', 'never'], { message: "must be 'auto', 'always' or 'never'" }).default('auto'),
  LANTERN_OIDC_ISSUER: z.string().url('must be the issuer URL, e.g. https://login.example.org/realms/police').optional(),
  LANTERN_OIDC_AUDIENCE: z.string().min(1).optional(),
  LANTERN_OIDC_JWKS_URI: z.string().url('must be a URL').optional(),
  LANTERN_OIDC_ROLE_CLAIM: z.string().min(1).default('lantern_roles'),
  LANTERN_OIDC_NAME_CLAIM: z.string().min(1).default('preferred_username'),
  LANTERN_TRUST_PROXY: trustProxy.optional(),
  LANTERN_AUTH_FAILURES_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).default(30),
  LANTERN_LOCKOUT_AFTER: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).max(100).default(5),
  LANTERN_LOCKOUT_MAX_MINUTES: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).max(24 * 60).default(15),
  LANTERN_RATE_LIMIT: z.coerce.number({ message: 'must be a number' }).int().min(1).default(600),
  LANTERN_MAX_QUERY_DEPTH: z.coerce.number({ message: 'must be a number' }).int().min(2).max(100).default(15),
  LANTERN_MAX_QUERY_COST: z.coerce.number({ message: 'must be a number' }).int().min(10).default(50_000),
  LANTERN_MAX_QUERY_ALIASES: z.coerce.number({ message: 'must be a number' }).int().min(0).default(30),
  LANTERN_MAX_QUERY_INTROSPECTION: z.coerce.number({ message: 'must be a number' }).int().min(0).default(2),
  LANTERN_MAX_QUERY_TOKENS: z.coerce.number({ message: 'must be a number' }).int().min(200).default(3_000),
  LANTERN_MAX_VALIDATION_MS: z.coerce.number({ message: 'must be a number' }).int().min(5).default(100),
  LANTERN_MAP_STYLE: mapTiles.optional(),
  LANTERN_MAP_ATTRIBUTION: z.string().max(300).optional(),
  LANTERN_SEED_DEMO: z.enum(['auto', 'never'], { message: "must be 'auto' or 'never'" }).default('auto'),
  LANTERN_ALERTS_INTERVAL: z.coerce.number({ message: 'must be a number of seconds' }).min(1, 'must be at least 1 second').max(86_400).default(60),
  LANTERN_ALERT_WEBHOOK_URL: z.string().url('must be the URL new alerts are POSTed to, e.g. https://cases.example.org/hooks/lantern').optional(),
  LANTERN_ALERT_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters (it signs the webhook)').optional(),
  LANTERN_WARM_UP_SECONDS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number of seconds').min(0).max(600).default(60),
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
  /** LANTERN_TYPES: the installation's types file (docs/model.md "Deployment-defined types"), read at start. */
  typesFile: string | undefined;
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
    /** LANTERN_GDS: fetch Graph Data Science with Neo4j and load it (docs/decisions/0043-analytics-engine-by-measurement.md). */
    gds: boolean;
  };
  /** LANTERN_ANALYTICS_ENGINE: where whole-graph communities and centrality run (docs/analytics.md); auto chooses by the graph's size. */
  analyticsEngine: 'auto' | 'gds' | 'node';
  seedDemo: 'auto' | 'never';
  /** The workspace map's basemap: a tile URL template (LANTERN_MAP_STYLE), or null for the shipped outline. */
  map: MapConfig;
  /** Watchlist alerts (docs/alerts.md): the scheduled evaluation's interval, and the webhook new alerts are POSTed to. */
  alerts: { intervalMs: number; webhook: { url: string; secret: string } | null };
  /** How long the warm-up after a start may run (server/http/warm-up.ts); 0: none. */
  warmUpSeconds: number;
  /** Key of the audit log's hash chain; unset: auditKeyFile, else a key file in dataDir. */
  auditKey: string | undefined;
  /** A file holding the chain key, outside dataDir (made on first use). */
  auditKeyFile: string | undefined;
  /** The append-only file of signed checkpoints (default dataDir/audit-checkpoints.jsonl). */
  auditCheckpoints: string;
  /** The directory of the audit spool (default dataDir/audit-spool). */
  auditSpool: string;
  logLevel: Env['LOG_LEVEL'];
  development: boolean;
  auth: AuthConfig;
  limits: LimitsConfig;
}

export interface MapConfig {
  tiles: string | null;
  attribution: string | null;
}

export interface OidcConfig {
  issuer: string;
  audience: string;
  /** Unset: the issuer's discovery document names it. */
  jwksUri: string | undefined;
  roleClaim: string;
  nameClaim: string;
}

export interface AuthConfig {
  adminUsername: string;
  /** Unset: a password is generated on first start and printed once. */
  adminPassword: string | undefined;
  sessionHours: number;
  secureCookies: 'auto' | 'always' | 'never';
  /** Set: bearer JWTs from this identity provider are accepted. */
  oidc: OidcConfig | undefined;
  /** Whose X-Forwarded-For is believed (Express 'trust proxy'); false: nobody's. */
  trustProxy: TrustProxy;
  /** Refused credentials (401/403) per client address per minute before it gets 429 unchecked. */
  failuresPerMinute: number;
  /** Wrong passwords in a row that lock a username, and the longest lock. */
  lockout: { after: number; maxMinutes: number };
}

export interface LimitsConfig {
  /** GraphQL requests per minute per principal. */
  ratePerMinute: number;
  maxDepth: number;
  maxCost: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** `__schema` and `__type` fields in one operation. */
  maxIntrospection: number;
  /** Tokens the parser reads before it refuses the document. */
  maxTokens: number;
  /** Time graphql-js's validation of one document may take. */
  maxValidationMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function oidc(e: Env): OidcConfig | undefined {
  if (!e.LANTERN_OIDC_ISSUER && !e.LANTERN_OIDC_AUDIENCE) return undefined;
  if (!e.LANTERN_OIDC_ISSUER || !e.LANTERN_OIDC_AUDIENCE) {
    throw new ConfigError([`${e.LANTERN_OIDC_ISSUER ? 'LANTERN_OIDC_AUDIENCE' : 'LANTERN_OIDC_ISSUER'}: must be set when ${e.LANTERN_OIDC_ISSUER ? 'LANTERN_OIDC_ISSUER' : 'LANTERN_OIDC_AUDIENCE'} is (both, or neither)`]);
  }
  return {
    issuer: e.LANTERN_OIDC_ISSUER,
    audience: e.LANTERN_OIDC_AUDIENCE,
    jwksUri: e.LANTERN_OIDC_JWKS_URI,
    roleClaim: e.LANTERN_OIDC_ROLE_CLAIM,
    nameClaim: e.LANTERN_OIDC_NAME_CLAIM,
  };
}

function webhook(e: Env): { url: string; secret: string } | null {
  if (!e.LANTERN_ALERT_WEBHOOK_URL) return null;
  if (!e.LANTERN_ALERT_WEBHOOK_SECRET) throw new ConfigError(['LANTERN_ALERT_WEBHOOK_SECRET: must be set when LANTERN_ALERT_WEBHOOK_URL is (the receiver checks each POST with it)']);
  return { url: e.LANTERN_ALERT_WEBHOOK_URL, secret: e.LANTERN_ALERT_WEBHOOK_SECRET };
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
    typesFile: e.LANTERN_TYPES ? path.resolve(e.LANTERN_TYPES) : undefined,
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
      gds: e.LANTERN_GDS === 'on',
    },
    analyticsEngine: e.LANTERN_ANALYTICS_ENGINE,
    seedDemo: e.LANTERN_SEED_DEMO,
    map: { tiles: e.LANTERN_MAP_STYLE ?? null, attribution: e.LANTERN_MAP_ATTRIBUTION ?? null },
    warmUpSeconds: e.LANTERN_WARM_UP_SECONDS,
    alerts: {
      intervalMs: e.LANTERN_ALERTS_INTERVAL * 1000,
      webhook: webhook(e),
    },
    auditKey: e.LANTERN_AUDIT_KEY,
    auditKeyFile: e.LANTERN_AUDIT_KEY_FILE ? path.resolve(e.LANTERN_AUDIT_KEY_FILE) : undefined,
    auditCheckpoints: path.resolve(e.LANTERN_AUDIT_CHECKPOINTS ?? path.join(e.LANTERN_DATA_DIR, 'audit-checkpoints.jsonl')),
    auditSpool: path.resolve(e.LANTERN_AUDIT_SPOOL ?? path.join(e.LANTERN_DATA_DIR, 'audit-spool')),
    logLevel: e.LOG_LEVEL,
    development: e.NODE_ENV === 'development',
    auth: {
      adminUsername: e.LANTERN_ADMIN_USERNAME,
      adminPassword: e.LANTERN_ADMIN_PASSWORD,
      sessionHours: e.LANTERN_SESSION_HOURS,
      secureCookies: e.LANTERN_SECURE_COOKIES,
      oidc: oidc(e),
      trustProxy: e.LANTERN_TRUST_PROXY ?? false,
      failuresPerMinute: e.LANTERN_AUTH_FAILURES_PER_MINUTE,
      lockout: { after: e.LANTERN_LOCKOUT_AFTER, maxMinutes: e.LANTERN_LOCKOUT_MAX_MINUTES },
    },
    limits: {
      ratePerMinute: e.LANTERN_RATE_LIMIT,
      maxDepth: e.LANTERN_MAX_QUERY_DEPTH,
      maxCost: e.LANTERN_MAX_QUERY_COST,
      maxAliases: e.LANTERN_MAX_QUERY_ALIASES,
      maxIntrospection: e.LANTERN_MAX_QUERY_INTROSPECTION,
      maxTokens: e.LANTERN_MAX_QUERY_TOKENS,
      maxValidationMs: e.LANTERN_MAX_VALIDATION_MS,
    },
  };
}
