import { describe, expect, it } from 'vitest';
import { personRowsFile, rowPhones } from './scale-copy.ts';

describe('rowPhones', () => {
  const existing = Array.from({ length: 500 }, (_, i) => `+444000000${String(i).padStart(3, '0')}`);

  it('gives a share of the rows one of the store’s numbers and the others a new number each, the same on every run', () => {
    const a = rowPhones(10_000, existing, 0.25);
    expect(a).toEqual(rowPhones(10_000, existing, 0.25));
    const reused = a.phones.filter((p) => existing.includes(p));
    expect(reused).toHaveLength(a.joined);
    expect(a.joined / 10_000).toBeGreaterThan(0.23);
    expect(a.joined / 10_000).toBeLessThan(0.27);
    const fresh = a.phones.filter((p) => !existing.includes(p));
    expect(new Set(fresh).size).toBe(fresh.length);
    expect(fresh.every((p) => /^0499\d{7}$/.test(p))).toBe(true);
    // Spread over the store, not its first numbers only.
    expect(new Set(reused).size).toBeGreaterThan(400);
  });

  it('joins no row at share 0 and every row at share 1', () => {
    expect(rowPhones(100, existing, 0).joined).toBe(0);
    expect(rowPhones(100, existing, 1).phones.every((p) => existing.includes(p))).toBe(true);
  });

  it('refuses to join rows to a store without phone numbers', () => {
    expect(() => rowPhones(10, [], 0.25)).toThrow(/no phone numbers/);
  });
});

describe('personRowsFile', () => {
  it('writes one CSV line a row under the mapping’s header', () => {
    const f = personRowsFile('rows.csv', [{ ref: 'S0', given: 'Bench0', family: 'Stored', phone: '+4440000001234', site: 'Bench Site 0' }]);
    expect(new TextDecoder().decode(f.bytes)).toBe('ref;given;family;phone;site;town\nS0;Bench0;Stored;+4440000001234;Bench Site 0;Reading');
  });
});
