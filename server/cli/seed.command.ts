import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase } from '../db/database.ts';
import { graphCounts } from '../modules/load/load.repository.ts';
import { demo as demoScenario, seedDemo, type Demo } from '../../seed/demo/index.ts';
import { describeFrontDoor, importDemo } from '../../seed/demo/front-door.ts';
import { seedScale, SCALE_SEED } from '../../seed/scale/index.ts';
import { bulkScale, freshStore, migrateImported } from '../../seed/scale/bulk.ts';
import { runningLocalNeo4j } from '../../neo4j/local.ts';
import { LoadError } from '../modules/load/load.service.ts';
import { UserError, type CliEnv } from './cli-env.ts';

export function registerSeed(program: Command, env: CliEnv): void {
  const seed = program.command('seed').description('Load synthetic data.');
  seed
    .command('demo')
    .description(
      'Load the demo scenario (synthetic, fictional; idempotent: loading it again changes nothing): its source systems’ files (seed/demo/sources/) ' +
        'through the importer, then the resolver; or with --bulk, the same records, entities and links through the bulk loader, without resolving.',
    )
    .option('--truth <file>', 'write the ground truth (planted networks, victims, duplicates, operation counts) as JSON')
    .option('--bulk', 'load through the bulk loader (faster; no import history, no resolution)')
    .option('--batch-size <n>', 'rows per transaction', '1000')
    .action(async (opts: { truth?: string; bulk?: boolean; batchSize: string }) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size must be a whole number above 0, got ${opts.batchSize}`);
      const config = env.config();
      const log = env.logger(config);
      const db = await openDatabase(config, log);
      const bar = new SingleBar({ format: ' {phase} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      let phase = '';
      try {
        const out = process.stdout;
        const progress = (label: string, p: { phase: string; done: number; total: number }) => {
          if (!process.stderr.isTTY) return;
          const name = `${label} ${p.phase}`.trim();
          if (name !== phase) {
            if (phase) bar.stop();
            phase = name;
            bar.start(p.total, 0, { phase: name.padEnd(18) });
          }
          bar.update(p.done);
        };
        let demo: Demo;
        if (opts.bulk) {
          const loaded = await seedDemo(db.gateway, { batchSize, onProgress: (p) => progress('', p) });
          if (phase) bar.stop();
          demo = loaded.demo;
          out.write(`Loaded the demo scenario (synthetic data) through the bulk loader in ${(loaded.result.ms / 1000).toFixed(1)} s.\n`);
        } else {
          const r = await importDemo(db.gateway, { batchSize: Math.min(batchSize, 500), onProgress: (code, p) => progress(code, p) });
          if (phase) bar.stop();
          demo = demoScenario();
          out.write('Imported the demo scenario’s source files (synthetic data, seed/demo/sources/) and resolved them:\n');
          for (const line of describeFrontDoor(r)) out.write(`  ${line}\n`);
        }
        const counts = await graphCounts(db.gateway);
        out.write(`Source records: ${counts.sourceRecords}\nEntities in the database:\n`);
        for (const [k, n] of Object.entries(counts.entities)) out.write(`  ${k.padEnd(20)} ${n}\n`);
        out.write('Links in the database:\n');
        for (const [k, n] of Object.entries(counts.links)) out.write(`  ${k.padEnd(20)} ${n}\n`);
        for (const op of demo.truth.operations) {
          out.write(
            `${op.name} (${op.startDate} to ${op.endDate}): ${op.premisesVisited} premises visited, ${op.peopleEncountered} people encountered, ` +
              `${op.potentialVictimsIdentified} potential victims identified, ${op.safeguarded} safeguarded.\n`,
          );
        }
        if (opts.truth) {
          fs.writeFileSync(opts.truth, `${JSON.stringify(demo.truth, null, 2)}\n`);
          out.write(`Wrote the ground truth to ${opts.truth}\n`);
        }
      } catch (e) {
        if (e instanceof LoadError) throw new UserError(e.message);
        throw e;
      } finally {
        await db.close();
      }
    });

  seed
    .command('scale')
    .description('Load a larger synthetic graph of the demo’s shape, for benchmarks (deterministic; streamed, so memory stays flat).')
    .requiredOption('--people <n>', 'number of people (1 to 10,000,000); the rest is in the demo’s proportions')
    .option('--truth <file>', 'write the ground truth (planted networks, potential victims, duplicates, noise) as JSON')
    .option('--seed <n>', 'seed of the generator', String(SCALE_SEED))
    .option(
      '--method <method>',
      'import: build a new store with neo4j-admin database import (the local Neo4j only, into a data directory that has never held a store); ' +
        'online: write through Bolt in transactions (any store); auto: import when it can, else online',
      'auto',
    )
    .option('--workers <n>', 'threads writing the import files (import only; default: the number of cores)')
    .option('--batch-size <n>', 'rows per transaction (online only)', '1000')
    .action(async (opts: { people: string; truth?: string; seed: string; batchSize: string; method: string; workers?: string }) => {
      const people = Number(opts.people);
      if (!Number.isInteger(people) || people < 1 || people > 10_000_000) throw new UserError(`--people must be a whole number from 1 to 10000000, got ${opts.people}`);
      const seedValue = Number(opts.seed);
      if (!Number.isInteger(seedValue) || seedValue < 0) throw new UserError(`--seed must be a whole number, got ${opts.seed}`);
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size must be a whole number above 0, got ${opts.batchSize}`);
      if (!['auto', 'import', 'online'].includes(opts.method)) throw new UserError(`--method must be auto, import or online, got ${opts.method}`);
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 16)) throw new UserError(`--workers must be a whole number from 1 to 16, got ${opts.workers}`);
      const config = env.config();
      const log = env.logger(config);
      const home = path.join(config.dataDir, 'neo4j');
      const canImport = !config.neo4j.uri && !runningLocalNeo4j(home) && freshStore(home);
      if (opts.method === 'import' && !canImport) {
        throw new UserError(
          config.neo4j.uri
            ? '--method import builds the local Neo4j’s store, and NEO4J_URI names another server. Unset NEO4J_URI, or use --method online.'
            : `--method import builds a new store, and ${home} already holds one (or its Neo4j is running). Set LANTERN_DATA_DIR to a new directory, or use --method online.`,
        );
      }
      const tty = process.stderr.isTTY;
      const bar = new SingleBar({ format: ' people [{bar}] {value}/{total} | {rows} rows | {rate} rows/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      let lastLine = 0;
      const progress = (p: { people: number; totalPeople: number; rows: number; ms: number }) => {
        const rate = Math.round(p.rows / (p.ms / 1000));
        if (tty) bar.update(p.people, { rows: p.rows, rate });
        else if (p.ms - lastLine > 10_000 || p.people === p.totalPeople) {
          lastLine = p.ms;
          process.stderr.write(`${p.people}/${p.totalPeople} people, ${p.rows} rows, ${rate} rows/s\n`);
        }
      };
      const out = process.stdout;

      if (opts.method !== 'online' && canImport) {
        const started = performance.now();
        if (tty) bar.start(people, 0, { rows: 0, rate: 0 });
        let importing = false;
        try {
          const r = await bulkScale({
            home,
            people,
            seed: seedValue,
            ...(workers ? { workers } : {}),
            ...(opts.truth ? { truthFile: opts.truth } : {}),
            log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
            onProgress: (p) => {
              if (p.phase === 'generate') return progress(p);
              if (!importing) {
                importing = true;
                if (tty) bar.stop();
                process.stderr.write(`Wrote ${p.rows} rows in ${(p.ms / 1000).toFixed(1)} s; neo4j-admin database import:\n`);
              }
              // The importer's own progress: its stages as they complete.
              if (p.line && /(COMPLETED in|IMPORT DONE|Import starting)/.test(p.line)) process.stderr.write(`  ${p.line.trim()}\n`);
            },
          });
          process.stderr.write('Starting Neo4j and building the constraints and indexes (full-text included)...\n');
          const indexStarted = performance.now();
          const db = await openDatabase(config, log, { migrate: false });
          try {
            await migrateImported(db.gateway, log);
          } finally {
            await db.close();
          }
          const ms = performance.now() - started;
          out.write(
            `Loaded ${r.people} people of scale data (synthetic) in ${(ms / 1000).toFixed(1)} s by bulk import: ${r.entities} entities, ${r.links} links, ` +
              `${r.sources} source records; ${r.rows} rows, ${Math.round(r.rows / (ms / 1000))} rows/s ` +
              `(files ${(r.generateMs / 1000).toFixed(1)} s, import ${(r.importMs / 1000).toFixed(1)} s, indexes ${((performance.now() - indexStarted) / 1000).toFixed(1)} s).\n`,
          );
          if (opts.truth) out.write(`Wrote the ground truth to ${opts.truth}\n`);
        } catch (e) {
          if (tty && !importing) bar.stop();
          if (e instanceof LoadError) throw new UserError(e.message);
          throw e;
        }
        return;
      }

      const db = await openDatabase(config, log);
      if (tty) bar.start(people, 0, { rows: 0, rate: 0 });
      try {
        const r = await seedScale(db.gateway, {
          people,
          seed: seedValue,
          batchSize,
          ...(opts.truth ? { truthFile: opts.truth } : {}),
          onProgress: progress,
        });
        if (tty) bar.stop();
        out.write(
          `Loaded ${r.people} people of scale data (synthetic) in ${(r.ms / 1000).toFixed(1)} s: ${r.entities} entities, ${r.links} links, ` +
            `${r.sources} source records; ${r.rows} rows, ${Math.round(r.rows / (r.ms / 1000))} rows/s.\n`,
        );
        if (opts.truth) out.write(`Wrote the ground truth to ${opts.truth}\n`);
      } catch (e) {
        if (tty) bar.stop();
        if (e instanceof LoadError) throw new UserError(e.message);
        throw e;
      } finally {
        await db.close();
      }
    });
}
