import type { Command } from 'commander';
import { ensureJars, findJava } from '../../neo4j/local.ts';
import type { CliEnv } from './cli-env.ts';

export function registerNeo4j(program: Command, _env: CliEnv): void {
  const neo4j = program.command('neo4j').description('The local Neo4j (used when NEO4J_URI is unset).');
  neo4j
    .command('fetch')
    .description('Fetch Neo4j Community 5.26 and APOC core from Maven Central (done on first start anyway).')
    .action(() => {
      const java = findJava();
      ensureJars(java, { info: (m) => process.stderr.write(`${m}\n`), warn: (m) => process.stderr.write(`${m}\n`) });
      process.stdout.write(`Neo4j jars are ready (Java ${java.major} at ${java.java}).\n`);
    });
}
