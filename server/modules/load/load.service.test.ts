import { describe, expect, it } from 'vitest';
import { bestGrading, LoadError, prepare, type Dataset, type SourceRecordInput } from './load.service.ts';

const source = (over: Partial<SourceRecordInput> = {}): SourceRecordInput => ({
  id: 'src-1',
  source: 'TEST',
  recordKey: 'T-1',
  recordedAt: '2025-06-01T09:00:00Z',
  summary: 'a row',
  sourceEvaluation: 2,
  intelligenceAssessment: 'C',
  handlingCode: 'P',
  handlingConditions: null,
  classification: 'OFFICIAL',
  ...over,
});

const dataset = (over: Partial<Dataset> = {}): Dataset => ({
  sources: [source(), source({ id: 'src-2', sourceEvaluation: 1, intelligenceAssessment: 'D', handlingCode: 'C', handlingConditions: 'no onward sharing', classification: 'OFFICIAL-SENSITIVE', recordedAt: '2025-07-01T10:00:00Z' })],
  entities: [
    { type: 'PERSON', id: 'person-1', props: { givenName: 'Ana', familyName: 'Pop', dateOfBirth: '1990-02-03' }, sourceIds: ['src-1', 'src-2'] },
    { type: 'PHONE', id: 'phone-1', props: { number: '07700 900123' }, sourceIds: ['src-1'] },
  ],
  links: [{ type: 'USES_PHONE', id: 'link-uses_phone-1', from: 'person-1', to: 'phone-1', validFrom: '2025-01-01', sourceIds: ['src-2'] }],
  ...over,
});

describe('bestGrading', () => {
  it('takes the lowest evaluation, the best assessment, and the most restrictive handling and classification', () => {
    const g = bestGrading(dataset().sources);
    expect(g).toEqual({ sourceEvaluation: 1, intelligenceAssessment: 'C', handlingCode: 'C', handlingConditions: 'no onward sharing', classification: 'OFFICIAL-SENSITIVE' });
  });

  it('names each source’s handling conditions once, even when a condition holds a semicolon', () => {
    const victimData = 'Victim data: need to know; do not disclose identities outside safeguarding partners.';
    const c = (id: string, handlingConditions: string) => source({ id, handlingCode: 'C', handlingConditions, classification: 'OFFICIAL-SENSITIVE' });
    const g = bestGrading([c('s1', 'Not to be disseminated.'), c('s2', victimData), c('s3', victimData), source({ id: 's4' }), c('s5', 'Not to be disseminated.')]);
    expect(g.handlingConditions).toBe(`Not to be disseminated.; ${victimData}`);
  });
});

describe('prepare', () => {
  it('shapes entities and gives them provenance, first and last recorded times', () => {
    const p = prepare(dataset(), { synthetic: true });
    const [person] = p.entities.get('PERSON')!;
    expect(person!.props).toMatchObject({ id: 'person-1', type: 'PERSON', label: 'Ana Pop', sourceIds: ['src-1', 'src-2'], handlingCode: 'C', classification: 'OFFICIAL-SENSITIVE', intelligenceAssessment: 'C', synthetic: true });
    expect(person!.dates).toEqual({ dateOfBirth: '1990-02-03' });
    expect(person!.datetimes).toEqual({ recordedAt: '2025-06-01T09:00:00Z', updatedAt: '2025-07-01T10:00:00Z' });
    const [phone] = p.entities.get('PHONE')!;
    expect(phone!.props.e164).toBe('+447700900123');
    const [link] = p.links.get('USES_PHONE')!;
    expect(link!.dates).toEqual({ validFrom: '2025-01-01' });
    expect(link!.props).toMatchObject({ handlingCode: 'C', sourceIds: ['src-2'] });
  });

  it('names the row when a source is unknown', () => {
    const d = dataset();
    d.entities[0]!.sourceIds = ['src-9'];
    expect(() => prepare(d)).toThrow(/PERSON person-1: unknown source record src-9/);
  });

  it('refuses links whose ends are of the wrong type or whose role is not allowed', () => {
    expect(() => prepare(dataset({ links: [{ type: 'USES_PHONE', id: 'l1', from: 'phone-1', to: 'person-1', sourceIds: ['src-1'] }] }))).toThrow(LoadError);
    expect(() => prepare(dataset({ links: [{ type: 'OPERATES', id: 'l2', from: 'person-1', to: 'phone-1', sourceIds: ['src-1'] }] }))).toThrow(/cannot end at PHONE/);
    expect(() => prepare(dataset({ links: [{ type: 'USES_PHONE', id: 'l3', from: 'person-1', to: 'phone-1', role: 'CONTROLLER', sourceIds: ['src-1'] }] }))).toThrow(/role CONTROLLER/);
  });

  it("refuses a call record's count, first and last call on a link that is not CALLED, naming the link", () => {
    const uses = { type: 'USES_PHONE' as const, id: 'l4', from: 'person-1', to: 'phone-1', sourceIds: ['src-1'] };
    expect(() => prepare(dataset({ links: [{ ...uses, count: 4 }] }))).toThrow('USES_PHONE l4: count belongs to CALLED links only');
    expect(() => prepare(dataset({ links: [{ ...uses, lastAt: '2025-08-01T21:05:00Z' }] }))).toThrow('USES_PHONE l4: lastAt belongs to CALLED links only');
    expect(prepare(dataset({ links: [{ ...uses, weight: 0.5, validFrom: '2025-01-01' }] })).links).toHaveLength(1);
  });

  it('refuses bad dates, shapes and duplicate ids, naming them', () => {
    const d = dataset();
    d.entities[0]!.props.dateOfBirth = '03/02/1990';
    expect(() => prepare(d)).toThrow(/dateOfBirth must be a date/);
    const bad = dataset();
    bad.entities[1]!.props.number = 'not a phone';
    expect(() => prepare(bad)).toThrow(/PHONE phone-1: e164/);
    const dup = dataset();
    dup.entities.push({ ...dup.entities[0]! });
    expect(() => prepare(dup)).toThrow(/duplicate id/);
    const prefix = dataset();
    prefix.entities[0]!.id = 'phone-9';
    expect(() => prepare(prefix)).toThrow(/id must start with person-/);
  });
});
