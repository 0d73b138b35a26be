import { describe, expect, it } from 'vitest';
import { PEOPLE } from './people.ts';
import type { PersonInput } from './person.ts';
import { addressForm, organisationName, ORGANISATIONS, PREMISES, type OrganisationInput, type PremisesInput } from './places.ts';
import { resolveWith } from './resolver.ts';

const levelOf = <I extends { id: string }>(scheme: typeof ORGANISATIONS | typeof PREMISES, field: string, a: I, b: I) => {
  const s = scheme as unknown as { prepare: (x: I) => never; compare: (x: never, y: never) => { levels: (number | null)[] }; comparisons: { name: string; levels: readonly string[] }[] };
  const c = s.comparisons.findIndex((x) => x.name === field);
  const l = s.compare(s.prepare(a), s.prepare(b)).levels[c];
  return l === null || l === undefined ? null : s.comparisons[c]!.levels[l];
};

describe('organisations', () => {
  it('sets legal forms, case and punctuation aside in names', () => {
    expect(organisationName('Kestrel Holdings Ltd.')).toBe('kestrel holdings');
    expect(organisationName('KESTREL HOLDINGS LIMITED')).toBe('kestrel holdings');
    expect(organisationName('The Ltd Company')).toBe('the ltd company');
    const o = (id: string, name: string, companyNumber?: string): OrganisationInput => ({ id, name, ...(companyNumber ? { companyNumber } : {}) });
    expect(levelOf(ORGANISATIONS, 'name', o('a', 'Kestrel Holdings Ltd'), o('b', 'KESTREL HOLDINGS LIMITED'))).toBe('exact (legal form aside)');
    expect(levelOf(ORGANISATIONS, 'name', o('a', 'Holdings Kestrel'), o('b', 'Kestrel Holdings plc'))).toBe('same words in another order');
    expect(levelOf(ORGANISATIONS, 'companyNumber', o('a', 'x', 'zd 123456'), o('b', 'y', 'ZD123456'))).toBe('exact');
    expect(levelOf(ORGANISATIONS, 'companyNumber', o('a', 'x', 'ZD123456'), o('b', 'y', 'ZD123457'))).toBe('different');
  });

  it('merges the same company recorded twice and keeps apart namesakes with other numbers', () => {
    const filler = Array.from({ length: 60 }, (_, i) => ({ id: `f${i}`, name: `Filler ${String.fromCharCode(97 + (i % 26))}${i} Trading Ltd`, companyNumber: `ZD${900000 + i}`, postcodes: [`RG${i % 9} ${i % 10}CC`] }));
    const r = resolveWith(ORGANISATIONS, [
      ...filler,
      { id: 'o1', name: 'Kestrel Holdings Ltd', companyNumber: 'ZD100001', postcodes: ['RG1 7KC'], phones: ['+447700900001'] },
      { id: 'o2', name: 'KESTREL HOLDINGS LIMITED', companyNumber: 'ZD100001', postcodes: ['RG1 7KC'] },
      { id: 'o3', name: 'Kestrel Holdings Ltd', companyNumber: 'ZD555555', postcodes: ['OX4 1MV'] },
    ]);
    expect(r.clusters).toEqual([['o1', 'o2']]);
    const p = r.pairs.find((x) => x.a === 'o1' && x.b === 'o2')!;
    expect(p.evidence.find((e) => e.field === 'companyNumber')).toMatchObject({ level: 'exact', a: 'ZD100001', b: 'ZD100001' });
  });
});

describe('premises', () => {
  const h = (id: string, addressLine: string, postcode: string, o: Partial<PremisesInput> = {}): PremisesInput => ({ id, addressLine, postcode, town: 'Reading', ...o });

  it('compares address numbers on their own, and postcodes by sector', () => {
    expect(addressForm('12 High Street')).toBe(addressForm('12 high st.'));
    expect(levelOf(PREMISES, 'address', h('a', '12 High Street', 'RG1 7KC'), h('b', '12 High St', 'RG1 7KC'))).toBe('exact');
    expect(levelOf(PREMISES, 'address', h('a', 'Flat 1, 12 High Street', 'RG1 7KC'), h('b', 'Flat 2, 12 High Street', 'RG1 7KC'))).toBe('different numbers, similar words');
    expect(levelOf(PREMISES, 'postcode', h('a', 'x', 'RG1 7KC'), h('b', 'x', 'RG1 7KV'))).toBe('one character apart');
    expect(levelOf(PREMISES, 'postcode', h('a', 'x', 'RG1 7KC'), h('b', 'x', 'RG1 7MM'))).toBe('same sector');
    expect(levelOf(PREMISES, 'uprn', h('a', 'x', 'RG1 7KC', { uprn: '100012345' }), h('b', 'y', 'OX1 1CC', { uprn: '100012345' }))).toBe('exact');
  });

  it('merges one premises written two ways, not the flat next door', () => {
    const filler = Array.from({ length: 80 }, (_, i) => h(`f${i}`, `${i + 3} ${['Quill', 'Tern', 'Ash', 'Birch'][i % 4]} Row`, `RG${(i % 9) + 1} ${i % 10}MC`));
    const r = resolveWith(PREMISES, [
      ...filler,
      h('p1', 'Flat 1, 12 High Street', 'RG1 7KC', { name: 'Lotus Spa' }),
      h('p2', 'flat 1 12 high st', 'RG1 7KC', { name: 'LOTUS SPA LTD' }),
      h('p3', 'Flat 2, 12 High Street', 'RG1 7KC'),
    ]);
    expect(r.clusters).toEqual([['p1', 'p2']]);
  });
});

describe('term-frequency adjustment', () => {
  it('counts agreement on a common family name for less than on a rare one, and rarity for no more than an average agreement', { timeout: 60_000 }, () => {
    const people: PersonInput[] = [];
    for (let i = 0; i < 40; i++) people.push({ id: `s${i}`, givenName: `Given${i}`, familyName: 'Smith', dateOfBirth: `19${50 + (i % 40)}-0${(i % 9) + 1}-1${i % 9}` });
    for (let i = 0; i < 160; i++) people.push({ id: `u${i}`, givenName: `Other${i}`, familyName: `Uniq${i}name`, dateOfBirth: `19${50 + (i % 40)}-0${(i % 9) + 1}-2${i % 9}` });
    people.push({ id: 'r1', givenName: 'Ana', familyName: 'Quillfeather', dateOfBirth: '1990-02-03' }, { id: 'r2', givenName: 'Ana', familyName: 'Quillfeather', dateOfBirth: '1990-02-03' });
    people.push({ id: 'c1', givenName: 'Ana', familyName: 'Smith', dateOfBirth: '1991-02-03' }, { id: 'c2', givenName: 'Ana', familyName: 'Smith', dateOfBirth: '1991-02-03' });
    const r = resolveWith(PEOPLE, people, { thresholds: { merge: 0.95, review: 0.0001 } });
    const off = resolveWith(PEOPLE, people, { thresholds: { merge: 0.95, review: 0.0001 }, termFrequency: false });
    const plainWeightOf = (a: string, b: string) => off.pairs.find((p) => p.a === a && p.b === b)!.evidence.find((e) => e.field === 'familyName')!.weight;
    const family = (a: string, b: string) => r.pairs.find((p) => p.a === a && p.b === b)!.evidence.find((e) => e.field === 'familyName')!.weight;
    expect(family('r1', 'r2')).toBeGreaterThan(family('c1', 'c2') + 1);
    // Rarity never adds more than an average agreement.
    expect(family('r1', 'r2')).toBeLessThanOrEqual(plainWeightOf('r1', 'r2'));
    expect(plainWeightOf('r1', 'r2')).toBe(plainWeightOf('c1', 'c2'));
  });
});
