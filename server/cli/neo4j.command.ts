import type { Command } from 'commander';
import { ensureGdsJars, ensureJars, findJava } from '../../neo4j/local.ts';
import type { CliEnv } from './cli-env.ts';

export function registerNeo4j(program: Command, env: CliEnv): void {
  const neo4j = program.command('neo4j').description('The local Neo4j (used when NEO4J_URI is unset).');
  neo4j
    .command('fetch')
    .description('Fetch Neo4j Community 5.26, APOC core and Graph Data Science 2.13 Community from Maven Central (done on first start anyway).')
    .option('--gds', 'fetch Graph Data Science too (the default, unless LANTERN_GDS=off)')
    .option('--no-gds', 'leave Graph Data Science out')
    .action((o: { gds?: boolean }) => {
      const gds = o.gds ?? env.config().localNeo4j.gds;
      const java = findJava();
      const log = { info: (m: string) => process.stderr.write(`${m}\n`), warn: (m: string) => process.stderr.write(`${m}\n`) };
      if (gds) ensureGdsJars(java, log);
      else ensureJars(java, log);
      process.stdout.write(`Neo4j jars${gds ? ' and Graph Data Science' : ''} are ready (Java ${java.major} at ${java.java}).\n`);
    });
}
