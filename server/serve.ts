/**
 * `lantern serve` (what `npm start` runs): the database up, the schema applied, the demo loaded
 * into an empty database, and the HTTP server on PORT. Stops cleanly on Ctrl-C or SIGTERM, and
 * the local Neo4j stops with this process however it ends.
 */
import { startWorker } from './modules/scores/scores.worker.ts';
import { readKeptResults } from './modules/scores/scores.service.ts';
import http from 'node:http';
import type { Config } from './config/config.ts';
import type { Logger } from './config/logger.ts';
import { loadAllStatements } from './db/cypher.ts';
import { openDatabase, type Database } from './db/database.ts';
import { createApp } from './http/app.ts';
import { pseudonymKeyFrom } from './db/scope.ts';
import { ensureFirstAdmin } from './modules/auth/auth.service.ts';
import { AuditLog } from './modules/audit/audit.service.ts';
import { loadAuditKey, warnAboutAuditKey } from './modules/audit/audit.key.ts';
import { AuditSpool } from './modules/audit/audit.spool.ts';
import { CheckpointFile, checkpointKeys } from './modules/audit/audit.checkpoint.ts';
import { backup, listenForBackups } from './modules/backup/index.ts';
import { AlertHub, AlertWebhook, startEngine } from './modules/alerts/index.ts';

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface Running {
  url: string;
  server: http.Server;
  db: Database;
  stop(): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        e.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} on ${host} is already in use. Fix: stop what uses it, or set PORT to a free port.`)
          : e.code === 'EACCES'
            ? new StartupError(`Not allowed to listen on port ${port}. Fix: set PORT to a port above 1023.`)
            : e,
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function serve(config: Config, log: Logger, hooks: { afterMigrate?: (db: Database) => Promise<void> } = {}): Promise<Running> {
  // Before connecting: a read statement without the caller's scope refuses to load (statement-scope.ts).
  loadAllStatements();
  const db = await openDatabase(config, log);
  try {
    await hooks.afterMigrate?.(db);
    await ensureFirstAdmin(db.gateway, {
      username: config.auth.adminUsername,
      password: config.auth.adminPassword,
      print: (m) => process.stdout.write(`\n${m}\n`),
    });
    const auditKey = loadAuditKey(config);
    warnAboutAuditKey(config, log);
    const audit = new AuditLog({
      gateway: db.gateway,
      key: auditKey,
      log,
      spool: new AuditSpool(config.auditSpool),
      checkpoints: new CheckpointFile(config.auditCheckpoints, checkpointKeys(auditKey)),
    });
    // Watchlist alerts (modules/alerts): the hub tells subscriptions, the webhook other tools.
    const alertHub = new AlertHub({ gateway: db.gateway, log, pollMs: Math.min(5000, config.alerts.intervalMs) });
    const webhook = config.alerts.webhook ? new AlertWebhook({ ...config.alerts.webhook, log }) : undefined;
    const { app, warmUp, subscriptions, stop: stopApollo } = await createApp({
      gateway: db.gateway,
      log,
      development: config.development,
      audit,
      pseudonymKey: pseudonymKeyFrom(auditKey),
      auth: {
        sessionHours: config.auth.sessionHours,
        secureCookies: config.auth.secureCookies,
        oidc: config.auth.oidc,
        failuresPerMinute: config.auth.failuresPerMinute,
        lockout: config.auth.lockout,
      },
      trustProxy: config.auth.trustProxy,
      limits: config.limits,
      dataDir: config.dataDir,
      stopWaitMs: config.neo4j.queryTimeoutMs + 5_000,
      neo4jHealth: () => db.health(),
      map: config.map,
      alerts: alertHub,
    });
    const server = http.createServer(app);
    const sockets = subscriptions(server);
    server.keepAliveTimeout = 65_000;
    server.requestTimeout = config.neo4j.queryTimeoutMs + 15_000;
    await listen(server, config.port, config.host);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/`;
    // lantern backup asks this server, which holds its writes back while it reads the store (decision 0025).
    const control = await listenForBackups(config, log, (out) => backup(config, db.gateway, out, { checkpoint: () => audit.checkpointNow() }));
    // Plans and JIT-compiled code for the everyday reads before analysts need them; in the
    // background, starting nothing while a caller's operation runs. Stopping Apollo ends it.
    void warmUp(config.warmUpSeconds).then((r) => {
      const figures = { rounds: r.rounds, seconds: r.seconds, firstRoundMs: r.firstRoundMs, lastRoundMs: r.lastRoundMs };
      if (r.state === 'failed') log.warn({ ...figures, errors: r.errors }, 'The warm-up stopped on an error; the first requests will be slower');
      else if (r.state !== 'off') log.info({ ...figures, state: r.state }, `Warm-up: ${r.state} after ${r.rounds} rounds in ${r.seconds} s`);
    });
    // Kept risk scores, indicator hits and networks: computed in the background, kept up to date
    // from the writes that mark entities dirty (modules/scores, docs/analytics.md).
    readKeptResults(true);
    const analysis = process.env.LANTERN_ANALYSIS_WORKER === 'off' ? null : startWorker(db.gateway, log);
    const alerts = startEngine(db.gateway, log, { intervalMs: config.alerts.intervalMs, hub: alertHub, webhook });
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await sockets.close();
        server.closeIdleConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await control?.close();
        await analysis?.stop();
        webhook?.close();
        await alerts.stop();
        alertHub.close();
        await stopApollo();
        await audit.close();
        await db.close();
      })());
    return { url, server, db, stop };
  } catch (e) {
    await db.close();
    throw e;
  }
}
