/** The indicator library file: loaded and validated, errors naming the line and key. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, LIBRARY_FILE, library, parseLibrary } from './library.ts';

describe('the indicator library file', () => {
  it('defines every rule once, each with a version, a rationale and known references', () => {
    const l = library();
    expect(l.indicators.map((i) => i.id).sort()).toEqual([...INDICATOR_IDS].sort());
    for (const i of l.indicators) {
      expect(i.version).toBeGreaterThan(0);
      expect(i.references.every((r) => r in l.references)).toBe(true);
    }
  });

  it('names the line and key of an unknown reference, an unknown rule and a bad weight', () => {
    const text = fs.readFileSync(LIBRARY_FILE, 'utf8');
    const line = (t: string, needle: string) => t.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const badRef = text.replace('references: [ho-nrm, ho-dtn, ho-statutory]', 'references: [ho-nrm, nowhere]');
    expect(() => parseLibrary(badRef, 'lib.yaml')).toThrow(new RegExp(`lib\\.yaml:${line(badRef, 'nowhere')}: indicators\\.7\\.references\\.1: nowhere is not in references`));
    expect(() => parseLibrary(text.replace('- id: nrm-history', '- id: made-up'), 'lib.yaml')).toThrow(/indicators\.7\.id: must be one of/);
    expect(() => parseLibrary(text.replace('weight: 0.8', 'weight: zero'), 'lib.yaml')).toThrow(/indicators\.1\.weight/);
  });
});
