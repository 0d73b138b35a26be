import { describe, expect, it } from 'vitest';
import { checkId, checkLink, parseProperties, parseProvenance, personFlags } from './editing.input.ts';

const ext = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: Record<string, unknown> }).extensions;
  }
  return undefined;
};
const prov = { source: 's', recordKey: 'k', sourceEvaluation: 'RELIABLE' as const, intelligenceAssessment: 'A', handlingCode: 'P' };

describe('mutation inputs', () => {
  it('parses property text by kind, naming a bad property', () => {
    expect(parseProperties('PERSON', [{ name: 'aliases', value: 'a, b,' }, { name: 'riskScore', value: '0.5' }, { name: 'gender', value: 'female' }, { name: 'dateOfBirth', value: null }], 'p')).toEqual({
      aliases: ['a', 'b'], riskScore: 0.5, gender: 'FEMALE', dateOfBirth: null,
    });
    expect(ext(() => parseProperties('PERSON', [{ name: 'height', value: '2' }], 'input.properties'))).toMatchObject({ argument: 'input.properties.height' });
    expect(ext(() => parseProperties('VISIT', [{ name: 'visitedOn', value: 'monday' }], 'p'))).toMatchObject({ argument: 'p.visitedOn' });
    expect(ext(() => parseProperties('ADVERT', [{ name: 'obscuredNumber', value: 'yes' }], 'p'))).toMatchObject({ argument: 'p.obscuredNumber' });
    expect(ext(() => parseProperties('PREMISES', [{ name: 'latitude', value: 'north' }], 'p'))).toMatchObject({ argument: 'p.latitude' });
    expect(ext(() => parseProperties('PERSON', [{ name: 'pncId', value: 'a' }, { name: 'pncId', value: 'b' }], 'p'))).toMatchObject({ argument: 'p.pncId' });
  });

  it('maps provenance to a source record and requires conditions with handling code C', () => {
    expect(parseProvenance({ ...prov, classification: 'OFFICIAL_SENSITIVE' }, 'x').record).toMatchObject({ sourceEvaluation: 1, classification: 'OFFICIAL-SENSITIVE' });
    expect(ext(() => parseProvenance({ ...prov, handlingCode: 'C' }, 'input.provenance'))).toMatchObject({ argument: 'input.provenance.handlingConditions' });
    expect(ext(() => parseProvenance({ ...prov, source: ' ' }, 'x'))).toMatchObject({ argument: 'x.source' });
  });

  it('checks link ends and roles against the link type', () => {
    expect(() => checkLink('WORKS_AT', 'PERSON', 'PREMISES', null, 'input')).not.toThrow();
    expect(ext(() => checkLink('WORKS_AT', 'PHONE', 'PREMISES', null, 'input'))).toMatchObject({ argument: 'input.source' });
    expect(ext(() => checkLink('WORKS_AT', 'PERSON', 'PHONE', null, 'input'))).toMatchObject({ argument: 'input.target' });
    expect(ext(() => checkLink('ASSOCIATE_OF', 'PERSON', 'PERSON', 'FRIEND', 'input'))).toMatchObject({ argument: 'input.role' });
    expect(ext(() => checkLink('LIVES_AT', 'PERSON', 'PREMISES', 'OWNER', 'input'))).toMatchObject({ argument: 'input.role' });
  });

  it('derives person flags from links', () => {
    expect(personFlags('INVOLVED_IN', 'SUSPECT')).toMatchObject({ flagEnd: 'source', suspect: true, potentialVictim: false });
    expect(personFlags('INVOLVED_IN', 'VICTIM')).toMatchObject({ flagEnd: 'source', potentialVictim: true });
    expect(personFlags('ENCOUNTERED', 'POTENTIAL_VICTIM')).toMatchObject({ flagEnd: 'target', potentialVictim: true });
    expect(personFlags('REFERRAL_FOR', null)).toMatchObject({ flagEnd: 'target', safeguarded: true });
    expect(personFlags('INVOLVED_IN', 'WITNESS').flagEnd).toBeNull();
  });

  it('accepts caller-chosen ids only with the right prefix', () => {
    expect(checkId('person-abc', 'person', 'input.id')).toBe('person-abc');
    expect(ext(() => checkId('phone-abc', 'person', 'input.id'))).toMatchObject({ argument: 'input.id' });
    expect(ext(() => checkId("person-a' OR 1=1", 'person', 'input.id'))).toMatchObject({ argument: 'input.id' });
  });
});
