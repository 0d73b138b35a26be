import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { loadAuditKey } from '../modules/audit/audit.key.ts';
import { verifyAuditLog } from '../modules/audit/audit.service.ts';
import { CheckpointFile, checkpointKeys } from '../modules/audit/audit.checkpoint.ts';
import type { Gateway } from '../db/gateway.ts';
import * as repo from '../modules/audit/audit.repository.ts';
import { UserError, type CliEnv } from './cli-env.ts';

export function registerAudit(program: Command, env: CliEnv): void {
  const audit = program.command('audit').description('The tamper-evident audit log.');
  audit
    .command('verify')
    .description('Check the audit log\'s hash chain against the signed checkpoints kept outside the database (LANTERN_AUDIT_CHECKPOINTS); exits 1 if any entry was edited, deleted, reordered, rewritten or cut from the end.')
    .action(async () => {
      const config = env.config();
      const db = await openDatabase(config, env.logger(config));
      try {
        const result = await verifyWithCheckpoints(db.gateway, loadAuditKey(config), config.auditCheckpoints);
        if (!result.ok) throw new UserError(`The audit log has been tampered with (${result.checked} entries checked):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
        process.stdout.write(`The audit log is intact: ${result.checked} entries, ${result.summary}.\n`);
      } finally {
        await db.close();
      }
    });
  audit
    .command('checkpoint')
    .description('Verify the chain, then write a signed checkpoint of it (sequence, hash, time) outside the database (LANTERN_AUDIT_CHECKPOINTS) and print it.')
    .action(async () => {
      const config = env.config();
      const db = await openDatabase(config, env.logger(config));
      try {
        const key = loadAuditKey(config);
        const result = await verifyWithCheckpoints(db.gateway, key, config.auditCheckpoints);
        if (!result.ok) throw new UserError(`Not checkpointing a chain that does not verify (${result.checked} entries checked):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
        const head = await repo.head(db.gateway);
        const keys = checkpointKeys(key);
        const written = await new CheckpointFile(config.auditCheckpoints, keys).write({ ...head, at: new Date().toISOString() });
        process.stdout.write(`${JSON.stringify(written)}\n`);
        process.stderr.write(`Checkpoint of entry ${written.seq} appended to ${config.auditCheckpoints}. Public key to check it with: ${keys.publicKeyText}\n`);
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

/** The chain against every valid checkpoint in the file; bad checkpoint lines are problems too. */
async function verifyWithCheckpoints(gateway: Gateway, key: Buffer, file: string) {
  const read = new CheckpointFile(file, checkpointKeys(key)).read();
  const v = await verifyAuditLog(gateway, key, read.valid);
  const problems = [...read.problems, ...v.problems];
  const summary = v.checkpoints
    ? `chain verified against ${v.checkpoints.count} checkpoints in ${file} (latest: entry ${v.checkpoints.latest})`
    : `chain verified, but there is no checkpoint in ${file} to check its end against (run lantern audit checkpoint)`;
  return { ok: problems.length === 0, checked: v.checked, problems, summary };
}
