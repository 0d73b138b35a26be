import { describe, expect, it } from 'vitest';
import { ShapeError, shapeEntity } from './shape.ts';

describe('shaping entities for storage', () => {
  it('labels a person by full name and makes both name orders searchable', () => {
    const s = shapeEntity('PERSON', { givenName: 'Ana', familyName: 'Popescu', aliases: ['Anya'] });
    expect(s.label).toBe('Ana Popescu');
    expect(s.searchText).toContain('popescu ana');
    expect(s.searchText).toContain('anya');
    expect(s.props.potentialVictim).toBe(false);
  });

  it('stores a phone in E.164 whatever way it was written, labelled in national form', () => {
    const s = shapeEntity('PHONE', { number: '+44 7700 900123' });
    expect(s.props.e164).toBe('+447700900123');
    expect(s.label).toBe('07700 900123');
    expect(s.searchText).toContain('447700900123');
  });

  it('stores premises postcodes in both forms', () => {
    const s = shapeEntity('PREMISES', { name: 'Lotus Spa', postcode: 'rg1 2ab', town: 'Reading' });
    expect(s.props).toMatchObject({ postcode: 'RG1 2AB', postcodeCompact: 'RG12AB' });
    expect(s.label).toBe('Lotus Spa, RG1 2AB');
  });

  it('makes premises searchable by their kind in words', () => {
    expect(shapeEntity('PREMISES', { name: 'Lotus Spa', kind: 'MASSAGE_PARLOUR' }).searchText.split(' | ')).toContain('massage parlour');
    expect(shapeEntity('PREMISES', { name: 'Lotus Spa' }).searchText).toBe('lotus spa');
  });

  it('stores VRMs without spaces and finds them with', () => {
    const s = shapeEntity('VEHICLE', { vrm: 'ab12 cde', make: 'Ford', model: 'Transit', colour: 'White' });
    expect(s.props.vrm).toBe('AB12CDE');
    expect(s.searchText).toContain('ab12 cde');
  });

  it('names the bad property', () => {
    expect(() => shapeEntity('PHONE', { number: 'call me' })).toThrow(ShapeError);
    expect(() => shapeEntity('PHONE', { number: 'call me' })).toThrow(/^e164:/);
    expect(() => shapeEntity('PREMISES', { name: 'X', postcode: 'nowhere' })).toThrow(/^postcode:/);
    expect(() => shapeEntity('BANK_ACCOUNT', { sortCode: '12', accountNumber: '12345678' })).toThrow(/^sortCode:/);
  });
});
