/**
 * Organisations and premises resolved on the graph: records imported from two fictional
 * systems, `lantern resolve` merging the same company and the same premises with evidence, the
 * flat next door left apart, the review queue filtered by type, and an exact undo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway } from '../../testing/harness.ts';
import type { Gateway } from '../../db/gateway.ts';
import { parseMapping } from '../import/mapping.ts';
import { importFiles } from '../import/import.service.ts';
import { removeSource } from '../import/import.repository.ts';
import { sourceIdPrefix } from '../../model/source-ids.ts';
import { acceptMatch, getDecision, resolveGraph, reviewQueue, undoMerge } from './resolve.service.ts';
import { organisations, premises } from './resolve.repository.ts';

// Companies register: one row a company, its trading premises, no company numbers in B.
const MAPPING = parseMapping(`
version: 1
recordKey: [ref]
grading: { sourceEvaluation: 1, intelligenceAssessment: B, handlingCode: P, classification: OFFICIAL }
entities:
  company: { type: ORGANISATION, properties: { name: company, companyNumber: number } }
  site: { type: PREMISES, properties: { name: trading, addressLine: street, town: town, postcode: { column: postcode, transform: [postcode] } } }
links:
  - { type: OPERATES, from: company, to: site }
`);
const HEAD = 'ref;company;number;trading;street;town;postcode';
const stamp = process.pid;
const A = [
  `A1;Quillmere Holdings Ltd;;Lotus Spa;Flat 1, 12 Quillmere Street;Reading;RG1 7KC`,
  `A2;Ternvale Car Wash Limited;;;3 Ternvale Road;Slough;SL1 2MC`,
  `A3;Birchcombe Nails Ltd;;Birch Nails;Flat 2, 12 Quillmere Street;Reading;RG1 7KC`,
];
const B = [
  `B1;QUILLMERE HOLDINGS LIMITED;;LOTUS SPA;flat 1 12 quillmere st;Reading;RG1 7KC`,
  `B2;Ternvale Car Wash Ltd;;;3 Ternvale Rd;Slough;SL1 2MC`,
];
const SRC_A = `PTEST_A_${stamp}`;
const SRC_B = `PTEST_B_${stamp}`;
const enc = (s: string) => new TextEncoder().encode(s);
let gateway: Gateway;
const prefixes = [sourceIdPrefix(SRC_A), sourceIdPrefix(SRC_B)];
const byName = new Map<string, string>();

beforeAll(async () => {
  gateway = testGateway({ queryTimeoutMs: 120_000 });
  await importFiles(gateway, { source: SRC_A, mapping: MAPPING, files: [{ name: 'a.csv', bytes: enc([HEAD, ...A].join('\n')) }] });
  await importFiles(gateway, { source: SRC_B, mapping: MAPPING, files: [{ name: 'b.csv', bytes: enc([HEAD, ...B].join('\n')) }] });
  for (const o of await organisations(gateway, prefixes)) byName.set(`${o.name}`, o.id);
  for (const p of await premises(gateway, prefixes)) byName.set(`${p.addressLine}`, p.id);
});

afterAll(async () => {
  await gateway.write('resolve/delete-decisions', { ids: [...byName.values()] });
  await removeSource(gateway, SRC_A);
  await removeSource(gateway, SRC_B);
  await gateway.close();
});

const resolvedOf = async () => new Map((await gateway.read('resolve/test-resolved-any', { ids: [...byName.values()] })).map((r) => [String(r.id), (r.resolvedId as string | null) ?? null]));

describe('lantern resolve: organisations and premises', () => {
  it('merges the same company and the same premises written two ways, and not the flat next door', { timeout: 180_000 }, async () => {
    const run = await resolveGraph(gateway, { sources: [SRC_A, SRC_B], types: ['ORGANISATION', 'PREMISES'] });
    expect(run.byType.map((t) => [t.type, t.records])).toEqual([
      ['ORGANISATION', 5],
      ['PREMISES', 5],
    ]);
    const r = await resolvedOf();
    const id = (k: string) => byName.get(k)!;
    expect(r.get(id('Quillmere Holdings Ltd'))).toBeTruthy();
    expect(r.get(id('Quillmere Holdings Ltd'))).toBe(r.get(id('QUILLMERE HOLDINGS LIMITED')));
    expect(r.get(id('Flat 1, 12 Quillmere Street'))).toBeTruthy();
    expect(r.get(id('Flat 1, 12 Quillmere Street'))).toBe(r.get(id('flat 1 12 quillmere st')));
    expect(r.get(id('Flat 2, 12 Quillmere Street'))).toBeNull();
    expect(r.get(id('Birchcombe Nails Ltd'))).toBeNull();
    const d = (await gateway.read('resolve/test-decision-of', { a: id('Quillmere Holdings Ltd'), b: id('QUILLMERE HOLDINGS LIMITED') }))[0]!;
    const decision = (await getDecision(gateway, String(d.id)))!;
    expect(decision).toMatchObject({ entityType: 'ORGANISATION', status: 'MERGED' });
    expect(decision.evidence.find((e) => e.field === 'name')).toMatchObject({ level: 'exact (legal form aside)' });
    expect(decision.a.fields).toEqual(expect.arrayContaining([{ name: 'name', value: expect.stringMatching(/quillmere holdings/i) }]));
  });

  it('undoes a premises merge exactly', { timeout: 120_000 }, async () => {
    const id = (k: string) => byName.get(k)!;
    const before = await resolvedOf();
    const d = (await gateway.read('resolve/test-decision-of', { a: id('Flat 1, 12 Quillmere Street'), b: id('flat 1 12 quillmere st') }))[0]!;
    expect((await undoMerge(gateway, String(d.id), 'analyst1', 'two businesses')).status).toBe('UNDONE');
    const after = await resolvedOf();
    expect(after.get(id('Flat 1, 12 Quillmere Street'))).toBeNull();
    expect(after.get(id('flat 1 12 quillmere st'))).toBeNull();
    await acceptMatch(gateway, String(d.id), 'analyst1');
    expect(await resolvedOf()).toEqual(before);
  });

  it('filters the review queue by type', async () => {
    const q = await reviewQueue(gateway, 200, 0, 'PREMISES');
    for (const d of q.items) expect(d.entityType).toBe('PREMISES');
    await expect(reviewQueue(gateway, 20, 0, 'PHONE')).rejects.toThrow(/entityType: only PERSON, ORGANISATION, PREMISES/);
  });
});
