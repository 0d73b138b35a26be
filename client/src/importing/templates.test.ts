import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../../server/modules/import/mapping.ts';
import { extensionOf, rateText, TEMPLATES, toBase64 } from './templates.ts';

describe('mapping templates', () => {
  it.each(TEMPLATES.map((t) => [t.name, t.text]))('%s is a valid mapping', (_name, text) => {
    expect(() => parseMapping(text)).not.toThrow();
  });
});

describe('toBase64', () => {
  it('encodes bytes beyond one chunk exactly as Node does', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('progress text', () => {
  it('says rows per second and the time left', () => {
    expect(rateText(1234.4, 75)).toBe('1,234 rows/s · 1 min 15 s left');
    expect(rateText(12.34, null)).toBe('12.3 rows/s');
    expect(extensionOf('people.NDJSON')).toBe('ndjson');
  });
});
