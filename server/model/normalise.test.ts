import { describe, expect, it } from 'vitest';
import { fold, parsePhone, parsePostcode, parseVrm, personSearchForms, searchText } from './normalise.ts';

describe('phone numbers', () => {
  it.each(['07700 900123', '+44 7700 900123', '447700900123', '0044 7700 900123', '(07700) 900-123'])(
    'reads %s as +447700900123',
    (written) => {
      expect(parsePhone(written)?.e164).toBe('+447700900123');
    },
  );

  it('gives the national form and every searchable form', () => {
    const p = parsePhone('+447700900123');
    expect(p?.national).toBe('07700 900123');
    expect(p?.searchForms).toEqual(expect.arrayContaining(['+447700900123', '447700900123', '07700900123', '7700900123']));
  });

  it('gives the country of a number outside the ranges in service, however it is written', () => {
    // 01632 960xxx is an Ofcom drama range: possible, not valid, still a UK number.
    for (const written of ['01632 960123', '+44 1632 960123', '441632960123']) expect(parsePhone(written)?.country).toBe('GB');
    expect(parsePhone('+44 1632 960123', 'JE')?.country).toBe('JE');
    expect(parsePhone('+33 1 99 00 00 00')?.country).toBe('FR');
  });

  it('rejects text that is not a phone number', () => {
    expect(parsePhone('hello')).toBeUndefined();
    expect(parsePhone('123')).toBeUndefined();
  });
});

describe('postcodes and VRMs', () => {
  it('reads a postcode with or without its space', () => {
    expect(parsePostcode('rg12ab')).toEqual({ formatted: 'RG1 2AB', compact: 'RG12AB' });
    expect(parsePostcode(' SL1 1AA ')).toEqual({ formatted: 'SL1 1AA', compact: 'SL11AA' });
    expect(parsePostcode('Reading')).toBeUndefined();
  });

  it('reads a VRM with or without spaces', () => {
    expect(parseVrm('ab12 cde')).toEqual({ compact: 'AB12CDE', spaced: 'AB12 CDE' });
    expect(parseVrm('AB12CDE')?.compact).toBe('AB12CDE');
  });
});

describe('search text', () => {
  it('holds a name both ways round, folded', () => {
    const t = searchText(personSearchForms({ givenName: 'Zoë', familyName: 'Adams', aliases: ['Zed'] }));
    expect(t).toContain('zoe adams');
    expect(t).toContain('adams zoe');
    expect(t).toContain('zed');
    expect(fold('ÉLODIE')).toBe('elodie');
  });
});
