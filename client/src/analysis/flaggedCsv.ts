/**
 * The flagged list as CSV (pure): one row per entity, the "as known on" date on every row, the
 * weights named in the header, written by the kernel's CSV writer (server/kernel/csv.ts) as the
 * server's CSV export is: formulas disarmed, cells holding a separator quoted.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { csvText } from '../../../server/kernel/csv.ts';
import type { FlaggedEntity } from './api.ts';

export interface CsvNames {
  asOf: string;
  /** Indicator id to title. */
  indicators: ReadonlyMap<string, string>;
  /** Indicator id to weight. */
  indicatorWeights: ReadonlyMap<string, number>;
  /** Risk factor kind to label and weight. */
  factors: ReadonlyMap<string, { label: string; weight: number }>;
  operations: ReadonlyMap<string, string>;
}

export const FLAGGED_CSV_HEADER = [
  'as_known_on',
  'id',
  'type',
  'label',
  'score',
  'risk_score',
  'risk_combination',
  'risk_factors (weight)',
  'indicator_score',
  'indicators (weight)',
  'operations',
];

const weighted = (name: string, w: number | undefined) => (w === undefined ? name : `${name} (${w})`);

export function flaggedCsv(items: readonly FlaggedEntity[], n: CsvNames): string {
  const rows = items.map((x) => [
    n.asOf,
    x.id,
    x.type,
    x.label,
    x.score.toFixed(3),
    x.riskScore.toFixed(3),
    x.riskCombination ? 'yes' : 'no',
    x.riskFactorKinds.map((k) => weighted(n.factors.get(k)?.label ?? k, n.factors.get(k)?.weight)).join('; '),
    x.indicatorScore.toFixed(3),
    x.indicatorIds.map((i) => weighted(n.indicators.get(i) ?? i, n.indicatorWeights.get(i))).join('; '),
    x.operationIds.map((o) => n.operations.get(o) ?? o).join('; '),
  ]);
  return csvText(stringify, FLAGGED_CSV_HEADER, rows);
}
