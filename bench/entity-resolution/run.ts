/**
 * Entity-resolution benchmark: pairwise precision, recall and F1 of `resolvePeople` on FEBRL
 * dataset1, Splink's fake_1000 and the demo scenario's duplicates, and records resolved per
 * second at 100k people (the scale generator's people, with its planted duplicates).
 * Writes bench/results/entity-resolution.json.
 *
 *   npx tsx bench/entity-resolution/run.ts [--people 100k]
 *
 * Nothing here is tuned to these files: the resolver's levels, priors and thresholds are the
 * same for every data set, and its weights are estimated from each data set alone.
 */
import { machine, printMachine, round, sizeName, sizes, writeResult } from '../lib.ts';
import { resolvePeople } from '../../server/modules/resolve/resolver.ts';
import { pairwiseScore } from '../../server/modules/resolve/evaluate.ts';
import { demoPeople, febrl1, scalePeople, splinkFake1000, type Labelled } from './datasets.ts';

function score(name: string, data: Labelled, termFrequency = true) {
  const r = resolvePeople(data.records, { termFrequency });
  const s = pairwiseScore(r.clusters, data.truth);
  process.stdout.write(
    `${name}: ${data.records.length} records, ${r.stats.candidatePairs} candidate pairs, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, ` +
      `F1 ${s.f1.toFixed(3)}${termFrequency ? '' : ' [baseline: no term-frequency adjustment]'} (${s.correctPairs}/${s.predictedPairs} predicted, ${s.truePairs} true pairs), ${r.pairs.filter((p) => p.decision === 'REVIEW').length} for review, ${r.stats.ms} ms\n`,
  );
  return { s, r };
}

const m = machine();
printMachine(m);
const figures: Record<string, number> = {};
const notes: Record<string, unknown> = {
  method:
    'Pairwise precision, recall and F1 over the clusters formed by merge decisions (transitive closure), against the true clusters. ' +
    'Weights estimated per data set (u from 100k random pairs, m and the prior by EM over blocked pairs); thresholds merge >= 0.95, review >= 0.5 posterior probability. ' +
    'Pairs sent to review count as not merged. Exact agreements on names (and addresses, postcodes) are weighed by term frequency; *_without_tf are the same run without it.',
};
for (const [key, data] of [
  ['febrl1', febrl1()],
  ['splink_fake_1000', splinkFake1000()],
  ['demo', demoPeople()],
] as const) {
  const { s, r } = score(key, data);
  figures[`${key}_f1`] = round(s.f1, 4);
  figures[`${key}_precision`] = round(s.precision, 4);
  figures[`${key}_recall`] = round(s.recall, 4);
  figures[`${key}_review_pairs`] = r.pairs.filter((p) => p.decision === 'REVIEW').length;
  // Same-run baseline: the same resolver without term-frequency adjustment.
  figures[`${key}_f1_without_tf`] = round(score(`${key} (baseline)`, data, false).s.f1, 4);
}

for (const people of sizes('100k')) {
  const data = scalePeople(people);
  const { s, r } = score(`scale ${sizeName(people)}`, data);
  figures[`resolve_records_per_s_${sizeName(people)}`] = Math.round(people / (r.stats.ms / 1000));
  figures[`resolve_ms_${sizeName(people)}`] = r.stats.ms;
  figures[`scale_${sizeName(people)}_f1`] = round(s.f1, 4);
  figures[`scale_${sizeName(people)}_precision`] = round(s.precision, 4);
  figures[`scale_${sizeName(people)}_recall`] = round(s.recall, 4);
  const base = score(`scale ${sizeName(people)} (baseline)`, data, false);
  figures[`scale_${sizeName(people)}_f1_without_tf`] = round(base.s.f1, 4);
  figures[`resolve_records_per_s_${sizeName(people)}_without_tf`] = Math.round(people / (base.r.stats.ms / 1000));
  notes[`scale_${sizeName(people)}`] = { candidatePairs: r.stats.candidatePairs, skippedBlocks: r.stats.skippedBlocks, truePairs: s.truePairs, predictedPairs: s.predictedPairs, emIterations: r.stats.emIterations };
}
process.stdout.write(`wrote ${writeResult({ name: 'entity-resolution', machine: m, figures, notes })}\n`);
