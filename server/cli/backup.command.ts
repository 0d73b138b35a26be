import type { Command } from 'commander';
import path from 'node:path';
import { backup, restore } from '../modules/backup/backup.service.ts';
import type { CliEnv } from './cli-env.ts';

export function registerBackup(program: Command, env: CliEnv): void {
  const log = { info: (m: string) => process.stderr.write(`${m}\n`), warn: (m: string) => process.stderr.write(`${m}\n`) };
  program
    .command('backup')
    .description('Back up the stopped local Neo4j store with the audit checkpoints and spool, and a manifest naming the key material.')
    .requiredOption('--out <dir>', 'a new or empty directory')
    .action(async (o: { out: string }) => {
      const m = await backup(env.config(), path.resolve(o.out), log);
      process.stdout.write(`Backed up to ${path.resolve(o.out)}: ${Object.keys(m.files).length} files, latest audit checkpoint ${m.audit.latestCheckpoint ?? 'none'}. The audit key is not in it: keep ${m.audit.key.variable ?? m.audit.key.file} apart.\n`);
    });
  program
    .command('restore')
    .description('Restore a backup made by lantern backup into this LANTERN_DATA_DIR (the server stopped).')
    .argument('<dir>')
    .option('--force', 'replace the database already here')
    .action(async (dir: string, o: { force?: boolean }) => {
      const m = await restore(env.config(), path.resolve(dir), { force: o.force === true }, log);
      process.stdout.write(`Restored the backup of ${m.createdAt}; start lantern serve, then check it with lantern audit verify.\n`);
    });
}
