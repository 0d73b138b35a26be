import type { Command } from 'commander';
import path from 'node:path';
import { openDatabase } from '../db/database.ts';
import { runningLocalNeo4j } from '../../neo4j/local.ts';
import { backup, backupThroughServer, checkBackup, restore, serverRunning } from '../modules/backup/index.ts';
import { UserError, type CliEnv } from './cli-env.ts';

export function registerBackup(program: Command, env: CliEnv): void {
  program
    .command('backup')
    .description('Back up the store with the audit chain, checkpoints and spool, and a manifest naming the key material; through lantern serve when it runs (writes held back for a moment, reads go on).')
    .requiredOption('--out <dir>', 'a new or empty directory')
    .action(async (o: { out: string }) => {
      const config = env.config();
      const out = path.resolve(o.out);
      let m = await backupThroughServer(config, out);
      const through = m ? 'lantern serve' : 'this command';
      if (!m) {
        // No server answers on this data directory: this command holds back only its own writes.
        if (config.neo4j.uri || runningLocalNeo4j(path.join(config.dataDir, 'neo4j'))) {
          process.stderr.write('No lantern serve answered on this data directory\'s backup socket: writes of any other Lantern process using this database are not held back, so this backup is consistent only if nothing else writes now.\n');
        }
        const db = await openDatabase(config, env.logger(config), { migrate: false });
        try {
          m = await backup(config, db.gateway, out);
        } finally {
          await db.close();
        }
      }
      process.stdout.write(
        `Backed up to ${out} by ${through}: ${m.store.nodes} nodes, ${m.store.relationships} relationships, cut at ${m.cutAt} (writes held ${m.heldMs} ms), latest audit checkpoint ${m.audit.latestCheckpoint ?? 'none'}. The audit key is not in it: keep ${m.audit.key.variable ?? m.audit.key.file} apart.\n`,
      );
    });
  program
    .command('restore')
    .description('Restore a backup made by lantern backup into this LANTERN_DATA_DIR (or NEO4J_URI), with lantern serve stopped.')
    .argument('<dir>')
    .option('--force', 'replace what the database holds already')
    .action(async (dir: string, o: { force?: boolean }) => {
      const config = env.config();
      const from = path.resolve(dir);
      const manifest = checkBackup(config, from);
      if (await serverRunning(config)) throw new UserError('lantern serve is running on this data directory; stop it, restore, then start it again.');
      const db = await openDatabase(config, env.logger(config), { migrate: false });
      try {
        await restore(config, db.gateway, from, manifest, { force: o.force === true });
      } finally {
        await db.close();
      }
      process.stdout.write(`Restored the backup cut at ${manifest.cutAt} (${manifest.store.nodes} nodes, ${manifest.store.relationships} relationships); start lantern serve, then check it with lantern audit verify.\n`);
    });
}
