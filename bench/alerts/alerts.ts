/**
 * Watchlist alerts after an import at scale (docs/alerts.md, decisions/0036), on a copy of the
 * scale store (.data/bench-scale-<size>, left by bench/load.ts; bench/scale-copy.ts):
 * - watches: --entity-watches phones that the import touches (each new USES_PHONE link to one of
 *   them is a new match), one ADVERT_WITH_WATCHED_PHONE pattern over 200 phones, one
 *   CONTROLLER_AT_NEW_ADDRESS pattern over 200 people, and one indicator watch (shared-phone);
 *   the time each new watch takes to record what it matches already (its baseline);
 * - importing --rows new rows (a person working at a premises and using one of 1,000 phones that a
 *   first import brought into the graph; bench/scale-copy.ts): the import's time, marks included;
 * - the alert evaluation that follows (what the engine does after the import): its time, and the
 *   share of the import's time it adds; then the same file imported again and evaluated (nothing
 *   new may be raised).
 * Merges its figures into bench/results/alerts.json.
 *
 *   NODE_OPTIONS=--max-old-space-size=8192 npx tsx bench/alerts/alerts.ts [--people 100k] [--rows 10000] [--entity-watches 50]
 */
import fs from 'node:fs';
import { arg, round, writeResult } from '../lib.ts';
import {
  checkLinked,
  openScaleCopy,
  PERSON_ROWS_MAPPING,
  personRowsFile,
  timed,
} from '../scale-copy.ts';
import { importFiles } from '../../server/modules/import/import.service.ts';
import { naturalIds } from '../../server/modules/import/import.repository.ts';
import { evaluate } from '../../server/modules/alerts/alerts.engine.ts';
import { baseline } from '../../server/modules/alerts/alerts.engine.ts';
import * as repo from '../../server/modules/alerts/alerts.repository.ts';

const rows = Number(arg('rows', '10000'));
const entityWatches = Number(arg('entity-watches', '50'));

const { size, copy, db, machine: m, system } = await openScaleCopy('alerts');
try {
  const figures: Record<string, number> = {};
  const save = () =>
    writeResult({
      name: 'alerts',
      machine: m,
      figures,
      notes: {
        [`alerts_${size}`]:
          `bench/alerts/alerts.ts on a fresh copy of .data/bench-scale-${size} (heap ${db.heap}, page cache ${db.pageCache}), one run, load averages printed in the log. ` +
          `A first import of 1,000 phones (07700 900xxx), then the watches: ${entityWatches} entity watches on those phones, ADVERT_WITH_WATCHED_PHONE over 200 phones, CONTROLLER_AT_NEW_ADDRESS over 200 people, one indicator watch (shared-phone; the copy keeps no stored analysis, so it reads an empty kept set). ` +
          `import_s: importing ${rows} rows (a new person at a new premises using one of the 1,000 phones: 10 rows a phone, so the watched phones get ${(entityWatches * rows) / 1000} new links), marks for the stored analysis and the alert engine included. ` +
          `evaluate_s: the alert evaluation after it (marks read, watches run on the marked entities, new matches raised, marks cleared); evaluate_share_of_import: evaluate_s / import_s (the baseline is the import alone, same run). ` +
          `reimport_*: the same file imported again and evaluated: raised must be 0. baseline_ms_*: recording a new watch's existing matches.`,
      },
    });

  // The phones: a first file brings 1,000 phones in Ofcom's drama range (07700 900000 to 900999),
  // one person each; the watches are made after it; the benchmark's rows then use them. (The store's
  // own 04-range numbers import too, as E.164: bench/analytics/stored.ts reads them back so.)
  const drama = Array.from({ length: 1000 }, (_, i) => `07700 900${String(i).padStart(3, '0')}`);
  const seedFile = personRowsFile(
    'seed.csv',
    drama.map((phone, i) => ({
      ref: `P${i}`,
      given: `Seed${i}`,
      family: 'Phone',
      phone,
      site: `Bench Seed Site ${i % 100}`,
    })),
  );
  await timed('seed import: 1,000 phones', () =>
    importFiles(system, {
      source: `BENCH_ALERTS_SEED_${Date.now()}`,
      mapping: PERSON_ROWS_MAPPING,
      files: [seedFile],
    }),
  );
  const ids = await naturalIds(
    system,
    drama.map((n) => ({ type: 'PHONE' as const, value: `+44${n.replace(/\s/g, '').slice(1)}` })),
  );
  const phoneIds = drama
    .map((n) => ids.get(`PHONE +44${n.replace(/\s/g, '').slice(1)}`))
    .filter((x): x is string => !!x);
  if (phoneIds.length < 1000)
    throw new Error(`only ${phoneIds.length} of the 1,000 seed phones are in the graph`);
  const numbers = drama;
  const someone = (await system.read('alerts-store/watches')).length; // none: a fresh copy
  if (someone) throw new Error('the copy already holds watches');
  const people = phoneIds.slice(0, 200); // any ids: the pattern matches none of them as people, which costs the same look-up

  const make = async (props: Record<string, unknown>) => {
    const w = await repo.createWatch(system, {
      id: `bench-watch-${props.kind}-${Math.random().toString(36).slice(2)}`,
      owner: 'bench',
      caseId: 'BENCH',
      note: null,
      entityId: null,
      entityType: null,
      indicatorId: null,
      pattern: null,
      parameters: null,
      ...props,
    });
    const t = performance.now();
    const n = await baseline(system, w);
    return { ms: performance.now() - t, n };
  };
  const entityTimes: number[] = [];
  for (const id of phoneIds.slice(0, entityWatches))
    entityTimes.push((await make({ kind: 'ENTITY', entityId: id, entityType: 'PHONE' })).ms);
  figures[`baseline_ms_entity_watch_${size}`] = round(
    entityTimes.reduce((a, b) => a + b, 0) / entityTimes.length,
    1,
  );
  const advert = await make({
    kind: 'PATTERN',
    pattern: 'ADVERT_WITH_WATCHED_PHONE',
    parameters: JSON.stringify({ phoneIds: phoneIds.slice(0, 200) }),
  });
  figures[`baseline_ms_pattern_watch_${size}`] = round(advert.ms, 1);
  await make({
    kind: 'PATTERN',
    pattern: 'CONTROLLER_AT_NEW_ADDRESS',
    parameters: JSON.stringify({ personIds: people }),
  });
  await make({ kind: 'INDICATOR', indicatorId: 'shared-phone' });
  // What writes before the watches marked (the copy's own history) is not this import's.
  await evaluate(system);
  save();

  const file = personRowsFile(
    'rows.csv',
    Array.from({ length: rows }, (_, i) => ({
      ref: `A${i}`,
      given: `Bench${i}`,
      family: 'Alerts',
      phone: numbers[i % numbers.length]!,
      site: `Bench Alert Site ${i % 1000}`,
    })),
  );
  const sourceName = `BENCH_ALERTS_${Date.now()}`;
  const imported = await timed(`import ${rows} rows`, () =>
    importFiles(system, { source: sourceName, mapping: PERSON_ROWS_MAPPING, files: [file] }),
  );
  figures[`import_s_${size}`] = round(imported.ms / 1000, 2);
  process.stdout.write(
    `  ${imported.value.entities} entities, ${imported.value.links} links, ${imported.value.lost.rowsRefused} rows refused\n`,
  );
  checkLinked(imported.value, rows);
  figures[`marks_after_import_${size}`] = await repo.markCount(system);
  const ev = await timed('alert evaluation after the import', () => evaluate(system));
  figures[`evaluate_s_${size}`] = round(ev.ms / 1000, 2);
  figures[`evaluate_share_of_import_${size}`] = round(ev.ms / imported.ms, 3);
  figures[`raised_${size}`] = ev.value.raised.length;
  figures[`matches_${size}`] = ev.value.matches;
  process.stdout.write(
    `  ${ev.value.marks} marks, ${ev.value.matches} matches, ${ev.value.raised.length} raised\n`,
  );
  save();

  const again = await timed(`import the same ${rows} rows again`, () =>
    importFiles(system, { source: sourceName, mapping: PERSON_ROWS_MAPPING, files: [file] }),
  );
  figures[`reimport_s_${size}`] = round(again.ms / 1000, 2);
  const ev2 = await timed('alert evaluation after the re-import', () => evaluate(system));
  figures[`reimport_evaluate_s_${size}`] = round(ev2.ms / 1000, 2);
  figures[`reimport_raised_${size}`] = ev2.value.raised.length;
  process.stdout.write(
    `  ${ev2.value.marks} marks, ${ev2.value.matches} matches, ${ev2.value.raised.length} raised\n`,
  );
  if (ev2.value.raised.length !== 0)
    throw new Error(`re-importing the same file raised ${ev2.value.raised.length} alerts`);
  const file2 = save();
  process.stdout.write(`wrote ${file2}\n`);
} finally {
  await db.close();
  fs.rmSync(copy, { recursive: true, force: true });
}
