import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { FlaggedEntity } from './api.ts';
import { FLAGGED_CSV_HEADER, flaggedCsv } from './flaggedCsv.ts';

const anEntity = (o: Partial<FlaggedEntity> = {}): FlaggedEntity => ({
  id: 'person-000003',
  type: 'PERSON',
  label: 'Mihai IONESCU',
  score: 4.25,
  riskScore: 3.5,
  riskCombination: true,
  riskFactorKinds: ['ORGANISED_CRIME', 'VIOLENCE'],
  indicatorScore: 0.75,
  indicatorIds: ['shared-phone'],
  operationIds: ['operation-000001'],
  ...o,
});

const names = {
  asOf: '2025-09-30',
  indicators: new Map([['shared-phone', 'Phone shared between premises']]),
  indicatorWeights: new Map([['shared-phone', 1.5]]),
  factors: new Map([
    ['ORGANISED_CRIME', { label: 'Links to organised crime', weight: 3 }],
    ['VIOLENCE', { label: 'Violence', weight: 2 }],
  ]),
  operations: new Map([['operation-000001', 'Project Aidant week of action']]),
};

describe('the flagged list as CSV', () => {
  it('writes one row per entity with the date it is as known on and each factor and indicator with its weight', () => {
    const rows = parse(flaggedCsv([anEntity(), anEntity({ id: 'premises-000001', type: 'PREMISES', label: 'Velvet Willow, RG1 5OC', riskScore: 0, riskCombination: false, riskFactorKinds: [], operationIds: [] })], names), { bom: true }) as string[][];
    expect(rows[0]).toEqual(FLAGGED_CSV_HEADER);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      '2025-09-30',
      'person-000003',
      'PERSON',
      'Mihai IONESCU',
      '4.250',
      '3.500',
      'yes',
      'Links to organised crime (3); Violence (2)',
      '0.750',
      'Phone shared between premises (1.5)',
      'Project Aidant week of action',
    ]);
    expect(rows[2]![3]).toBe('Velvet Willow, RG1 5OC');
    expect(rows[2]![7]).toBe('');
  });

  it('keeps hostile labels intact as text and disarms spreadsheet formulas', () => {
    const csv = flaggedCsv([anEntity({ label: '=HYPERLINK("http://x","y"), "quoted"\nnext line' })], names);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[1]![3]).toBe('\'=HYPERLINK("http://x","y"), "quoted"\nnext line');
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });

  it('quotes a cell holding a separator, so a spreadsheet splitting on ; (European locales) cannot start a formula cell inside it', () => {
    // OWASP: an attacker can use the field separator to start a new cell with = in the middle of their text.
    const csv = flaggedCsv([anEntity({ label: "Smith;=1+cmd|' /C calc'!A0" })], names);
    expect(csv).toContain(`,"Smith;=1+cmd|' /C calc'!A0",`);
  });
});

