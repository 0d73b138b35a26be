import { describe, expect, it } from 'vitest';
import {
  asksFor,
  EMPTY_PROVENANCE,
  fieldOf,
  formProperties,
  linkChoices,
  messageFor,
  propertyInputs,
  provenanceInput,
  type LinkTypeSpec,
  type PropertySpec,
} from './form.ts';

const prop = (name: string, o: Partial<PropertySpec> = {}): PropertySpec => ({
  name,
  kind: 'string',
  values: [],
  list: false,
  required: false,
  editable: true,
  description: '',
  ...o,
});
const link = (name: string, from: string[], to: string[]): LinkTypeSpec => ({
  name,
  verb: name.toLowerCase(),
  from,
  to,
  roles: [],
  properties: [],
});

describe('editing forms', () => {
  it('offers only the link types the registry allows between the two entity types, either way round', () => {
    const types = [
      link('WORKS_AT', ['PERSON'], ['PREMISES']),
      link('ASSOCIATE_OF', ['PERSON'], ['PERSON']),
      link('USES_PHONE', ['PERSON', 'ORGANISATION'], ['PHONE']),
    ];
    expect(linkChoices(types, 'PERSON', 'PREMISES').map((c) => [c.type.name, c.reversed])).toEqual([
      ['WORKS_AT', false],
    ]);
    // Chosen from the premises: the same link, running from the person.
    expect(linkChoices(types, 'PREMISES', 'PERSON').map((c) => [c.type.name, c.reversed])).toEqual([
      ['WORKS_AT', true],
    ]);
    expect(linkChoices(types, 'PERSON', 'PERSON').map((c) => c.type.name)).toEqual([
      'ASSOCIATE_OF',
    ]);
    expect(linkChoices(types, 'PHONE', 'PREMISES')).toEqual([]);
  });

  it('sends every value given on creating, and only the changed ones (a cleared one as null) on editing', () => {
    expect(propertyInputs({ fullName: ' Ana Pop ', nationalities: '' })).toEqual([
      { name: 'fullName', value: 'Ana Pop' },
    ]);
    expect(
      propertyInputs(
        { fullName: 'Ana Pop', dateOfBirth: '1999-02-03', aliases: '' },
        { fullName: 'Ana Pop', dateOfBirth: '1998-02-03', aliases: 'Ani' },
      ),
    ).toEqual([
      { name: 'dateOfBirth', value: '1999-02-03' },
      { name: 'aliases', value: null },
    ]);
  });

  it('lists the properties an analyst may set, and asks for the required ones but not for yes/no flags', () => {
    const props = [
      prop('fullName', { required: true }),
      prop('riskScore', { editable: false }),
      prop('suspect', { kind: 'boolean', required: true }),
      prop('aliases'),
    ];
    expect(formProperties(props).map((p) => p.name)).toEqual(['fullName', 'suspect', 'aliases']);
    expect(props.filter(asksFor).map((p) => p.name)).toEqual(['fullName']);
  });

  it('sends handling conditions only with handling code C, and leaves an empty summary out', () => {
    const p = {
      ...EMPTY_PROVENANCE,
      source: ' intel-log ',
      recordKey: 'IL-1',
      handlingConditions: 'not to partners',
    };
    expect(provenanceInput(p)).toEqual({
      source: 'intel-log',
      recordKey: 'IL-1',
      sourceEvaluation: 'UNTESTED',
      intelligenceAssessment: 'C',
      handlingCode: 'P',
      classification: 'OFFICIAL',
    });
    expect(provenanceInput({ ...p, handlingCode: 'C' })).toMatchObject({
      handlingCode: 'C',
      handlingConditions: 'not to partners',
    });
  });

  it('puts a server error by the field its argument names', () => {
    expect(fieldOf('input.properties.dateOfBirth')).toBe('properties.dateOfBirth');
    expect(fieldOf('properties.fullName')).toBe('properties.fullName');
    expect(fieldOf('provenance.recordKey')).toBe('provenance.recordKey');
    expect(fieldOf('input.provenance.handlingConditions')).toBe('provenance.handlingConditions');
    expect(fieldOf('input.validTo')).toBe('validTo');
    expect(fieldOf('input')).toBeNull();
    expect(fieldOf(undefined)).toBeNull();
    expect(
      messageFor('input.validTo: must be on or after validFrom (2024-05-01).', 'input.validTo'),
    ).toBe('must be on or after validFrom (2024-05-01).');
    expect(messageFor('No entity with id "x"', undefined)).toBe('No entity with id "x"');
  });
});
