/**
 * The local Neo4j: Neo4j Community 5.26 LTS and APOC core, assembled from Maven Central jars
 * (see pom.xml) and run on the machine's Java 17+ with Bolt on 127.0.0.1 and authentication off.
 * Graph Data Science 2.13 Community (gds/pom.xml) is fetched with them into neo4j/gds-lib and
 * loaded, unless LANTERN_GDS=off (docs/decisions/0008-graph-data-science.md, 0043).
 *
 * Used by `lantern serve` and by the test suites when NEO4J_URI is unset.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const here = path.dirname(fileURLToPath(import.meta.url));
const pomPath = path.join(here, 'pom.xml');
const launcherSource = path.join(here, 'Launcher.java');
const libDir = process.env.LANTERN_NEO4J_LIB_DIR ?? path.join(here, 'lib');
const stampPath = path.join(libDir, '.complete');
const gdsPomPath = path.join(here, 'gds', 'pom.xml');
const gdsLibDir = process.env.LANTERN_NEO4J_GDS_LIB_DIR ?? path.join(here, 'gds-lib');
const gdsStampPath = path.join(gdsLibDir, '.complete');
/** In an instance's plugins/: the GDS jars Lantern copied there, to take out when GDS is gone. */
const GDS_MANIFEST = '.lantern-gds-jars';

export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

/** A problem the user can fix; its message says how. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface JavaInfo {
  java: string;
  javac: string | undefined;
  major: number;
}

function javaMajor(javaBin: string, env: NodeJS.ProcessEnv): number | undefined {
  const r = spawnSync(javaBin, ['-version'], { encoding: 'utf8', env });
  if (r.error || r.status !== 0) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 ? Number(m[2]) : first;
}

/**
 * Finds a Java that runs Neo4j 5.26 (17 or 21). JAVA_HOME first, then the JDKs installed
 * side by side under /usr/lib/jvm, then `java` on the PATH.
 */
export function findJava(env: NodeJS.ProcessEnv = process.env, jvmRoot = '/usr/lib/jvm'): JavaInfo {
  const candidates: string[] = [];
  if (env.JAVA_HOME) candidates.push(path.join(env.JAVA_HOME, 'bin', 'java'));
  if (fs.existsSync(jvmRoot)) {
    for (const d of fs.readdirSync(jvmRoot).sort()) candidates.push(path.join(jvmRoot, d, 'bin', 'java'));
  }
  candidates.push('java');
  const seen: string[] = [];
  for (const java of candidates) {
    if (java !== 'java' && !fs.existsSync(java)) continue;
    const major = javaMajor(java, env);
    if (major === undefined) continue;
    seen.push(`${java} (${major})`);
    if (major === 17 || major === 21) {
      const javac = path.join(path.dirname(java), 'javac');
      return { java, javac: fs.existsSync(javac) ? javac : undefined, major };
    }
  }
  throw new LocalNeo4jError(
    `The local Neo4j needs Java 17 or 21 (a JDK), and none was found${seen.length ? ` (found: ${seen.join(', ')})` : ''}.\n` +
      '  Fix: install a JDK 17 (Debian/Ubuntu: apt-get install -y openjdk-17-jdk-headless maven) and set JAVA_HOME,\n' +
      '  or set NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD) to use a Neo4j server you already run.',
  );
}

function pomHash(): string {
  return createHash('sha256')
    .update(fs.readFileSync(pomPath))
    .update(fs.readFileSync(launcherSource))
    .digest('hex');
}

export function jarsReady(): boolean {
  return fs.existsSync(stampPath) && fs.readFileSync(stampPath, 'utf8').trim() === pomHash();
}

/**
 * Fetches Neo4j and APOC jars with Maven (cached in ~/.m2 and in neo4j/lib) and compiles the
 * launcher. Does nothing when the jars for the current pom.xml are already there.
 */
export function ensureJars(java: JavaInfo, log: Log): void {
  if (jarsReady()) return;
  requireMavenAndJdk(java);
  log.info('Fetching Neo4j Community 5.26 and APOC core from Maven Central (first run only)...');
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.mkdirSync(libDir, { recursive: true });
  const started = Date.now();
  const r = spawnSync(
    'mvn',
    ['-q', '-B', '-f', pomPath, 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`, '-DincludeScope=runtime'],
    { encoding: 'utf8', env: { ...process.env, JAVA_HOME: path.dirname(path.dirname(java.java)) }, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) {
    throw new LocalNeo4jError(
      `mvn could not fetch Neo4j (exit ${r.status}). Its last lines:\n${tail(r.stdout + r.stderr, 20)}\n` +
        '  Fix: check that Maven Central is reachable (or a mirror in ~/.m2/settings.xml), or set NEO4J_URI.',
    );
  }
  const classes = path.join(libDir, 'classes');
  const c = spawnSync(java.javac, ['-cp', path.join(libDir, '*'), '-d', classes, launcherSource], { encoding: 'utf8' });
  if (c.status !== 0) throw new LocalNeo4jError(`javac could not compile neo4j/Launcher.java:\n${c.stderr}`);
  fs.writeFileSync(stampPath, pomHash());
  log.info(`Fetched Neo4j jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function requireMavenAndJdk(java: JavaInfo): asserts java is JavaInfo & { javac: string } {
  const mvn = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jError(
      'The local Neo4j is fetched from Maven Central with Maven (mvn), and mvn was not found.\n' +
        '  Fix: install Maven (Debian/Ubuntu: apt-get install -y maven),\n' +
        '  or set NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD) to use a Neo4j server you already run.',
    );
  }
  if (!java.javac) {
    throw new LocalNeo4jError(
      `Found ${java.java} but no javac beside it: the local Neo4j needs a JDK, not only a JRE.\n` +
        '  Fix: install a JDK 17 (Debian/Ubuntu: apt-get install -y openjdk-17-jdk-headless), or set NEO4J_URI.',
    );
  }
}

function gdsHash(): string {
  return createHash('sha256').update(fs.readFileSync(gdsPomPath)).update(fs.readFileSync(pomPath)).digest('hex');
}

/** Whether Graph Data Science has been fetched for the current poms (then every start loads it). */
export function gdsReady(): boolean {
  return fs.existsSync(gdsStampPath) && fs.readFileSync(gdsStampPath, 'utf8').trim() === gdsHash();
}

/** `mvn dependency:list` of a pom's runtime artifacts: groupId:artifactId -> jar path in ~/.m2. */
function resolveRuntime(pom: string, java: JavaInfo, outFile: string): Map<string, string> {
  const r = spawnSync('mvn', ['-q', '-B', '-f', pom, 'dependency:list', '-DincludeScope=runtime', '-DoutputAbsoluteArtifactFilename=true', `-DoutputFile=${outFile}`], {
    encoding: 'utf8',
    env: { ...process.env, JAVA_HOME: path.dirname(path.dirname(java.java)) },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new LocalNeo4jError(
      `mvn could not resolve ${path.relative(here, pom)} (exit ${r.status}). Its last lines:\n${tail(r.stdout + r.stderr, 20)}\n` +
        '  Fix: check that Maven Central is reachable (or a mirror in ~/.m2/settings.xml).',
    );
  }
  const out = new Map<string, string>();
  // Lines: group:artifact:type[:classifier]:version:scope:/path/to.jar
  for (const line of fs.readFileSync(outFile, 'utf8').split('\n')) {
    const parts = line.trim().split(':');
    if (parts.length < 6 || !parts[parts.length - 1]!.endsWith('.jar')) continue;
    out.set(`${parts[0]}:${parts[1]}`, parts[parts.length - 1]!);
  }
  fs.rmSync(outFile, { force: true });
  return out;
}

/**
 * Fetches Graph Data Science (Community) with Maven into neo4j/gds-lib: the runtime dependencies
 * of gds/pom.xml, less every artifact the Neo4j server already brings (the server's version is the
 * one on the classpath, as in the shaded plugin, which relocates its own copies). Does nothing when
 * they are there for the current poms.
 */
export function ensureGdsJars(java: JavaInfo, log: Log): void {
  ensureJars(java, log);
  if (gdsReady()) return;
  requireMavenAndJdk(java);
  log.info('Fetching Neo4j Graph Data Science 2.13 (Community) from Maven Central...');
  const started = Date.now();
  fs.rmSync(gdsLibDir, { recursive: true, force: true });
  fs.mkdirSync(gdsLibDir, { recursive: true });
  const server = resolveRuntime(pomPath, java, path.join(gdsLibDir, 'server.txt'));
  const gds = resolveRuntime(gdsPomPath, java, path.join(gdsLibDir, 'gds.txt'));
  let copied = 0;
  for (const [key, jar] of gds) {
    if (server.has(key)) continue;
    fs.copyFileSync(jar, path.join(gdsLibDir, path.basename(jar)));
    copied++;
  }
  fs.writeFileSync(gdsStampPath, gdsHash());
  log.info(`Fetched ${copied} GDS jars in ${((Date.now() - started) / 1000).toFixed(1)} s (${gds.size - copied} left to the server's own)`);
}

/**
 * GDS fetched for the current poms (fetching it now if not): false, with a warning, when the
 * fetch fails, so that Neo4j starts without it rather than not at all.
 */
function gdsFetched(java: JavaInfo, log: Log): boolean {
  try {
    ensureGdsJars(java, log);
    return true;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    log.warn(`Graph Data Science could not be fetched, so Neo4j starts without it (whole-graph analytics run in Node): ${reason}\n  Set LANTERN_GDS=off to stop trying.`);
    return false;
  }
}

function gdsJars(): string[] {
  return gdsReady() ? fs.readdirSync(gdsLibDir).filter((f) => f.endsWith('.jar')) : [];
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** Asks the OS for a free port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The Bolt URI of a local Neo4j that another Lantern process already runs for this home, if any.
 */
export function runningLocalNeo4j(home: string): string | undefined {
  const runFile = path.join(home, 'run', 'lantern-bolt.json');
  if (!fs.existsSync(runFile)) return undefined;
  try {
    const { uri, javaPid } = JSON.parse(fs.readFileSync(runFile, 'utf8')) as { uri: string; javaPid: number };
    process.kill(javaPid, 0); // throws when that JVM is gone
    return uri;
  } catch {
    return undefined;
  }
}

export interface LocalNeo4jOptions {
  /** Home of this instance: conf/, data/, logs/ and plugins/ live here and survive restarts. */
  home: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  log: Log;
  /**
   * Fetch Graph Data Science (first start only) and load it. A failed fetch is told and Neo4j
   * starts without it. Off (the default here), GDS jars an earlier start copied are taken out.
   */
  gds?: boolean;
}

export interface LocalNeo4j {
  uri: string;
  /** The server's log file, for messages when something goes wrong. */
  logFile: string;
  child: ChildProcess;
  /** Resolves when the JVM has exited, with its exit code. */
  exited: Promise<number | null>;
  /** Stops Neo4j cleanly (the store lock is released when this resolves). */
  stop(): Promise<void>;
}

function writeConfig(o: LocalNeo4jOptions): void {
  const dirs = ['conf', 'data', 'logs', 'plugins', 'run', 'import'].map((d) => path.join(o.home, d));
  for (const d of dirs) fs.mkdirSync(d, { recursive: true });
  // APOC must sit in plugins/ for its procedures to be registered.
  for (const jar of fs.readdirSync(libDir).filter((f) => f.startsWith('apoc-'))) {
    const target = path.join(o.home, 'plugins', jar);
    if (!fs.existsSync(target)) fs.copyFileSync(path.join(libDir, jar), target);
  }
  // GDS too, when fetched (its extension is also on the classpath, see startLocalNeo4j). A GDS
  // jar left in plugins/ without that extension stops Neo4j from starting, so the jars copied
  // before are taken out again when GDS is gone or changed.
  const manifest = path.join(o.home, 'plugins', GDS_MANIFEST);
  const wanted = o.gds ? gdsJars() : [];
  const before = fs.existsSync(manifest) ? fs.readFileSync(manifest, 'utf8').split('\n').filter(Boolean) : [];
  for (const jar of before.filter((j) => !wanted.includes(j))) fs.rmSync(path.join(o.home, 'plugins', jar), { force: true });
  for (const jar of wanted) {
    const target = path.join(o.home, 'plugins', jar);
    if (!fs.existsSync(target)) fs.copyFileSync(path.join(gdsLibDir, jar), target);
  }
  if (wanted.length > 0) fs.writeFileSync(manifest, `${wanted.join('\n')}\n`);
  else fs.rmSync(manifest, { force: true });
  const conf = [
    '# Written by Lantern at each start of the local Neo4j; edits here are overwritten.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${o.boltPort}`,
    'server.bolt.enabled=true',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=false',
    `server.memory.heap.initial_size=${o.heap}`,
    `server.memory.heap.max_size=${o.heap}`,
    `server.memory.pagecache.size=${o.pageCache}`,
    'dbms.usage_report.enabled=false',
    'dbms.security.procedures.unrestricted=apoc.*,gds.*',
    'dbms.security.procedures.allowlist=apoc.*,gds.*',
    `server.directories.data=${path.join(o.home, 'data')}`,
    `server.directories.logs=${path.join(o.home, 'logs')}`,
    `server.directories.plugins=${path.join(o.home, 'plugins')}`,
    `server.directories.run=${path.join(o.home, 'run')}`,
    `server.directories.import=${path.join(o.home, 'import')}`,
    // Neo4j's default. A connection holds a Bolt thread while its transaction is open, and work
    // that finds none free is refused ("no available threads"). At 100, one server's driver pool
    // (100 connections) could take them all, leaving none for a second instance or the command line.
    'server.bolt.thread_pool_max_size=400',
    'db.transaction.timeout=60s',
    'db.logs.query.enabled=OFF',
    // Neo4j 5 keys its plan cache by the parameters' types and, for a list, by the order of
    // magnitude of its length (ceil(log10)), so a statement is planned again for a list of 1, of
    // 2 to 10, of 11 to 100... The neighbourhood's step takes 0.4 to 1.8 s to
    // plan here, so after a restart each new mix of list sizes (expanding an entity with 1, 5 or
    // 50 links) kept an analyst waiting that long, warm-up or not. Lantern's lists are ids looked
    // up by index, whose plan does not depend on their length (bench/ANALYSIS.md, session 12).
    'internal.cypher.use_parameter_size=false',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(o.home, 'conf', 'neo4j.conf'), conf);
}

/**
 * Runs `neo4j-admin` (org.neo4j.cli.AdminTool, from the same jars and Java as the server) against
 * the instance at `home`, which must not be running: e.g. `database import full` for the bulk
 * load of a fresh store. Resolves with the exit code; output lines go to `onLine`.
 */
export async function runNeo4jAdmin(o: { home: string; args: string[]; heap: string; log: Log; onLine?: (line: string) => void; onStart?: (pid: number | undefined) => void }): Promise<number | null> {
  const java = findJava();
  ensureJars(java, o.log);
  // plugins/ left as the server's last start had it (neo4j-admin loads no procedures).
  const gds = fs.existsSync(path.join(o.home, 'plugins', GDS_MANIFEST));
  writeConfig({ home: o.home, boltPort: 0, heap: o.heap, pageCache: '64m', startTimeoutMs: 0, log: o.log, gds });
  const child = spawn(
    java.java,
    [`-Xmx${o.heap}`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', '-XX:ActiveProcessorCount=2', '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED', '-cp', path.join(libDir, '*'), 'org.neo4j.cli.AdminTool', ...o.args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEO4J_HOME: o.home, NEO4J_CONF: path.join(o.home, 'conf') } },
  );
  o.onStart?.(child.pid);
  let rest = '';
  const onData = (b: Buffer) => {
    const lines = (rest + b.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) o.onLine?.(l);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (rest) o.onLine?.(rest);
      resolve(code);
    });
  });
}

async function waitForBolt(uri: string, deadline: number, exited: () => boolean): Promise<void> {
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
  try {
    let delay = 100;
    for (;;) {
      if (exited()) throw new Error('exited');
      // An auto-commit query: executeQuery would retry by itself for up to 30 s.
      const session = driver.session();
      try {
        await session.run('RETURN 1');
        return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      } finally {
        await session.close();
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 1000);
    }
  } finally {
    await driver.close();
  }
}

/**
 * Starts Neo4j and resolves once Bolt answers a query. Rejects with the tail of Neo4j's log
 * when the JVM exits or does not answer in time.
 */
export async function startLocalNeo4j(o: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const java = findJava();
  ensureJars(java, o.log);
  const withGds = o.gds === true && gdsFetched(java, o.log);
  if (!(await portFree(o.boltPort))) {
    throw new LocalNeo4jError(
      `Port ${o.boltPort} on 127.0.0.1 is already in use, so the local Neo4j cannot listen for Bolt there.\n` +
        '  Fix: stop what uses it, set LANTERN_NEO4J_BOLT_PORT to a free port, or set NEO4J_URI to use that server.',
    );
  }
  writeConfig({ ...o, gds: withGds });
  const logFile = path.join(o.home, 'logs', 'neo4j.log');
  const consoleLog = path.join(o.home, 'logs', 'console.log');
  const out = fs.openSync(consoleLog, 'a');
  const child = spawn(
    java.java,
    [
      `-Xms${o.heap}`,
      `-Xmx${o.heap}`,
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-XX:+UseG1GC',
      '-XX:-OmitStackTraceInFastThrow',
      '-XX:+ExitOnOutOfMemoryError',
      '-XX:ActiveProcessorCount=2',
      '-Djdk.nio.maxCachedBufferSize=1024',
      '-Dlog4j2.disable.jmx=true',
      '-cp',
      [path.join(libDir, 'classes'), path.join(libDir, '*'), ...(withGds ? [path.join(gdsLibDir, '*')] : [])].join(path.delimiter),
      'Launcher',
      `--home-dir=${o.home}`,
      `--config-dir=${path.join(o.home, 'conf')}`,
    ],
    // stdin stays a pipe we never write to: its closing tells the JVM that we are gone.
    // Its own process group: Ctrl-C in a terminal reaches Lantern alone, which flushes its audit
    // log before it stops Neo4j, instead of both stopping at once and the last records failing.
    { stdio: ['pipe', out, out], detached: true, env: { ...process.env, NEO4J_HOME: o.home, NEO4J_CONF: path.join(o.home, 'conf') } },
  );
  fs.closeSync(out);
  let hasExited = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      hasExited = true;
      resolve(code);
    });
  });
  const uri = `bolt://127.0.0.1:${o.boltPort}`;
  const readLogTail = (): string => {
    const parts = [logFile, consoleLog].filter((f) => fs.existsSync(f)).map((f) => `${f}:\n${tail(fs.readFileSync(f, 'utf8'), 15)}`);
    return parts.join('\n') || '(no log written)';
  };
  const stop = async (): Promise<void> => {
    if (hasExited) return;
    child.stdin?.end();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForBolt(uri, Date.now() + o.startTimeoutMs, () => hasExited);
  } catch {
    await stop();
    throw new LocalNeo4jError(
      `The local Neo4j did not start (${hasExited ? 'the JVM exited' : `no answer on ${uri} within ${o.startTimeoutMs} ms`}).\n` +
        `The end of its log:\n${readLogTail()}`,
    );
  }
  // Other `lantern` commands find the running instance here instead of starting a second one.
  const runFile = path.join(o.home, 'run', 'lantern-bolt.json');
  fs.writeFileSync(runFile, JSON.stringify({ uri, pid: process.pid, javaPid: child.pid }));
  void exited.then(() => fs.rmSync(runFile, { force: true }));
  o.log.info(`Neo4j is up at ${uri} (home ${o.home})`);
  return { uri, logFile, child, exited, stop };
}

/** How a supervised local Neo4j stands: what /healthz and /readyz report. */
export interface Neo4jHealth {
  state: 'running' | 'restarting' | 'failed' | 'stopped';
  /** Restarts after the JVM died, since Lantern started. */
  restarts: number;
  /** Exit code (or signal) of the last JVM that died, if one did. */
  lastExit: string | null;
  /** Why Lantern gave up restarting it, when state is 'failed'. */
  reason?: string;
}

export interface SupervisedNeo4j extends Omit<LocalNeo4j, 'child'> {
  /** The JVM running now (a new one after each restart). */
  readonly child: ChildProcess;
  health(): Neo4jHealth;
}

export interface SupervisionOptions {
  /** Waits before each restart attempt in a row, the last one repeated; default 1, 2, 4, 8, 16 s. */
  backoffMs?: number[];
  /** Consecutive failed restarts before Lantern gives up and reports itself unhealthy; default 5. */
  maxFailedStarts?: number;
}

/**
 * Starts the local Neo4j and keeps it running: when its JVM dies (a crash, an out-of-memory exit,
 * `kill -9`), it is started again on the same port and store, with back-off between attempts.
 * Neo4j recovers the store from its transaction log on start, so committed writes survive. After
 * `maxFailedStarts` failed attempts in a row it gives up: health() says 'failed' with the reason,
 * /healthz then fails so an orchestrator restarts Lantern as a whole.
 */
export async function superviseLocalNeo4j(o: LocalNeo4jOptions & SupervisionOptions): Promise<SupervisedNeo4j> {
  const backoff = o.backoffMs ?? [1000, 2000, 4000, 8000, 16000];
  const maxFailed = o.maxFailedStarts ?? 5;
  let current = await startLocalNeo4j(o);
  let stopping = false;
  const health: Neo4jHealth = { state: 'running', restarts: 0, lastExit: null };
  let settle: (code: number | null) => void = () => {};
  const exited = new Promise<number | null>((resolve) => (settle = resolve));
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  const watch = (instance: LocalNeo4j) => {
    instance.child.once('exit', (code, signal) => {
      if (stopping) return settle(code);
      health.lastExit = signal ?? String(code);
      health.state = 'restarting';
      o.log.warn(`The local Neo4j stopped unexpectedly (${health.lastExit}); starting it again`);
      void restart();
    });
  };

  const restart = async () => {
    for (let failed = 0; !stopping; ) {
      await pause(backoff[Math.min(failed, backoff.length - 1)]!);
      if (stopping) break;
      try {
        current = await startLocalNeo4j(o);
        if (stopping) {
          await current.stop();
          break;
        }
        health.restarts += 1;
        health.state = 'running';
        o.log.warn(`The local Neo4j is running again at ${current.uri} (restart ${health.restarts})`);
        watch(current);
        return;
      } catch (e) {
        failed += 1;
        const reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        o.log.warn(`Restarting the local Neo4j failed (attempt ${failed} of ${maxFailed}): ${reason}`);
        if (failed >= maxFailed) {
          health.state = 'failed';
          health.reason = `the local Neo4j died (${health.lastExit}) and ${failed} attempts to start it again failed: ${reason}`;
          return;
        }
      }
    }
    settle(null);
  };

  watch(current);
  return {
    uri: current.uri,
    logFile: current.logFile,
    get child() {
      return current.child;
    },
    exited,
    health: () => ({ ...health }),
    stop: async () => {
      stopping = true;
      health.state = 'stopped';
      wake?.();
      await current.stop();
      settle(current.child.exitCode);
    },
  };
}
