/**
 * Opens Lantern's database: NEO4J_URI when set, else the local Neo4j under LANTERN_DATA_DIR.
 * Used by `lantern serve`, every other command and the test suites, so they all talk to the
 * same Neo4j in the same way.
 */
import path from 'node:path';
import type { Config } from '../config/config.ts';
import type { Logger } from '../config/logger.ts';
import { runningLocalNeo4j, superviseLocalNeo4j, type Neo4jHealth, type SupervisedNeo4j } from '../../neo4j/local.ts';
import { createDriver, Gateway } from './gateway.ts';
import { migrate } from './migrations.ts';
import { ensureTypeConstraints } from './type-constraints.ts';
import { activeRegistry } from '../model/registry/registry.ts';

export interface Database {
  gateway: Gateway;
  uri: string;
  /** The local Neo4j this process started and keeps running, if any. */
  local: SupervisedNeo4j | undefined;
  /** How the local Neo4j stands (restarted after a crash, or given up on); undefined with NEO4J_URI. */
  health(): Neo4jHealth | undefined;
  close(): Promise<void>;
}

export class DatabaseUnreachable extends Error {
  override name = 'DatabaseUnreachable';
}

export async function openDatabase(config: Config, log: Logger, o: { migrate?: boolean } = {}): Promise<Database> {
  let local: SupervisedNeo4j | undefined;
  let uri = config.neo4j.uri;
  const home = path.join(config.dataDir, 'neo4j');
  // A `lantern` command run beside `lantern serve` uses the Neo4j that serve started.
  if (!uri) uri = runningLocalNeo4j(home);
  if (uri && !config.neo4j.uri) log.info(`Using the local Neo4j already running at ${uri}`);
  if (!uri) {
    local = await superviseLocalNeo4j({
      home,
      boltPort: config.localNeo4j.boltPort,
      heap: config.localNeo4j.heap,
      pageCache: config.localNeo4j.pageCache,
      startTimeoutMs: config.localNeo4j.startTimeoutMs,
      gds: config.localNeo4j.gds,
      log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
    });
    uri = local.uri;
  }
  const driver = createDriver({
    uri,
    username: local ? undefined : config.neo4j.username,
    password: local ? undefined : config.neo4j.password,
  });
  const gateway = new Gateway(driver, { database: config.neo4j.database, queryTimeoutMs: config.neo4j.queryTimeoutMs, log });
  const close = async () => {
    await gateway.close();
    await local?.stop();
  };
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
  } catch (e) {
    await close();
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new DatabaseUnreachable(
      `Cannot reach Neo4j at ${uri}: ${reason}\n` +
        '  Fix: check NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD, and that the server is running;\n' +
        '  or unset NEO4J_URI to let Lantern start its own local Neo4j.',
    );
  }
  if (o.migrate !== false) {
    try {
      await migrate(gateway, log);
      await ensureTypeConstraints(gateway, activeRegistry(), log);
    } catch (e) {
      await close();
      throw e;
    }
  }
  return { gateway, uri, local, close, health: () => local?.health() };
}
