import { describe, expect, it } from 'vitest';
import { parseSelection } from '../selection/selection.service.ts';
import { pseudonym, pseudonymKeyFrom } from '../../db/scope.ts';
import { XMLParser } from 'fast-xml-parser';
import { linkLabel, xmlText } from './common.ts';
import { safeCell } from '../../kernel/csv.ts';
import { xmlDocument } from './xml.ts';

describe('export helpers', () => {
  it('disarms spreadsheet formulas but leaves numbers and plain text alone', () => {
    expect(safeCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(safeCell('+447700900123')).toBe("'+447700900123");
    expect(safeCell('-2+3')).toBe("'-2+3");
    expect(safeCell('@cmd')).toBe("'@cmd");
    expect(safeCell('\tx')).toBe("'\tx");
    expect(safeCell('-0.97')).toBe('-0.97');
    expect(safeCell('12')).toBe('12');
    expect(safeCell('Reading')).toBe('Reading');
    expect(safeCell('')).toBe('');
  });

  it('writes XML that a parser reads back to the same text and attributes, whatever the characters', () => {
    const hostile = 'Tom & Jerry &amp; <b>"q"</b> \'s\' -- tab\there\nnew line\r\nend \u0000\u001F \uD800 😀-';
    const doc = xmlDocument('root', { a: hostile, n: 3, skipped: undefined });
    doc.root.com(hostile);
    doc.root.ele('t').txt(hostile);
    doc.root.ele('empty', { b: true });
    const xml = doc.toString();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<root a="/);
    expect(xml).not.toContain('skipped');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', commentPropName: '#comment', trimValues: false, htmlEntities: true }).parse(xml) as {
      root: { '@a': string; '@n': string; t: string; empty: { '@b': string }; '#comment': string };
    };
    const expected = 'Tom & Jerry &amp; <b>"q"</b> \'s\' -- tab\there\nnew line\r\nend \uFFFD\uFFFD \uFFFD 😀-';
    expect(parsed.root['@a']).toBe(expected);
    expect(parsed.root.t).toBe(expected);
    expect(parsed.root['@n']).toBe('3');
    expect(parsed.root.empty['@b']).toBe('true');
    expect(parsed.root['#comment']).not.toMatch(/--/);
    expect(xmlText(null)).toBe('');
  });

  it('gives a person one pseudonym from the audit key: the same on every instance, another under another key', () => {
    const key = pseudonymKeyFrom(Buffer.from('an audit key of at least 32 characters'));
    const again = pseudonymKeyFrom(Buffer.from('an audit key of at least 32 characters'));
    expect(pseudonym(key, 'person-1')).toMatch(/^Protected person [0-9A-F]{6}$/);
    expect(pseudonym(again, 'person-1')).toBe(pseudonym(key, 'person-1'));
    expect(pseudonym(key, 'person-2')).not.toBe(pseudonym(key, 'person-1'));
    expect(pseudonym(pseudonymKeyFrom(Buffer.from('another audit key of at least 32 chars')), 'person-1')).not.toBe(pseudonym(key, 'person-1'));
  });

  it('labels links by verb, role and call count', () => {
    const base = { verb: 'associate of', role: null, count: null } as Parameters<typeof linkLabel>[0];
    expect(linkLabel(base)).toBe('associate of');
    expect(linkLabel({ ...base, role: 'DRIVES_FOR' })).toBe('associate of (drives for)');
    expect(linkLabel({ ...base, verb: 'called', count: 12 })).toBe('called (12)');
  });

  it('checks selections: ids with hops 0 to 3 (default 1), or a chart, naming the argument', () => {
    expect(parseSelection({ ids: ['a', 'a', ' b '] })).toEqual({ ids: ['a', 'b'], hops: 1 });
    expect(parseSelection({ ids: ['a'], hops: 0 })).toEqual({ ids: ['a'], hops: 0 });
    expect(parseSelection({ chart: ' Op Aidant ' })).toEqual({ chart: 'Op Aidant' });
    expect(() => parseSelection({ chart: 'x', hops: 2 })).toThrow('selection.hops: hops go with ids, not with a chart.');
    expect(() => parseSelection({ ids: ['a'], hops: 1.5 })).toThrow('selection.hops');
    expect(() => parseSelection({ ids: [''] })).toThrow(/1 to 100 distinct ids|an id has 1 to 200 characters/);
    expect(() => parseSelection({ ids: ['x'.repeat(201)] })).toThrow('selection.ids[0]: an id has 1 to 200 characters.');
  });
});
