import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { loadAuditKey } from '../modules/audit/audit.key.ts';
import { verifyAuditLog } from '../modules/audit/audit.service.ts';
import * as repo from '../modules/audit/audit.repository.ts';
import { UserError, type CliEnv } from './cli-env.ts';

export function registerAudit(program: Command, env: CliEnv): void {
  const audit = program.command('audit').description('The tamper-evident audit log.');
  audit
    .command('verify')
    .description('Check the audit log\'s hash chain; exits 1 if any entry was edited, deleted or reordered.')
    .action(async () => {
      const config = env.config();
      const db = await openDatabase(config, env.logger(config));
      try {
        const result = await verifyAuditLog(db.gateway, loadAuditKey(config));
        if (!result.ok) {
          throw new UserError(`The audit log has been tampered with (${result.checked} entries checked):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
        }
        process.stdout.write(`The audit log is intact: ${result.checked} entries, chain verified.\n`);
      } finally {
        await db.close();
      }
    });
  audit
    .command('list')
    .description('Print the newest audit entries as JSON lines.')
    .option('--last <n>', 'how many (default 20)', '20')
    .option('--actor <name>', 'only this actor')
    .action(async (opts: { last: string; actor?: string }) => {
      const limit = Number(opts.last);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UserError('--last must be a whole number from 1 to 10000');
      const config = env.config();
      const db = await openDatabase(config, env.logger(config));
      try {
        const entries = await repo.search(db.gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit, actor: opts.actor ?? null, operation: null, from: null, to: null });
        for (const e of entries) process.stdout.write(`${JSON.stringify(e)}\n`);
      } finally {
        await db.close();
      }
    });
}
