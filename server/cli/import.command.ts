import fs from 'node:fs';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { openDatabase } from '../db/database.ts';
import { readMapping, MappingError } from '../modules/import/mapping.ts';
import { exitCodeOf, importFiles, ImportError, lossCounts, mapFiles, type ImportProgress, type LossCounts } from '../modules/import/import.service.ts';
import type { RowError } from '../modules/import/rows.ts';
import { UserError, type CliEnv } from './cli-env.ts';

export function registerImport(program: Command, env: CliEnv): void {
  program
    .command('import')
    .description('Import CSV, JSON, NDJSON or FollowTheMoney files through a declarative mapping (docs/import.md). Idempotent: importing a file again changes nothing.')
    .requiredOption('--mapping <file>', 'the mapping file (YAML or JSON)')
    .requiredOption('--source <name>', 'the source system the files come from, e.g. TVCR')
    .argument('<files...>', 'files to import')
    .option('--batch-size <n>', 'rows per transaction', '500')
    .option('--report <file>', 'write the bad rows (file, line, column, reason) and the counts as JSON')
    .option('--dry-run', 'read and map the files and report bad rows, without writing anything')
    .option('--strict', 'refuse a row over any bad value (by default a bad optional value is left out, reported, and the row kept)')
    .addHelpText(
      'after',
      '\nExit codes: 0 everything imported, nothing lost; 2 every row imported, but values were left out or links not made;\n' +
        '3 rows were refused; 1 nothing imported (bad arguments or mapping, columns missing from a file, a failed batch). docs/import.md',
    )
    .action(async (files: string[], opts: { mapping: string; source: string; batchSize: string; report?: string; dryRun?: boolean; strict?: boolean }) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size must be a whole number above 0, got ${opts.batchSize}`);
      if (!/^[A-Za-z0-9_.-]{1,40}$/.test(opts.source)) throw new UserError(`--source must be 1 to 40 letters, digits, dots, dashes or underscores, got ${JSON.stringify(opts.source)}`);
      let mapping;
      try {
        mapping = readMapping(opts.mapping);
      } catch (e) {
        if (e instanceof MappingError) throw new UserError(`bad mapping:\n${e.message}`);
        throw e;
      }
      const inputs = files.map((name) => {
        try {
          return { name, bytes: fs.readFileSync(name) };
        } catch {
          throw new UserError(`cannot read ${name}`);
        }
      });
      const out = process.stdout;
      const print = (label: string, list: RowError[]) => {
        if (list.length === 0) return;
        process.stderr.write(`${label}:\n`);
        for (const e of list.slice(0, 20)) {
          process.stderr.write(`  ${e.file}:${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.reason}${e.value !== undefined && !e.reason.includes(JSON.stringify(e.value)) ? ` (value ${JSON.stringify(e.value)})` : ''}\n`);
        }
        if (list.length > 20) process.stderr.write(`  ... and ${list.length - 20} more${opts.report ? ` (all in ${opts.report})` : ' (--report FILE lists all)'}\n`);
      };
      const printProblems = (errors: RowError[], warnings: RowError[]) => {
        print('Rows refused (not imported)', errors);
        print('Left out of rows that were imported', warnings);
      };
      const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
      const lossLine = (l: LossCounts) => {
        const parts = [
          l.rowsRefused ? `${n(l.rowsRefused, 'row')} refused` : '',
          l.valuesLeftOut ? `${n(l.valuesLeftOut, 'value')} left out of ${n(l.rowsWithValuesLeftOut, 'row')} (each kept as written on its source record)` : '',
          l.linksNotMade ? `${n(l.linksNotMade, 'link')} not made${l.referencesMissing ? ` (${l.referencesMissing} to entities not in the file)` : ''}` : '',
          l.notLinked ? `${n(l.notLinked, 'relation')} kept as text (no link type for them)` : '',
        ].filter(Boolean);
        const skipped = l.skipped ? ` ${n(l.skipped, 'row')} skipped by the mapping's conditions.` : '';
        return parts.length ? `Lost: ${parts.join('; ')}.${skipped} (exit code ${exitCodeOf(l)})\n` : `Nothing lost.${skipped}\n`;
      };
      const unmapped = (list: { file: string; column: string; values: number }[], absent: { file: string; column: string }[]) => {
        if (list.length > 0) out.write(`Columns the mapping does not read (not imported): ${list.map((c) => `${c.column} (${n(c.values, 'value')})`).join(', ')}.\n`);
        if (absent.length > 0) out.write(`Fields the mapping names that no record has: ${absent.map((c) => `${c.file}: ${c.column}`).join(', ')}.\n`);
      };
      const strict = opts.strict === true;
      if (opts.dryRun) {
        let r;
        try {
          r = mapFiles({ source: opts.source, mapping, files: inputs, strict });
        } catch (e) {
          if (e instanceof ImportError) throw new UserError(e.message);
          throw e;
        }
        const lost = lossCounts(r.errors, r.warnings, r.skipped);
        printProblems(r.errors, r.warnings);
        out.write(`${r.rows} rows: ${r.mapped.length} would be imported, ${r.skipped} skipped by conditions, ${lost.rowsRefused} refused.\n`);
        unmapped(r.unmappedColumns, r.absentColumns);
        out.write(lossLine(lost));
        if (opts.report) fs.writeFileSync(opts.report, `${JSON.stringify({ rows: r.rows, mapped: r.mapped.length, lost, exitCode: exitCodeOf(lost), errors: r.errors, warnings: r.warnings, unmappedColumns: r.unmappedColumns, absentColumns: r.absentColumns, skippedRows: r.skippedRows }, null, 2)}\n`);
        process.exitCode = exitCodeOf(lost);
        return;
      }
      const config = env.config();
      const log = env.logger(config);
      const db = await openDatabase(config, log);
      const tty = process.stderr.isTTY;
      const bar = new SingleBar(
        { format: ' {phase} [{bar}] {value}/{total} rows | {rate} rows/s | {eta_formatted} left', stream: process.stderr, hideCursor: true, etaBuffer: 50 },
        Presets.shades_classic,
      );
      let phase = '';
      let phaseStart = 0;
      let lastLine = 0;
      const onProgress = (p: ImportProgress) => {
        if (p.phase === 'reading') {
          phaseStart = p.ms;
          return;
        }
        if (p.phase !== phase && !tty) {
          phase = p.phase;
          phaseStart = p.ms - 1;
        }
        // Rows per second in this phase, and the time its remaining rows will take at that rate.
        const rate = Math.round(p.done / Math.max(0.001, (p.ms - phaseStart) / 1000));
        if (tty) {
          if (p.phase !== phase) {
            if (phase) bar.stop();
            phase = p.phase;
            phaseStart = p.ms;
            bar.start(p.total, 0, { phase: p.phase.padEnd(7), rate: 0 });
          }
          bar.update(p.done, { rate });
        } else if (p.ms - lastLine > 2000 || p.done === p.total) {
          lastLine = p.ms;
          const left = rate > 0 ? Math.round((p.total - p.done) / rate) : 0;
          process.stderr.write(`${p.phase}: ${p.done}/${p.total} rows, ${rate} rows/s, ${left} s left\n`);
        }
      };
      try {
        const r = await importFiles(db.gateway, { source: opts.source, mapping, files: inputs, batchSize, onProgress, strict });
        if (tty && phase) bar.stop();
        printProblems(r.errors, r.warnings);
        out.write(
          `Imported ${r.imported} of ${r.rows} rows from ${opts.source} in ${(r.ms / 1000).toFixed(1)} s: source records ${r.sourceRecords.created} new, ` +
            `${r.sourceRecords.changed} changed (earlier versions kept), ${r.sourceRecords.unchanged} unchanged; ${r.entities} entities and ${r.links} links written` +
            `${r.retries ? `; ${r.retries} batch retries` : ''}.\n`,
        );
        unmapped(r.unmappedColumns, r.absentColumns);
        out.write(lossLine(r.lost));
        if (opts.report) fs.writeFileSync(opts.report, `${JSON.stringify({ ...r, exitCode: exitCodeOf(r.lost) }, null, 2)}\n`);
        process.exitCode = exitCodeOf(r.lost);
      } catch (e) {
        if (tty && phase) bar.stop();
        if (e instanceof ImportError) throw new UserError(e.message);
        throw e;
      } finally {
        await db.close();
      }
    });
}
