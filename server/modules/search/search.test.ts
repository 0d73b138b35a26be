import { describe, expect, it } from 'vitest';
import { buildSearchQuery, escapeLucene, matchedForm, words } from './search.query.ts';

describe('search query building', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p');
  });

  it('keeps only letters and digits of hostile text, so no query syntax survives', () => {
    const q = buildSearchQuery('"x" OR *:* ) ] \\ ~ ^ label:y AND NOT z')!;
    expect(q).not.toMatch(/:\*|\bAND\b(?! )|label:/);
    expect(words('AND OR NOT')).toEqual(['and', 'or', 'not']);
    expect(buildSearchQuery('!!! ***')).toBeUndefined();
  });

  it('adds fuzzy and prefix forms for names, and the phrase for several words', () => {
    expect(buildSearchQuery('Zoë Smith')).toBe('(zoe^3 OR zoe*) (smith^3 OR smith~1 OR smith*) "zoe smith"^4');
    expect(buildSearchQuery('Kowalczyk')).toContain('kowalczyk~2');
  });

  it('turns any written form of a phone number into its stored forms', () => {
    for (const text of ['07700 900123', '+44 7700 900123', '447700900123', '0044 7700 900123']) {
      expect(buildSearchQuery(text), text).toContain('447700900123^10');
    }
  });

  it('searches postcodes and VRMs in their compact form', () => {
    expect(buildSearchQuery('rg1 2ab')).toContain('rg12ab^8');
    expect(buildSearchQuery('RG12AB')).toContain('rg12ab^8');
    expect(buildSearchQuery('ab12 cde')).toContain('ab12cde^8');
  });

  it('caps the number of words', () => {
    expect(words(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });

  it('says which form matched', () => {
    expect(matchedForm('ana quill | quill ana | nastka q', 'Quill Ana')).toBe('ana quill');
    expect(matchedForm('07700 900123 | +447700900123 | 447700900123', '+44 7700 900123')).toBe('07700 900123');
    expect(matchedForm(null, 'x')).toBeNull();
  });
});
