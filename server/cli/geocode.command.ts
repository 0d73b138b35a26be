import fs from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { describeColumns, exitCodeOf, geocode, PostcodeFileError, type GeocodeProgress, type GeocodeResult } from '../modules/geocode/index.ts';
import { UserError, type CliEnv } from './cli-env.ts';

export function registerGeocode(program: Command, env: CliEnv): void {
  program
    .command('geocode')
    .description('Place premises that have a postcode and no coordinates at the postcode centroid from a postcode file (ONS Postcode Directory CSV: pcds, lat, long; or postcode, latitude, longitude). docs/import.md')
    .requiredOption('--postcodes <file>', 'the postcode-centroid CSV file')
    .option('--dry-run', 'read the file and list what would be placed and what could not, without writing anything')
    .option('--overwrite', 'replace coordinates premises already have with their postcode centroid')
    .option('--only <prefix>', 'only premises whose id starts with PREFIX')
    .option('--batch-size <n>', 'premises per transaction', '200')
    .option('--report <file>', 'write what was placed, what could not be and why, and the file\'s bad rows, as JSON')
    .addHelpText('after', '\nExit codes: 0 every premises without coordinates placed; 2 some could not be placed (listed: no postcode, bad postcode,\npostcode not in the file); 1 nothing written (bad arguments, a file that cannot be read or has no postcode/latitude/longitude columns). docs/import.md')
    .action(async (opts: { postcodes: string; dryRun?: boolean; overwrite?: boolean; only?: string; batchSize: string; report?: string }) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size must be a whole number above 0, got ${opts.batchSize}`);
      try {
        fs.accessSync(opts.postcodes, fs.constants.R_OK);
        if (!fs.statSync(opts.postcodes).isFile()) throw new Error();
      } catch {
        throw new UserError(`cannot read --postcodes ${opts.postcodes}`);
      }
      const config = env.config();
      const log = env.logger(config);
      const db = await openDatabase(config, log);
      let last = 0;
      const onProgress = (p: GeocodeProgress) => {
        const now = Date.now();
        if (now - last < 1000 && !(p.phase === 'writing' && p.done === p.total)) return;
        last = now;
        process.stderr.write(p.phase === 'reading' ? `reading: ${p.rows} postcode rows\n` : `writing: ${p.done}/${p.total} premises\n`);
      };
      let r: GeocodeResult;
      try {
        r = await geocode(db.gateway, { file: opts.postcodes, dryRun: opts.dryRun, overwrite: opts.overwrite, idPrefix: opts.only ?? null, batchSize, onProgress });
      } catch (e) {
        if (e instanceof PostcodeFileError) throw new UserError(e.message);
        throw e;
      } finally {
        await db.close();
      }
      const err = process.stderr;
      if (r.fileProblemCount > 0) {
        err.write(`Rows of ${opts.postcodes} not read (${r.fileProblemCount}):\n`);
        for (const p of r.fileProblems.slice(0, 10)) err.write(`  ${opts.postcodes}:${p.line}: ${p.reason}\n`);
        if (r.fileProblemCount > 10) err.write(`  ... and ${r.fileProblemCount - 10} more${opts.report ? ` (in ${opts.report})` : ' (--report FILE lists them)'}\n`);
      }
      if (r.unplaced.length > 0) {
        err.write(`Premises not placed (${r.unplaced.length}):\n`);
        for (const u of r.unplaced.slice(0, 50)) err.write(`  ${u.id} (${u.label}): ${u.reason}${u.postcode ? ` ${JSON.stringify(u.postcode)}` : ''}\n`);
        if (r.unplaced.length > 50) err.write(`  ... and ${r.unplaced.length - 50} more${opts.report ? ` (in ${opts.report})` : ' (--report FILE lists them all)'}\n`);
      }
      const verb = opts.dryRun ? 'would be placed' : 'placed';
      const replaced = r.placed.filter((p) => p.was).length;
      process.stdout.write(
        `${r.rows} postcode rows read (${describeColumns(r.columns)}); ${r.premises} premises: ${r.placed.length} ${verb}` +
          `${replaced ? ` (${replaced} replacing coordinates)` : ''}, ${r.alreadyPlaced} already placed, ${r.unplaced.length} not placed` +
          `${r.sourceRecord ? `; cited as ${r.sourceRecord.source} ${r.sourceRecord.recordKey}` : ''} in ${(r.ms / 1000).toFixed(1)} s.\n`,
      );
      if (opts.report) fs.writeFileSync(opts.report, `${JSON.stringify({ ...r, exitCode: exitCodeOf(r) }, null, 2)}\n`);
      process.exitCode = exitCodeOf(r);
    });
}
