import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { isRole, roleMay, ROLES, type Role } from '../modules/access/access.ts';
import { pseudonymKeyFrom } from '../db/scope.ts';
import { loadAuditKey } from '../modules/audit/audit.key.ts';
import { AuditLog } from '../modules/audit/audit.service.ts';
import { EXPORT_FORMATS, exportSelection, type ExportFormat } from '../modules/export/export.service.ts';
import { cliCaller, parseSelection } from '../modules/selection/selection.service.ts';
import { UserError, type CliEnv } from './cli-env.ts';

interface ExportOptions {
  format: ExportFormat;
  out: string;
  ids?: string;
  hops?: number;
  chart?: string;
  unmask?: string;
  asRole: Role;
  purpose?: string;
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('give a whole number from 0 to 3.');
  return Number(value);
}

function roleArg(value: string): Role {
  if (!isRole(value)) throw new InvalidArgumentError(`one of ${ROLES.join(', ')}.`);
  return value;
}

/** The selection's and the service's errors (codes BAD_USER_INPUT, NOT_FOUND, FORBIDDEN) as plain messages. */
function userError(e: unknown): never {
  if (e instanceof Error && (e as { extensions?: { code?: string } }).extensions?.code) {
    throw new UserError(e.message.replace(/^selection\.(ids|hops|chart)/, '--$1').replace(/^unmaskReason/, '--unmask'));
  }
  throw e;
}

export function registerExport(program: Command, env: CliEnv): void {
  program
    .command('export')
    .description(
      'Export a selection (entities and their neighbourhood, or a saved chart) as GraphML, GEXF, i2 ANX, CSV (a zip) or ' +
        'FollowTheMoney JSON lines (docs/exports.md). Potential victims are masked unless --unmask gives a reason; the export is recorded in the audit log.',
    )
    .addOption(new Option('--format <format>', 'the file format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write it (overwritten if it exists)')
    .option('--ids <ids>', 'entity ids, comma separated: those entities and their neighbourhood')
    .option('--hops <n>', 'how many links out from --ids, 0 to 3 (default 1)', wholeNumber)
    .option('--chart <name>', 'a saved chart, by name or id: its entities and links as shown, with their positions')
    .option('--unmask <reason>', 'show potential victims unmasked, for this reason (a case reference); recorded in the audit log')
    .option('--as-role <role>', `export what this role may see (${ROLES.join(', ')}); e.g. partner, to share with a partner agency`, roleArg, 'admin')
    .option('--purpose <text>', 'why the export is made (recorded in the audit log)')
    .addHelpText(
      'after',
      '\nExamples:\n  lantern export --format graphml --out network.graphml --ids person-000042 --hops 2\n' +
        '  lantern export --format anx --out op-aidant.anx --chart "Op Aidant week 1"\n' +
        '  lantern export --format ftm --out partner.ftm.json --chart "Op Aidant week 1" --as-role partner\n',
    )
    .action(async (opts: ExportOptions) => {
      if ((opts.ids === undefined) === (opts.chart === undefined)) throw new UserError('give --ids ID[,ID...] (with --hops N) or --chart NAME, one of them.');
      if (opts.chart !== undefined && opts.hops !== undefined) throw new UserError('--hops goes with --ids, not with --chart.');
      let selection;
      try {
        selection = parseSelection({ ids: opts.ids === undefined ? null : opts.ids.split(',').filter((id) => id.trim() !== ''), hops: opts.hops ?? null, chart: opts.chart ?? null }, 'selection');
      } catch (e) {
        userError(e);
      }
      if (opts.unmask !== undefined && !roleMay(opts.asRole, 'unmask')) throw new UserError(`--unmask: a ${opts.asRole} may not unmask potential victims.`);
      const out = path.resolve(opts.out);
      if (!fs.existsSync(path.dirname(out))) throw new UserError(`--out: the folder ${path.dirname(out)} does not exist.`);
      const config = env.config();
      const log = env.logger(config);
      const progress = (m: string) => process.stderr.write(`${m}\n`);
      progress('Connecting to Neo4j...');
      const db = await openDatabase(config, log);
      const auditKey = loadAuditKey(config);
      const audit = new AuditLog({ gateway: db.gateway, key: auditKey, log });
      try {
        const caller = cliCaller({ gateway: db.gateway, role: opts.asRole, pseudonymKey: pseudonymKeyFrom(auditKey), audit, purpose: opts.purpose ?? '' });
        progress(`Reading ${'chart' in selection ? `the chart ${JSON.stringify(selection.chart)}` : `${selection.ids.length} entit${selection.ids.length === 1 ? 'y' : 'ies'} and ${selection.hops} hop(s) around`} as ${opts.asRole}...`);
        const started = Date.now();
        const { file, selection: sel } = await exportSelection(caller, { format: opts.format, selection, unmaskReason: opts.unmask ?? null }).catch(userError);
        const tmp = `${out}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, file.bytes);
        fs.renameSync(tmp, out);
        if (sel.truncated) progress(`Warning: the selection was cut: ${sel.truncation}`);
        process.stdout.write(
          `Wrote ${out} (${opts.format}, ${file.bytes.length.toLocaleString('en-GB')} bytes): ${sel.entities.length} entities, ${sel.links.length} links, ` +
            `${sel.sources.length} source records; ${sel.masking.masked ? `${sel.masking.maskedCount} potential victim(s) masked` : 'potential victims UNMASKED'}; ` +
            `in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
        );
      } finally {
        await audit.close();
        await db.close();
      }
    });
}
