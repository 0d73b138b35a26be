/**
 * Entity-resolution benchmark: pairwise precision, recall and F1 of `resolvePeople` on FEBRL
 * dataset1, Splink's fake_1000, the same two with every field but the names dropped
 * (name-only), the demo scenario's duplicates, and the scale generator's people (precision and
 * records resolved per second). Writes bench/results/entity-resolution.json.
 *
 *   npx tsx bench/entity-resolution/run.ts [--people 100k]
 *   npx tsx bench/entity-resolution/run.ts --file F.csv --truth-column C [--link-to G.csv] [--identifier column=kind ...] [--match-key kind ...]
 *
 * With --file it scores that file alone (columns recognised by name, see datasets.ts COLUMNS)
 * against its truth column, prints precision, recall and F1, and writes nothing; with --link-to
 * it links two files and counts only pairs across them.
 *
 * Nothing here is tuned to these files: the resolver's levels, priors and thresholds are the
 * same for every data set, and its weights are estimated from each data set alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { machine, printMachine, round, sizeName, sizes, writeResult } from '../lib.ts';
import { clustersOf } from '../../server/modules/resolve/clusters.ts';
import { resolvePeople, type ResolveOptions } from '../../server/modules/resolve/resolver.ts';
import { pairwiseScore, type PairwiseScore } from '../../server/modules/resolve/evaluate.ts';
import { demoPeople, febrl1, fromFile, namesOnly, scalePeople, splinkFake1000, type Labelled } from './datasets.ts';

function score(name: string, data: Labelled, o: ResolveOptions = {}, keep?: (a: string, b: string) => boolean) {
  const r = resolvePeople(data.records, o);
  const s = pairwiseScore(r.clusters, data.truth, keep);
  const review = r.pairs.filter((p) => p.decision === 'REVIEW').length;
  // "Merged or sent to review": the clusters a reviewer accepting every queued pair would make.
  const queued = pairwiseScore(clustersOf(r.pairs.filter((p) => p.decision !== 'NO_MATCH')), data.truth, keep);
  process.stdout.write(
    `${name}: ${data.records.length} records, ${r.stats.candidatePairs} candidate pairs, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, ` +
      `F1 ${s.f1.toFixed(3)}${o.termFrequency === false ? ' [baseline: no term-frequency adjustment]' : ''} (${s.correctPairs}/${s.predictedPairs} predicted, ${s.truePairs} true pairs), ${review} for review, ` +
      `merged or sent to review: recall ${queued.recall.toFixed(3)}, precision ${queued.precision.toFixed(3)}, ${r.stats.ms} ms\n`,
  );
  return { s, r, review, queued };
}

/** Repeated `--name value` options. */
function many(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => a === `--${name}` && process.argv[i + 1] && out.push(process.argv[i + 1]!));
  return out;
}

function oneFile(): void {
  const get = (n: string) => {
    const i = process.argv.indexOf(`--${n}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const file = get('file')!;
  const truthColumn = get('truth-column');
  if (!truthColumn) throw new Error('--truth-column is required with --file: the column whose equal values mark the same entity');
  const identifiers = Object.fromEntries(
    many('identifier').map((x) => {
      const [column, kind] = x.split('=');
      if (!column || !kind) throw new Error(`--identifier must be column=kind (e.g. nhs_number=nhs), got ${x}`);
      return [column, kind];
    }),
  );
  const matchKeys = many('match-key');
  const o: ResolveOptions = matchKeys.length ? { matchKeys } : {};
  const linkTo = get('link-to');
  const a = fromFile(file, truthColumn, { identifiers, prefix: linkTo ? 'a:' : '' });
  process.stdout.write(`${file}: columns used ${JSON.stringify(a.columns)}\n`);
  let s: PairwiseScore;
  if (!linkTo) s = score(file, a, o).s;
  else {
    const b = fromFile(linkTo, truthColumn, { identifiers, prefix: 'b:' });
    process.stdout.write(`${linkTo}: columns used ${JSON.stringify(b.columns)}\n`);
    const byKey = new Map<string, string[]>();
    [...a.records.map((r, i) => [r.id, a.truthKeys[i]] as const), ...b.records.map((r, i) => [r.id, b.truthKeys[i]] as const)].forEach(([id, k]) => k && byKey.set(k, [...(byKey.get(k) ?? []), id]));
    s = score(`${file} linked to ${linkTo}`, { records: [...a.records, ...b.records], truth: [...byKey.values()] }, o, (x, y) => x.slice(0, 2) !== y.slice(0, 2)).s;
  }
  process.stdout.write(`precision ${s.precision.toFixed(4)}\nrecall ${s.recall.toFixed(4)}\nF1 ${s.f1.toFixed(4)}\n`);
}

function all(): void {
  const m = machine();
  printMachine(m);
  const figures: Record<string, number> = {};
  const notes: Record<string, unknown> = {
    method:
      'Pairwise precision, recall and F1 over the clusters formed by merge decisions (transitive closure), against the true clusters. ' +
      'Weights estimated per data set (u from 100k random pairs, m by EM over blocked pairs, the prior from a deterministic rule divided by its recall); thresholds merge >= 0.95, review >= 0.5 posterior probability. ' +
      'Hard rules over the score: dates of birth beyond a typo apart, different generational suffixes and different match-key identifiers veto a merge; a shared match key decides one. ' +
      'Pairs sent to review count as not merged in F1; *_merged_or_review_recall and _precision count them as merged (a reviewer accepting every queued pair). Far dates of birth: a shared mailbox (or one a letter typo apart, same digits) lifts the veto; a pair the score would merge despite a far date of birth goes to review unless it shares an address or phone (namesakes of one household). Names only: term frequencies counted once per distinct full name, near agreements weighed by the commoner name. Exact agreements on names are weighed by term frequency; *_without_tf are the same run without it. ' +
      'name_only_*: FEBRL dataset1 and Splink fake_1000 with every field but the names dropped (neither has a country), pooled over both (pairs summed). ' +
      'name_only_at_*: the same name-only scores merged at another probability threshold (0.9, 0.8, 0.5), pooled; not a result (the resolver merges at 0.95 on every data set) but the curve of what a lower threshold would trade: recall gained against wrong merges. ' +
      'Names only: name m estimated by EM on pairs of the same surname (given names) and of the same first given name (surnames); the prior from the strict rule over the pairs it can apply to (both names on both sides); name frequencies pooled over both name fields; a one-name record compared with whichever name of the other agrees.',
  };
  const febrl = febrl1();
  const splink = splinkFake1000();
  for (const [key, data] of [
    ['febrl1', febrl],
    ['splink_fake_1000', splink],
    ['demo', demoPeople()],
  ] as const) {
    const { s, review, queued } = score(key, data);
    figures[`${key}_merged_or_review_recall`] = round(queued.recall, 4);
    figures[`${key}_merged_or_review_precision`] = round(queued.precision, 4);
    figures[`${key}_f1`] = round(s.f1, 4);
    figures[`${key}_precision`] = round(s.precision, 4);
    figures[`${key}_recall`] = round(s.recall, 4);
    figures[`${key}_review_pairs`] = review;
    // Same-run baseline: the same resolver without term-frequency adjustment.
    figures[`${key}_f1_without_tf`] = round(score(`${key} (baseline)`, data, { termFrequency: false }).s.f1, 4);
  }
  // Name-only: pooled over both data sets (correct, predicted and true pairs summed), at the
  // resolver's merge threshold and, for the curve, at lower ones over the same scores.
  const CURVE = [0.9, 0.8, 0.5];
  const pooled = new Map<number, { correct: number; predicted: number; truePairs: number }>([0.95, ...CURVE].map((t) => [t, { correct: 0, predicted: 0, truePairs: 0 }]));
  const add = (t: number, s: PairwiseScore) => {
    const x = pooled.get(t)!;
    x.correct += s.correctPairs;
    x.predicted += s.predictedPairs;
    x.truePairs += s.truePairs;
  };
  for (const [key, data] of [
    ['febrl1', febrl],
    ['splink_fake_1000', splink],
  ] as const) {
    const names = namesOnly(data);
    const { s, r, queued } = score(`${key} names only`, names);
    figures[`name_only_${key}_merged_or_review_recall`] = round(queued.recall, 4);
    figures[`name_only_${key}_f1`] = round(s.f1, 4);
    figures[`name_only_${key}_precision`] = round(s.precision, 4);
    figures[`name_only_${key}_recall`] = round(s.recall, 4);
    add(0.95, s);
    for (const t of CURVE) {
      // Pairs a hard rule held back stay apart; the rest merge at t.
      const at = pairwiseScore(clustersOf(r.pairs.filter((p) => p.decision === 'MERGE' || (p.rule === null && p.probability >= t))), names.truth);
      add(t, at);
      process.stdout.write(`  ${key} names only merged at ${t}: precision ${at.precision.toFixed(3)}, recall ${at.recall.toFixed(3)}, F1 ${at.f1.toFixed(3)}\n`);
    }
  }
  for (const [t, x] of pooled) {
    const p = x.predicted ? x.correct / x.predicted : 1;
    const r = x.truePairs ? x.correct / x.truePairs : 1;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    const suffix = t === 0.95 ? '' : `_at_${String(t).replace('.', '_')}`;
    figures[`name_only_precision${suffix}`] = round(p, 4);
    figures[`name_only_recall${suffix}`] = round(r, 4);
    figures[`name_only_f1${suffix}`] = round(f1, 4);
    process.stdout.write(`names only, both sets pooled, merged at ${t}: precision ${p.toFixed(3)}, recall ${r.toFixed(3)}, F1 ${f1.toFixed(3)}\n`);
  }

  for (const people of sizes('100k')) {
    const data = scalePeople(people);
    const n = sizeName(people);
    const { s, r: res, review } = score(`scale ${n}`, data);
    figures[`resolve_records_per_s_${n}`] = Math.round(people / (res.stats.ms / 1000));
    figures[`resolve_ms_${n}`] = res.stats.ms;
    figures[`scale_${n}_f1`] = round(s.f1, 4);
    figures[`scale_${n}_precision`] = round(s.precision, 4);
    figures[`scale_${n}_recall`] = round(s.recall, 4);
    figures[`scale_${n}_review_pairs`] = review;
    notes[`scale_${n}`] = { candidatePairs: res.stats.candidatePairs, skippedBlocks: res.stats.skippedBlocks, truePairs: s.truePairs, predictedPairs: s.predictedPairs, emIterations: res.stats.emIterations };
    if (!process.argv.includes('--no-baseline')) {
      const base = score(`scale ${n} (baseline)`, data, { termFrequency: false });
      figures[`scale_${n}_f1_without_tf`] = round(base.s.f1, 4);
      figures[`resolve_records_per_s_${n}_without_tf`] = Math.round(people / (base.r.stats.ms / 1000));
    }
  }
  // Each figure beside the previous run's (the results file as it was before this run).
  let previous: Record<string, number> = {};
  try {
    previous = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'results', 'entity-resolution.json'), 'utf8')) as { figures: Record<string, number> }).figures;
  } catch {
    previous = {};
  }
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k}: ${v}${k in previous ? ` (previous run ${previous[k]})` : ' (new)'}\n`);
  process.stdout.write(`wrote ${writeResult({ name: 'entity-resolution', machine: m, figures, notes })}\n`);
}

try {
  if (process.argv.includes('--file')) oneFile();
  else all();
} catch (e) {
  // A missing file or column: say which, without a stack trace.
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
}
