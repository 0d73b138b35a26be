import type { Command } from 'commander';
import { ensureGdsJars, ensureJars, findJava } from '../../neo4j/local.ts';
import type { CliEnv } from './cli-env.ts';

export function registerNeo4j(program: Command, _env: CliEnv): void {
  const neo4j = program.command('neo4j').description('The local Neo4j (used when NEO4J_URI is unset).');
  neo4j
    .command('fetch')
    .description('Fetch Neo4j Community 5.26 and APOC core from Maven Central (done on first start anyway).')
    .option('--gds', 'also fetch Graph Data Science 2.13 (Community): whole-graph analytics then run inside Neo4j')
    .action((o: { gds?: boolean }) => {
      const java = findJava();
      const log = { info: (m: string) => process.stderr.write(`${m}\n`), warn: (m: string) => process.stderr.write(`${m}\n`) };
      if (o.gds) ensureGdsJars(java, log);
      else ensureJars(java, log);
      process.stdout.write(`Neo4j jars${o.gds ? ' and Graph Data Science' : ''} are ready (Java ${java.major} at ${java.java}).\n`);
    });
}
