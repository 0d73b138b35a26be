import type { Command } from 'commander';
import { serve } from '../serve.ts';
import { seedDemoIfEmpty } from '../../seed/demo/index.ts';
import type { CliEnv } from './cli-env.ts';

export function registerServe(program: Command, env: CliEnv): void {
  program
    .command('serve')
    .description('Start Lantern: Neo4j (local unless NEO4J_URI is set), the schema, the API and the workspace.')
    .action(async () => {
      const config = env.config();
      const log = env.logger(config);
      const running = await serve(config, log, {
        // A first start on an empty database loads the synthetic demo so there is something to explore.
        // It comes in through the front door: the source systems' files, the importer, the resolver.
        afterMigrate:
          config.seedDemo === 'auto'
            ? async (db) => void (await seedDemoIfEmpty(db, log, { via: 'importer', print: (line) => process.stdout.write(`demo: ${line}\n`) }))
            : undefined,
      });
      process.stdout.write(`Lantern is running at ${running.url} (GraphQL at ${running.url}graphql, Neo4j at ${running.db.uri})\n`);
      let signals = 0;
      const shutdown = (signal: string) => {
        signals += 1;
        if (signals > 1) process.exit(1);
        log.info({ signal }, 'Shutting down');
        running.stop().then(
          () => process.exit(0),
          (e: unknown) => {
            log.error({ err: e }, 'Error while shutting down');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('uncaughtException', (e) => {
        log.fatal({ err: e }, 'Uncaught exception');
        // The local Neo4j notices that its stdin closed and stops itself as we exit.
        running.db.local?.child.kill('SIGTERM');
        process.exit(1);
      });
    });
}
