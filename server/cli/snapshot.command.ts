/**
 * `lantern snapshot --out FILE.pdf|.html|.png SELECTION [--title T]`: makes a briefing snapshot
 * (stored, hashed, immutable, victims masked unless unmasked with a reason) and writes its
 * render, for tools that make briefings unattended. docs/snapshots.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { GraphQLError } from 'graphql';
import { openDatabase } from '../db/database.ts';
import { clientDir } from '../http/app.ts';
import { pseudonymKeyFrom } from '../db/scope.ts';
import { ROLES, type Role } from '../modules/access/access.ts';
import { loadAuditKey } from '../modules/audit/audit.key.ts';
import { AuditLog } from '../modules/audit/audit.service.ts';
import { cliCaller, parseSelection } from '../modules/selection/selection.service.ts';
import { SnapshotFiles } from '../modules/snapshot/snapshot.files.ts';
import { BriefingRenderer, FORMATS, type Format } from '../modules/snapshot/snapshot.render.ts';
import { createSnapshot } from '../modules/snapshot/snapshot.service.ts';
import { UserError, type CliEnv } from './cli-env.ts';

interface SnapshotOptions {
  out: string;
  ids?: string;
  hops?: string;
  chart?: string;
  title?: string;
  purpose?: string;
  asKnownOn?: string;
  finding?: string[];
  unmaskReason?: string;
  supersedes?: string;
  map?: boolean;
  occupancy?: boolean;
  role: Role;
  json?: boolean;
}

/** The render format from the output file's extension. */
export function formatOf(file: string): Format {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(ext)) {
    throw new UserError(`--out must end in .pdf, .html or .png (got ${JSON.stringify(file)})`);
  }
  return ext as Format;
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function registerSnapshot(program: Command, env: CliEnv): void {
  program
    .command('snapshot')
    .description('Make a briefing snapshot of a selection (stored, hashed, never edited; potential victims masked) and write it as PDF, HTML or PNG.')
    .requiredOption('--out <file>', 'where to write the briefing: FILE.pdf (A4 landscape), FILE.html (one self-contained file) or FILE.png (the cover)')
    .option('--ids <ids>', 'entities to start from, comma separated (SELECTION)')
    .option('--hops <n>', 'with --ids: how many links out, 0 to 3 (default 1)')
    .option('--chart <name>', 'a saved chart, by name or id (SELECTION)')
    .option('--title <title>', 'the briefing title (default: from the selection)')
    .option('--purpose <text>', 'why it is made and for whom, e.g. a case reference')
    .option('--as-known-on <date>', 'leave out facts recorded after this day (YYYY-MM-DD)')
    .option('--finding <text...>', 'a finding to record (repeat for more)')
    .option('--unmask-reason <reason>', 'show potential victims\' identities, for this reason (recorded in the snapshot and the audit log)')
    .option('--supersedes <id>', 'the snapshot this one corrects (it must be the latest version)')
    .option('--map', 'draw a map of the premises (and other entities with a place) in the briefing, offline, with a legend and scale bar')
    .option('--occupancy', 'draw the occupancy timeline (dated stays, one row per person, coloured by premises) in the briefing')
    .addOption(new Option('--role <role>', 'whose view to make it with: partner gives exactly what a partner may see').choices([...ROLES]).default('admin'))
    .option('--json', 'print the result as one JSON line')
    .addHelpText('after', '\nExamples:\n  lantern snapshot --out lotus.pdf --ids premises-000001 --hops 2 --title "Lotus Spa network"\n  lantern snapshot --out brief.html --chart "Op Aidant" --purpose "Tasking 44/2024" --finding "Workers rotate between premises"\n  lantern snapshot --out aidant.pdf --chart "Op Aidant" --map --occupancy\n')
    .action(async (opts: SnapshotOptions) => {
      const format = formatOf(opts.out);
      const outDir = path.dirname(path.resolve(opts.out));
      if (!fs.existsSync(outDir)) throw new UserError(`the folder of --out does not exist: ${outDir}`);
      let selection;
      try {
        selection = parseSelection({
          ids: opts.ids === undefined ? null : opts.ids.split(',').map((s) => s.trim()).filter(Boolean),
          hops: opts.hops === undefined ? null : /^\d+$/.test(opts.hops) ? Number(opts.hops) : NaN,
          chart: opts.chart ?? null,
        });
      } catch (e) {
        if (e instanceof GraphQLError) {
          const flag = /^selection\.(ids|hops|chart)/.exec(String(e.extensions.argument ?? ''))?.[1];
          const text = e.message.replace(/^selection(\.[\w[\]]+)?: ?/, '').replace(/\.$/, '');
          throw new UserError(`bad SELECTION: ${flag ? `--${flag} ` : ''}${text} (give --ids ID[,ID...] [--hops N] or --chart NAME)`);
        }
        throw e;
      }
      const renderer = new BriefingRenderer({ clientDir, log: env.logger(env.config()) });
      if (!renderer.available()) throw new UserError('the briefing page has not been built: run `npm run build` first');
      const config = env.config();
      const log = env.logger(config);
      const started = Date.now();
      progress('Connecting to Neo4j…');
      const db = await openDatabase(config, log);
      const auditKey = loadAuditKey(config);
      const audit = new AuditLog({ gateway: db.gateway, key: auditKey, log });
      const files = new SnapshotFiles(path.join(config.dataDir, 'snapshots'), renderer);
      try {
        const caller = cliCaller({ gateway: db.gateway, role: opts.role, pseudonymKey: pseudonymKeyFrom(auditKey), audit, purpose: opts.purpose ?? '' });
        progress(`Reading the selection as ${opts.role}…`);
        let snapshot;
        try {
          snapshot = await createSnapshot(caller, {
            title: opts.title ?? ('chart' in selection ? `Chart ${selection.chart}` : `Network of ${selection.ids.slice(0, 3).join(', ')}${selection.ids.length > 3 ? ', …' : ''}`),
            purpose: opts.purpose ?? null,
            asKnownOn: opts.asKnownOn ?? null,
            selection,
            findings: (opts.finding ?? []).map((text) => ({ text })),
            unmaskReason: opts.unmaskReason ?? null,
            supersedes: opts.supersedes ?? null,
            pictures: { map: opts.map === true, occupancy: opts.occupancy === true },
          });
        } catch (e) {
          if (e instanceof GraphQLError && e.extensions.code !== 'INTERNAL_SERVER_ERROR') {
            const arg = typeof e.extensions.argument === 'string' ? `${e.extensions.argument}: ` : '';
            throw new UserError(`${arg}${e.message}`);
          }
          throw e;
        }
        progress(`Stored ${snapshot.id} (version ${snapshot.version}, ${snapshot.nodeCount} entities, ${snapshot.edgeCount} links, ${snapshot.masked ? 'victims masked' : 'UNMASKED'}); SHA-256 ${snapshot.hash}`);
        progress(`Rendering ${format.toUpperCase()} with Chromium…`);
        const bytes = await files.get({ id: snapshot.id, hash: snapshot.hash, content: snapshot.content }, format);
        fs.writeFileSync(opts.out, bytes);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ id: snapshot.id, hash: snapshot.hash, version: snapshot.version, file: path.resolve(opts.out), bytes: bytes.length, marking: snapshot.marking, masked: snapshot.masked })}\n`);
        } else {
          process.stdout.write(`Wrote ${opts.out} (${Math.ceil(bytes.length / 1024)} KB) in ${seconds} s: snapshot ${snapshot.id}, ${snapshot.marking}, SHA-256 ${snapshot.hash}\n`);
        }
      } finally {
        await files.close();
        await audit.close();
        await db.close();
      }
    });
}
