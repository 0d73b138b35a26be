import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { CsvWriter, ARRAY_DELIMITER } from './load.csv.ts';
import { LoadError, prepare, type Dataset } from './load.service.ts';

const grading = { sourceEvaluation: 2 as const, intelligenceAssessment: 'C' as const, handlingCode: 'P' as const, handlingConditions: null, classification: 'OFFICIAL' as const };
const dataset = (): Dataset => ({
  sources: [{ id: 'src-1', source: 'TEST', recordKey: 'T-1', recordedAt: '2025-06-01T09:00:00Z', summary: 'a "quoted" row', ...grading }],
  entities: [
    { type: 'PERSON', id: 'person-1', props: { givenName: 'Ana', familyName: 'Pop', dateOfBirth: '1990-02-03', nationalities: ['ROU', 'MDA'], riskScore: 0.75 }, sourceIds: ['src-1'] },
    { type: 'PERSON', id: 'person-2', props: { givenName: 'Ion', familyName: 'Pop' }, sourceIds: ['src-1'] },
    { type: 'PHONE', id: 'phone-1', props: { number: '07700 900123' }, sourceIds: ['src-1'] },
    { type: 'PHONE', id: 'phone-2', props: { number: '07700 900456' }, sourceIds: ['src-1'] },
  ],
  links: [
    { type: 'USES_PHONE', id: 'link-1', from: 'person-1', to: 'phone-1', validFrom: '2025-01-01', weight: 3, sourceIds: ['src-1'] },
    { type: 'USES_PHONE', id: 'link-2', from: 'person-2', to: 'phone-1', weight: 0.5, sourceIds: ['src-1'] },
    { type: 'CALLED', id: 'link-3', from: 'phone-1', to: 'phone-2', count: 4, sourceIds: ['src-1'] },
  ],
});

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Each group's header and rows, as the importer reads them (header file, then data file). */
function read(args: string[]): Record<string, Record<string, string>[]> {
  const out: Record<string, Record<string, string>[]> = {};
  for (const a of args) {
    const [, group, files] = /^--(?:nodes|relationships)=(.+)=(.+)$/.exec(a)!;
    const [header, data] = files!.split(',');
    const text = fs.readFileSync(header!, 'utf8') + fs.readFileSync(data!, 'utf8');
    out[group!] = parse(text, { columns: true, relax_column_count: true });
  }
  return out;
}

describe('CsvWriter (bulk import files)', () => {
  it('writes each label and link type with typed columns, lists, dates and datetimes, and leaves null properties unset', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-csv-'));
    const w = new CsvWriter(dir, 'p0', new Date('2026-01-02T03:04:05Z'));
    w.add(prepare(dataset(), { synthetic: true }));
    const g = w.close();
    expect(g).toMatchObject({ sources: 1, entities: 4, links: 3 });
    const groups = read(g.args);
    expect(Object.keys(groups).sort()).toEqual(['CALLED', 'Entity:Person', 'Entity:Phone', 'SourceRecord', 'USES_PHONE']);

    const [source] = groups.SourceRecord!;
    expect(source).toMatchObject({ 'id:ID': 'src-1', 'summary:string': 'a "quoted" row', 'sourceEvaluation:long': '2', 'synthetic:boolean': 'true', 'recordedAt:datetime': '2025-06-01T09:00:00Z', 'importedAt:datetime': '2026-01-02T03:04:05.000Z' });
    expect(Object.keys(source!)).not.toContain('handlingConditions:string');

    const [ana, ion] = groups['Entity:Person']!;
    expect(ana).toMatchObject({ 'id:ID': 'person-1', 'fullName:string': 'Ana Pop', 'dateOfBirth:date': '1990-02-03', 'riskScore:double': '0.75', 'label:string': 'Ana Pop' });
    expect(ana!['nationalities:string[]']!.split(ARRAY_DELIMITER)).toEqual(['ROU', 'MDA']);
    expect(Object.keys(ana!)).not.toContain('id:string');
    // Ion has no date of birth or risk score: his row leaves those columns empty (unset).
    expect(ion!['dateOfBirth:date'] ?? '').toBe('');
    expect(ion!['riskScore:double'] ?? '').toBe('');

    const [l1, l2] = groups.USES_PHONE!;
    expect(l1).toMatchObject({ ':START_ID': 'person-1', ':END_ID': 'phone-1', 'id:string': 'link-1', 'validFrom:date': '2025-01-01' });
    // weight holds 3 and 0.5: the column is stored as floats; count is a whole number: integers.
    expect(l1!['weight:double']).toBe('3');
    expect(l2!['weight:double']).toBe('0.5');
    expect(groups.CALLED![0]!['count:long']).toBe('4');
  });

  it('refuses what the import cannot hold as the online loader would store it, naming the row', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-csv-'));
    const w = new CsvWriter(dir, 'p0', new Date());
    const d = dataset();
    d.sources[0]!.summary = 'two\nlines';
    expect(() => w.add(prepare(d))).toThrow(/source record src-1: summary holds a line break/);
    const mixed = dataset();
    mixed.entities[1]!.props.riskScore = 'high';
    expect(() => new CsvWriter(dir, 'p1', new Date()).add(prepare(mixed))).toThrow(LoadError);
    // A link to an entity of an earlier chunk is checked by its id's type prefix.
    const later = dataset();
    later.links = [{ type: 'USES_PHONE', id: 'link-3', from: 'person-1', to: 'premises-s000001-001', sourceIds: ['src-1'] }];
    expect(() => new CsvWriter(dir, 'p2', new Date()).add(prepare(later))).toThrow(/USES_PHONE link-3: cannot end at premises-s000001-001/);
  });
});
