import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { isRole, ROLES } from '../modules/access/access.ts';
import { createApiToken, createUser, generatePassword, revokeApiToken } from '../modules/auth/auth.service.ts';
import * as repo from '../modules/auth/auth.repository.ts';
import { UserError, type CliEnv } from './cli-env.ts';

function role(value: string) {
  if (!isRole(value)) throw new UserError(`--role must be one of ${ROLES.join(', ')} (got ${JSON.stringify(value)})`);
  return value;
}

/** Turns the service's GraphQL errors (bad input, conflicts) into plain messages. */
async function plain<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Error && (e as { extensions?: { code?: string } }).extensions?.code) throw new UserError(e.message);
    throw e;
  }
}

export function registerTokens(program: Command, env: CliEnv): void {
  const withDb = async (work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) => {
    const config = env.config();
    const db = await openDatabase(config, env.logger(config));
    try {
      await work(db);
    } finally {
      await db.close();
    }
  };

  const token = program.command('token').description('API tokens for tools (Authorization: Bearer <token>).');
  token
    .command('create')
    .description('Make an API token and print its secret (shown once; only its hash is kept).')
    .requiredOption('--role <role>', `the role it acts with: ${ROLES.join(', ')}`)
    .requiredOption('--name <name>', 'what it is for, e.g. case-management-sync')
    .option('--need-to-know', 'may unmask potential victims with a reason (admin and analyst only)')
    .action(async (o: { role: string; name: string; needToKnow?: boolean }) => {
      const r = role(o.role);
      await withDb(async (db) => {
        const t = await plain(() => createApiToken(db.gateway, { name: o.name, role: r, needToKnow: o.needToKnow === true, createdBy: 'cli' }));
        process.stdout.write(`${t.secret}\n`);
        process.stderr.write(`Made API token ${t.token.name} (${t.token.id}, role ${t.token.role}). The secret above is not shown again.\n`);
      });
    });
  token
    .command('list')
    .description('List API tokens (never their secrets) as JSON lines.')
    .action(async () => {
      await withDb(async (db) => {
        for (const t of await repo.tokens(db.gateway)) process.stdout.write(`${JSON.stringify(t)}\n`);
      });
    });
  token
    .command('revoke')
    .description('Revoke an API token by id or name.')
    .argument('<idOrName>')
    .action(async (idOrName: string) => {
      await withDb(async (db) => {
        const revoked = await plain(() => revokeApiToken(db.gateway, idOrName));
        for (const t of revoked) process.stdout.write(`Revoked ${t.name} (${t.id}).\n`);
      });
    });

  const user = program.command('user').description('Local user accounts.');
  user
    .command('create')
    .description('Make a local user; the password comes from LANTERN_NEW_USER_PASSWORD or is generated and printed once.')
    .requiredOption('--username <name>', 'the name they sign in with')
    .requiredOption('--role <role>', `their role: ${ROLES.join(', ')}`)
    .option('--need-to-know', 'may unmask potential victims with a reason')
    .action(async (o: { username: string; role: string; needToKnow?: boolean }) => {
      const r = role(o.role);
      const password = process.env.LANTERN_NEW_USER_PASSWORD || generatePassword();
      await withDb(async (db) => {
        const u = await plain(() => createUser(db.gateway, { username: o.username, password, role: r, needToKnow: o.needToKnow === true }));
        process.stdout.write(
          process.env.LANTERN_NEW_USER_PASSWORD ? `Made user ${u.username} (${u.role}).\n` : `Made user ${u.username} (${u.role}). Password (shown once): ${password}\n`,
        );
      });
    });
  user
    .command('list')
    .description('List local users as JSON lines.')
    .action(async () => {
      await withDb(async (db) => {
        for (const u of await repo.users(db.gateway)) process.stdout.write(`${JSON.stringify(u)}\n`);
      });
    });
}
