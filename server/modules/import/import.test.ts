import { describe, expect, it } from 'vitest';
import { MappingError, parseMapping } from './mapping.ts';
import { decode, readCsv, sniffDelimiter } from './readers.ts';
import { applyTransform, parseDateByFormat, splitName } from './transforms.ts';
import { mapRow, sourceRecordId } from './rows.ts';
import { mapFtmRow } from './ftm.ts';
import { importFiles, mapFiles } from './import.service.ts';
import type { Gateway, Tx } from '../../db/gateway.ts';

const MAPPING = `version: 1
recordKey: [ref]
grading:
  sourceEvaluation: 1
  intelligenceAssessment: B
  handlingCode: P
  classification: OFFICIAL
entities:
  person:
    type: PERSON
    properties:
      fullName: { column: name, transform: [trim, title] }
      dateOfBirth: { column: dob, transform: [{ date: dd/MM/yyyy }] }
  phone:
    type: PHONE
    properties:
      number: { column: tel, transform: [{ phone: GB }] }
links:
  - { type: USES_PHONE, from: person, to: phone }
`;
const mapping = parseMapping(MAPPING);
const ctx = { source: 'TEST', file: 'f.csv', importedAt: '2025-09-01T10:00:00Z' };
const bytes = (s: string) => new TextEncoder().encode(s);

describe('mapping files', () => {
  it('names the line of a bad value', () => {
    expect(() => parseMapping(MAPPING.replace('sourceEvaluation: 1', 'sourceEvaluation: 9'), 'm.yaml')).toThrow(/m\.yaml:4: grading\.sourceEvaluation: source evaluation is 1, 2 or 3/);
    expect(() => parseMapping(MAPPING.replace('type: PHONE', 'type: TELEPHONE'), 'm.yaml')).toThrow(/m\.yaml:15: entities\.phone\.type/);
    expect(() => parseMapping(MAPPING.replace('to: phone', 'to: mobile'), 'm.yaml')).toThrow(/m\.yaml:19: links\.0\.to: no entity named "mobile"/);
    expect(() => parseMapping('version: 1\nrecordKey: [ref\n', 'm.yaml')).toThrow(MappingError);
  });

  it('reads JSON mappings with the same rules', () => {
    const json = JSON.stringify({ version: 1, recordKey: ['id'], grading: { sourceEvaluation: 2, intelligenceAssessment: 'C', handlingCode: 'C', classification: 'OFFICIAL' }, entities: { p: { type: 'PERSON', properties: { fullName: 'n' } } } }, null, 2);
    expect(() => parseMapping(json, 'm.json')).toThrow(/m\.json:\d+: grading\.handlingConditions: handling code C needs handlingConditions/);
  });
});

describe('CSV reading', () => {
  it('sniffs the delimiter', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t"x, y"\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
    expect(sniffDelimiter('a,b\n"1;2",3\n')).toBe(',');
  });

  it('tells UTF-8 from Latin-1', () => {
    expect(decode(bytes('\uFEFFZoë')).text).toBe('Zoë');
    expect(decode(new Uint8Array([0x5a, 0x6f, 0xeb]))).toEqual({ text: 'Zoë', encoding: 'latin1' });
  });

  it('reads LF, CRLF and CR line endings with the line each row starts on, multi-line fields included', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const r = readCsv(bytes(['ref,name,dob,tel', '1,"Ana\nPop",01/02/1990,07700900123', '', '2,Ion,01/02/1991,07700900124'].join(eol).replace('Ana\n', `Ana${eol}`)), mapping);
      expect(r.header).toBe(true);
      expect(r.rows.map((x) => [x.line, x.values.ref])).toEqual([
        [2, '1'],
        [5, '2'],
      ]);
    }
  });

  it('reads files without a header by column number or by the mapping\'s column names', () => {
    const m = parseMapping(MAPPING.replace('recordKey: [ref]', 'recordKey: [ref]\ncsv: { header: false, columns: [ref, name, dob, tel] }'));
    const r = readCsv(bytes('1;Ana Pop;01/02/1990;07700900123\n'), m);
    expect(r.header).toBe(false);
    expect(r.rows[0]!.values).toMatchObject({ ref: '1', name: 'Ana Pop', 1: '1', 4: '07700900123' });
    // No header row detected when the first row does not hold the mapping's column names.
    expect(readCsv(bytes('1,Ana Pop,01/02/1990,07700900123\n'), mapping).header).toBe(false);
  });
});

describe('CSV rows that cannot be read, and columns', () => {
  it('reports a stray quote at the line it is on, and reads the rows after it', () => {
    const text = ['ref,name,dob,tel', '1,Ana,,', '2,Ion,,', '3,Eva,,', '4,Dan,,', '5,"Mara,,', '6,Ilie,,', '7,Radu,,'].join('\n') + '\n';
    const r = mapFiles({ source: 'TEST', mapping, files: [{ name: 'malformed.csv', bytes: bytes(text) }] });
    expect(r.errors).toEqual([{ file: 'malformed.csv', line: 6, column: null, reason: expect.stringMatching(/quoted field opened on this line is never closed; this row is not imported/) }]);
    expect(r.mapped.map((x) => [x.line, x.source.recordKey])).toEqual([
      [2, '1'],
      [3, '2'],
      [4, '3'],
      [5, '4'],
      [7, '6'],
      [8, '7'],
    ]);
    expect(r.rows).toBe(7);
  });

  it('refuses, before anything is read into rows, a mapping naming a column the file lacks; lists columns it does not read', () => {
    expect(() => mapFiles({ source: 'TEST', mapping, files: [{ name: 'a.csv', bytes: bytes('ref,name,tel\n1,Ana,\n') }] })).toThrow(/a\.csv: the mapping names a column the file does not have: dob \(its columns: ref, name, tel\)/);
    const r = mapFiles({ source: 'TEST', mapping, files: [{ name: 'a.csv', bytes: bytes('ref,name,dob,tel,notes\n1,Ana,,,x\n2,Ion,,,\n') }] });
    expect(r.unmappedColumns).toEqual([{ file: 'a.csv', column: 'notes', values: 1 }]);
  });
});

describe('transforms', () => {
  it('parses dates by format and refuses impossible ones', () => {
    expect(parseDateByFormat('3/2/1990', 'd/M/yyyy').date).toBe('1990-02-03');
    expect(parseDateByFormat('19900203', 'yyyyMMdd').date).toBe('1990-02-03');
    expect(parseDateByFormat('02-03-1990 14:05', 'MM-dd-yyyy HH:mm')).toEqual({ date: '1990-02-03', time: '14:05:00' });
    expect(() => parseDateByFormat('29/02/2023', 'dd/MM/yyyy')).toThrow(/not a real date/);
    expect(applyTransform('01/02/2024 09:30', { datetime: 'dd/MM/yyyy HH:mm' })).toBe('2024-02-01T09:30:00Z');
  });

  it('normalises phones to E.164 with a default region, and postcodes', () => {
    expect(applyTransform('07700 900123', { phone: 'GB' })).toBe('+447700900123');
    expect(applyTransform('0033 6 12 34 56 78', { phone: 'GB' })).toBe('+33612345678');
    expect(() => applyTransform('12', { phone: 'GB' })).toThrow(/not a phone number/);
    expect(applyTransform('rg12ab', 'postcode')).toBe('RG1 2AB');
  });

  it('splits names either way round, and maps codes', () => {
    expect(splitName('POPESCU, Ana Maria')).toEqual({ family: 'POPESCU', given: 'Ana Maria' });
    expect(splitName('Nguyen Thi Lan', 'family-first')).toEqual({ family: 'Nguyen', given: 'Thi Lan' });
    expect(applyTransform('ana maria POPESCU', 'title')).toBe('Ana Maria Popescu');
    expect(applyTransform('m', { map: { m: 'MALE', f: 'FEMALE' } })).toBe('MALE');
    expect(() => applyTransform('x', { map: { m: 'MALE' } })).toThrow(/not one of m/);
  });
});

describe('rows', () => {
  const row = (values: Record<string, string>, line = 2) => ({ line, values });

  it('gives a row a stable source record, its entities and links', () => {
    const r = mapRow(row({ ref: 'A1', name: 'ana POP', dob: '03/02/1990', tel: '07700900123' }), mapping, ctx);
    expect(r.errors).toEqual([]);
    expect(r.row!.source).toMatchObject({ id: sourceRecordId('TEST', 'A1'), recordKey: 'A1', file: 'f.csv', line: 2, sourceEvaluation: 1, recordedAt: ctx.importedAt });
    expect(r.row!.entities.map((e) => [e.type, e.props])).toEqual([
      ['PERSON', { fullName: 'Ana Pop', dateOfBirth: '1990-02-03' }],
      ['PHONE', { number: '+447700900123' }],
    ]);
    expect(r.row!.entities[1]!.naturalKey).toEqual({ type: 'PHONE', value: '+447700900123' });
    expect(r.row!.links).toHaveLength(1);
    // The same row maps to the same ids; a changed row keeps its ids but not its content hash.
    const again = mapRow(row({ ref: 'A1', name: 'ana POP', dob: '03/02/1990', tel: '07700900123' }), mapping, ctx);
    const changed = mapRow(row({ ref: 'A1', name: 'ana POPA', dob: '03/02/1990', tel: '07700900123' }), mapping, ctx);
    expect(again.row!.entities.map((e) => e.id)).toEqual(r.row!.entities.map((e) => e.id));
    expect(changed.row!.source.id).toBe(r.row!.source.id);
    expect(changed.row!.source.contentHash).not.toBe(r.row!.source.contentHash);
  });

  it('leaves out an entity with no values, and names the column of a bad value', () => {
    const r = mapRow(row({ ref: 'A2', name: 'Ion', dob: '', tel: '' }), mapping, ctx);
    expect(r.row!.entities.map((e) => e.type)).toEqual(['PERSON']);
    expect(r.row!.links).toEqual([]);
  });

  it('leaves a bad optional value out of a kept row, reporting it with its column and value; strict refuses the row', () => {
    const bad = mapRow(row({ ref: 'A3', name: 'Ion', dob: '1990-02-03', tel: '' }, 7), mapping, ctx);
    expect(bad.errors).toEqual([]);
    expect(bad.warnings).toEqual([
      { file: 'f.csv', line: 7, column: 'dob', value: '1990-02-03', code: 'VALUE_LEFT_OUT', reason: expect.stringMatching(/does not match the date format dd\/MM\/yyyy; left out, the row is kept/) },
    ]);
    expect(bad.row!.entities.map((e) => e.props)).toEqual([{ fullName: 'Ion' }]);
    expect(bad.row!.source.unparsed).toEqual(['dob: 1990-02-03']);
    const strict = mapRow(row({ ref: 'A3', name: 'Ion', dob: '1990-02-03', tel: '' }, 7), mapping, { ...ctx, strict: true });
    expect(strict.row).toBeUndefined();
    expect(strict.errors).toEqual([{ file: 'f.csv', line: 7, column: 'dob', value: '1990-02-03', reason: expect.stringMatching(/does not match the date format dd\/MM\/yyyy/) }]);
    // A value declared required refuses its row without --strict.
    const required = parseMapping(MAPPING.replace('transform: [{ date: dd/MM/yyyy }] }', 'transform: [{ date: dd/MM/yyyy }], required: true }'));
    expect(mapRow(row({ ref: 'A3', name: 'Ion', dob: '1990-02-03', tel: '' }, 7), required, ctx).errors).toHaveLength(1);
  });

  it('reads declared date formats (several, tried in order) and phones of a declared region, never reinterpreting one', () => {
    const m = parseMapping(`version: 1
recordKey: [ref]
dateFormat: [d/MM/yyyy, yyyy-MM-dd]
phoneRegion: US
grading: { sourceEvaluation: 1, intelligenceAssessment: A, handlingCode: P, classification: OFFICIAL }
entities:
  person: { type: PERSON, properties: { fullName: name, dateOfBirth: dob } }
  phone: { type: PHONE, properties: { number: tel } }
links:
  - { type: USES_PHONE, from: person, to: phone }
`);
    const ok = mapRow(row({ ref: 'D1', name: 'Ana Pop', dob: '7/08/2017', tel: '(202) 555-0143' }), m, ctx);
    expect(ok.warnings).toEqual([]);
    expect(ok.row!.entities.map((e) => e.props)).toEqual([{ fullName: 'Ana Pop', dateOfBirth: '2017-08-07' }, { number: '+12025550143' }]);
    expect(mapRow(row({ ref: 'D2', name: 'Ana Pop', dob: '2017-08-07', tel: '' }), m, ctx).row!.entities[0]!.props.dateOfBirth).toBe('2017-08-07');
    // Read as GB (the default), 9-(233)340-7834 is no number: kept as written, not made +92 (Pakistan).
    const gb = parseMapping(MAPPING.replace('transform: [{ phone: GB }]', 'separator: ";"'));
    const foreign = mapRow(row({ ref: 'D3', name: 'Ana Pop', dob: '', tel: '9-(233)340-7834' }, 4), gb, ctx);
    expect(foreign.row!.entities.map((e) => e.type)).toEqual(['PERSON']);
    expect(foreign.warnings.map((w) => [w.line, w.column, w.value, w.code])).toEqual([
      [4, 'tel', '9-(233)340-7834', 'VALUE_LEFT_OUT'],
      [4, null, undefined, 'VALUE_LEFT_OUT'],
    ]);
    expect(foreign.warnings[1]!.reason).toMatch(/link USES_PHONE person -> phone not made: phone was left out/);
    expect(foreign.row!.source.unparsed).toEqual(['tel: 9-(233)340-7834']);
  });

  it('splits a cell holding several phones by its separator into one phone (and link) each', () => {
    const m = parseMapping(MAPPING.replace('transform: [{ phone: GB }]', 'separator: ";"'));
    const r = mapRow(row({ ref: 'S1', name: 'Acme Ltd', dob: '', tel: '07700 900123; 07700 900124 ;+33 6 12 34 56 78' }), m, ctx);
    expect(r.warnings).toEqual([]);
    expect(r.row!.entities.filter((e) => e.type === 'PHONE').map((e) => e.props.number)).toEqual(['+447700900123', '+447700900124', '+33612345678']);
    expect(r.row!.links.map((l) => l.type)).toEqual(['USES_PHONE', 'USES_PHONE', 'USES_PHONE']);
  });

  it('applies conditions to rows, entities and links', () => {
    const m = parseMapping(MAPPING.replace('recordKey: [ref]', 'recordKey: [ref]\nwhen: { column: status, in: [open, closed] }').replace("    type: PHONE\n", "    type: PHONE\n    when: { not: { column: tel, matches: '^000' } }\n"));
    expect(mapRow(row({ ref: 'A', name: 'X', status: 'void' }), m, ctx).skipped).toBe("the mapping's when condition");
    const files = mapFiles({ source: 'TEST', mapping: m, files: [{ name: 's.csv', bytes: bytes('ref,name,dob,tel,status\nA,X,,,void\nB,Y,,,open\n') }] });
    expect([files.skipped, files.skippedRows]).toEqual([1, [{ file: 's.csv', line: 2, reason: "the mapping's when condition" }]]);
    const r = mapRow(row({ ref: 'A', name: 'X Y', status: 'Open', tel: '000111' }), m, ctx);
    expect(r.row!.entities.map((e) => e.type)).toEqual(['PERSON']);
  });

  it('takes an entity’s id from the source where given, and names the far end of a link without describing it', () => {
    const m = parseMapping(`version: 1
recordKey: [ref]
grading: { sourceEvaluation: 1, intelligenceAssessment: A, handlingCode: P, classification: OFFICIAL }
entities:
  caller: { type: PHONE, id: caller_ref, properties: { number: caller } }
  callee: { type: PHONE, reference: true, id: callee_ref }
links:
  - { type: CALLED, from: caller, to: callee, count: { column: calls, transform: [integer] }, firstAt: { column: first, transform: [{ datetime: 'yyyy-MM-dd HH:mm:ss' }] } }
`);
    const r = mapRow(row({ ref: 'R1', caller_ref: 'phone-7', caller: '07700 900123', callee_ref: 'phone-9', calls: '4', first: '2025-08-01 21:05:00' }), m, ctx);
    expect(r.errors).toEqual([]);
    expect(r.row!.entities.map((e) => [e.id, e.sourceIds])).toEqual([['phone-7', [sourceRecordId('TEST', 'R1')]]]);
    expect(r.row!.links).toEqual([expect.objectContaining({ type: 'CALLED', from: 'phone-7', to: 'phone-9', count: 4, firstAt: '2025-08-01T21:05:00Z' })]);
    // Without its reference, the far end is absent and so is the link.
    expect(mapRow(row({ ref: 'R2', caller_ref: 'phone-7', caller: '07700 900123' }), m, ctx).row!.links).toEqual([]);
    expect(() => parseMapping(MAPPING.replace('    type: PHONE\n', '    type: PHONE\n    reference: true\n'), 'm.yaml')).toThrow(/m\.yaml:\d+: entities\.phone\.reference: a reference entity needs an id/);
  });

  it('reports a record key used twice in one import', () => {
    const r = mapFiles({ source: 'TEST', mapping, files: [{ name: 'a.csv', bytes: bytes('ref,name,dob,tel\n1,Ana,,\n1,Ion,,\n') }] });
    expect(r.mapped).toHaveLength(1);
    expect(r.errors).toEqual([{ file: 'a.csv', line: 3, column: null, reason: 'record key 1 already used at a.csv:2' }]);
  });
});

describe('batches', () => {
  /** A gateway whose write transactions fail the first `failures` times, recording what committed. */
  function flakyGateway(failures: number) {
    const committed: string[] = [];
    let calls = 0;
    const gateway = {
      read: async () => [],
      writeTx: async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
        calls++;
        const pending: string[] = [];
        const tx: Tx = {
          run: async (name, params) => {
            pending.push(name);
            const rows = (params?.rows as unknown[]) ?? [];
            if (name === 'import/sources') return [{ created: rows.length, changed: 0, unchanged: 0 }];
            if (name === 'import/entities') return [{ written: rows.length, created: rows.length }];
            if (name === 'import/links') return [{ written: (rows as { id: string }[]).map((r) => r.id) }];
            return [];
          },
        };
        const out = await work(tx);
        if (calls <= failures) throw new Error('Neo4j went away');
        committed.push(...pending);
        return out;
      },
    };
    return { gateway: gateway as unknown as Gateway, committed };
  }

  const file = { name: 'a.csv', bytes: bytes('ref,name,dob,tel\n1,Ana Pop,,07700900123\n2,Ion Rusu,,07700900124\n3,Eva Stan,,\n') };

  it('retries a failed batch as a whole and counts it once', async () => {
    const { gateway, committed } = flakyGateway(2);
    const r = await importFiles(gateway, { source: 'TEST', mapping, files: [file], sleep: async () => {} });
    expect(r.retries).toBe(2);
    expect(r.sourceRecords.created).toBe(3);
    expect(r.links).toBe(2);
    expect(committed.filter((n) => n === 'import/sources')).toHaveLength(1);
  });

  it('gives up after the retries, saying that running again resumes', async () => {
    const { gateway } = flakyGateway(10);
    await expect(importFiles(gateway, { source: 'TEST', mapping, files: [file], retries: 2, sleep: async () => {} })).rejects.toThrow(/after 3 attempts: Neo4j went away.*run the import again to resume/);
  });
});

describe('FollowTheMoney rows', () => {
  const ftm = parseMapping('version: 1\nformat: ftm\nrecordKey: [id]\ngrading: { sourceEvaluation: 2, intelligenceAssessment: B, handlingCode: P, classification: OFFICIAL }\n');
  const person = (nationality: string[]) => ({ line: 1, values: { id: 'p1', schema: 'Person', properties: { firstName: ['Ana'], lastName: ['Pop'], nationality } } });

  it("keeps nationalities as Lantern does (alpha-3), whatever FtM's alpha-2 case", () => {
    const r = mapFtmRow(person(['ro', 'GB', 'xk']), ftm, ctx, new Map([['p1', 'Person']]));
    expect(r.errors).toEqual([]);
    expect(r.row!.entities[0]!.props.nationalities).toEqual(['ROU', 'GBR', 'XKX']);
  });

  it('keeps a value that is not a country code as written (upper case) rather than lose it', () => {
    const r = mapFtmRow(person(['zz']), ftm, ctx, new Map([['p1', 'Person']]));
    expect(r.row!.entities[0]!.props.nationalities).toEqual(['ZZ']);
  });
});
