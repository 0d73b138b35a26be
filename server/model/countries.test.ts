import { describe, expect, it } from 'vitest';
import { alpha3, ftmCountry } from './countries.ts';

describe('country codes', () => {
  it('reads alpha-2 and alpha-3 in any case, and nothing else', () => {
    expect(['ro', 'GB', 'ROU', 'gbr', 'xk', 'XKX', 'UK', 'ZZZ', 'Romania', ''].map(alpha3)).toEqual(['ROU', 'GBR', 'ROU', 'GBR', 'XKX', 'XKX', undefined, undefined, undefined, undefined]);
  });

  it("writes FtM's lower-case alpha-2", () => {
    expect(['GBR', 'ROU', 'VNM', 'ALB', 'XKX', 'gbr', 'RO', 'ZZZ', 'UK', ''].map(ftmCountry)).toEqual(['gb', 'ro', 'vn', 'al', 'xk', 'gb', 'ro', undefined, undefined, undefined]);
  });
});
