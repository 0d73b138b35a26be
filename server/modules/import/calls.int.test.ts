/**
 * Call records against a real Neo4j (docs/import.md "Call records", decisions/0013): rows of
 * individual calls become call records and roll up into CALLED links whose count, first and last
 * call and total duration are read back over GraphQL; a re-import changes nothing, a second file
 * adds only its new calls (one of them already in the first file, under another record key), and
 * the calls are events of the phones' timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testGateway, type TestServer } from '../../testing/harness.ts';
import type { Gateway } from '../../db/gateway.ts';
import { parseMapping } from './mapping.ts';
import { importFiles } from './import.service.ts';
import { removeSource } from './import.repository.ts';
import { entityId } from './rows.ts';

const MAPPING = `
version: 1
description: Call data records (test)
phoneRegion: GB
summary: "Call {caller} to {callee} at {start}"
grading: { sourceEvaluation: 1, intelligenceAssessment: A, handlingCode: C, handlingConditions: intelligence use only, classification: OFFICIAL-SENSITIVE }
calls:
  caller: caller
  called: callee
  startedAt: { column: start, transform: [{ datetime: dd/MM/yyyy HH:mm:ss }] }
  durationSeconds: duration
  callId: call_id
  cellSite: cell
`;

const header = ['call_id', 'caller', 'callee', 'start', 'duration', 'cell'];
const csv = (rows: string[][]) => [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
const enc = (s: string) => new TextEncoder().encode(s);

// Four phones, written as a billing export writes them (national format, spaces or not).
const A = '07700 900961';
const B = '07700900962';
const C = '+44 7700 900963';
const D = '07700 900964';
const id = (n: string) => entityId('PHONE', `+4477009009${n}`);
const [a, b, c, d] = [id('61'), id('62'), id('63'), id('64')];

const FIRST = [
  ['', A, B, '01/03/2025 10:00:00', '60', 'RG-001'],
  ['', A, B, '02/03/2025 11:00:00', '120', 'RG-001'],
  ['', A, B, '05/03/2025 09:30:00', '30', 'RG-002'],
  ['', A, B, '10/03/2025 20:15:00', '90', 'RG-001'],
  ['', B, A, '03/03/2025 08:00:00', '45', ''],
  ['', B, A, '04/03/2025 12:00:00', '15', ''],
  ['', A, C, '02/03/2025 13:00:00', '10', 'RG-003'],
  ['', A, C, '06/03/2025 14:00:00', '20', 'RG-003'],
  ['', A, C, '07/03/2025 15:00:00', '2:05', 'RG-003'], // minutes and seconds: 125 s
  ['', A, B, '01/03/2025 10:00:00', '60', 'RG-001'], // the first row again
  ['', C, D, '08/03/2025 16:00:00', '300', ''],
  ['', C, D, '09/03/2025 17:00:00', '0', ''],
  ['', A, '9-(233)340-7834', '12/03/2025 18:00:00', '33', ''], // not a GB number: kept as written, not linked
  ['', D, B, '11/03/2025 19:00:00', '61', ''],
];

// A second file: the operator's ids this time. X1 is the first file's first call again.
const SECOND = [
  ['X1', A, B, '01/03/2025 10:00:00', '60', 'RG-001'],
  ['X2', A, B, '15/03/2025 10:00:00', '40', 'RG-001'],
  ['X3', D, C, '14/03/2025 09:00:00', '25', ''],
];

interface LinkRow {
  node: { type: string; source: { id: string }; target: { id: string }; count: number | null; firstAt: string | null; lastAt: string | null; totalDurationSeconds: number | null; weight: number | null };
}

let gateway: Gateway;
let server: TestServer;
const source = `ITEST_calls_${process.pid}`;

beforeAll(async () => {
  gateway = testGateway();
  server = await startTestServer({ gateway });
});
afterAll(async () => {
  await removeSource(gateway, source);
  await server.close();
  await gateway.close();
});

/** The CALLED links of the four phones over GraphQL, as `from>to: count first last total`. */
async function calledLinks(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const names = new Map([[a, 'A'], [b, 'B'], [c, 'C'], [d, 'D']]);
  for (const phone of [a, b, c, d]) {
    const res = await server.graphql<{ entity: { links: { edges: LinkRow[] } } }>(
      `query($id: ID!) { entity(id: $id) { ... on Phone { links(types: [CALLED]) { edges { node { type source { id } target { id } count firstAt lastAt totalDurationSeconds weight } } } } } }`,
      { id: phone },
    );
    expect(res.errors).toBeUndefined();
    for (const { node: l } of res.data!.entity.links.edges) {
      expect(l.weight).toBe(l.count);
      out[`${names.get(l.source.id)}>${names.get(l.target.id)}`] = `${l.count} ${l.firstAt} ${l.lastAt} ${l.totalDurationSeconds}`;
    }
  }
  return out;
}

const mapping = parseMapping(MAPPING);
const run = (name: string, rows: string[][]) => importFiles(gateway, { source, mapping, files: [{ name, bytes: enc(csv(rows)) }] });

describe('call records', () => {
  it('import as call records rolled up into CALLED links; a re-import changes nothing; a second file adds only its new calls; the calls are on the timeline', async () => {
    const first = await run('calls-1.csv', FIRST);
    // 14 rows: the repeated row is refused (its record key, caller|called|start, is taken), the
    // foreign number's row is kept with the number as written and reported, its call not linked.
    expect([first.rows, first.imported, first.bad]).toEqual([14, 13, 1]);
    expect(first.errors.map((e) => [e.line, e.reason.replace(/record key .* already/, 'record key already')])).toEqual([[11, 'record key already used at calls-1.csv:2']]);
    expect(first.warnings.map((w) => [w.line, w.column, w.value ?? null, w.code])).toEqual([
      [14, 'callee', '9-(233)340-7834', 'VALUE_LEFT_OUT'],
      [14, null, null, 'VALUE_LEFT_OUT'],
    ]);
    expect(first.warnings[1]!.reason).toMatch(/link CALLED not made: the called number is not a phone number/);
    expect(first.lost).toMatchObject({ rowsRefused: 1, valuesLeftOut: 1, linksNotMade: 1 });
    expect(first.sourceRecords).toEqual({ created: 13, changed: 0, unchanged: 0 });

    const after1 = {
      'A>B': '4 2025-03-01T10:00:00Z 2025-03-10T20:15:00Z 300',
      'B>A': '2 2025-03-03T08:00:00Z 2025-03-04T12:00:00Z 60',
      'A>C': '3 2025-03-02T13:00:00Z 2025-03-07T15:00:00Z 155',
      'C>D': '2 2025-03-08T16:00:00Z 2025-03-09T17:00:00Z 300',
      'D>B': '1 2025-03-11T19:00:00Z 2025-03-11T19:00:00Z 61',
    };
    expect(await calledLinks()).toEqual(after1);
    // The foreign number is on its call's record as written, and no phone was made of it.
    const records = await gateway.read('import/test-source-records', { source });
    expect(records).toHaveLength(13);
    expect(records.find((r) => r.line === 14)).toMatchObject({ recordKey: '+447700900961|9-(233)340-7834|2025-03-12T18:00:00Z', unparsed: ['callee: 9-(233)340-7834'] });

    // The same file again: nothing changes, counts are not doubled.
    const again = await run('calls-1.csv', FIRST);
    expect(again.sourceRecords).toEqual({ created: 0, changed: 0, unchanged: 13 });
    expect(await calledLinks()).toEqual(after1);

    // A second file: X1 is a call already counted (under another record key); X2 and X3 are new.
    const second = await run('calls-2.csv', SECOND);
    expect([second.imported, second.bad, second.sourceRecords.created]).toEqual([3, 0, 3]);
    const after2 = {
      ...after1,
      'A>B': '5 2025-03-01T10:00:00Z 2025-03-15T10:00:00Z 340',
      'D>C': '1 2025-03-14T09:00:00Z 2025-03-14T09:00:00Z 25',
    };
    expect(await calledLinks()).toEqual(after2);
    // Both files again, in one import: still nothing changes.
    const both = await importFiles(gateway, { source, mapping, files: [{ name: 'calls-1.csv', bytes: enc(csv(FIRST)) }, { name: 'calls-2.csv', bytes: enc(csv(SECOND)) }] });
    expect(both.sourceRecords).toEqual({ created: 0, changed: 0, unchanged: 16 });
    expect(await calledLinks()).toEqual(after2);

    // The timeline of phone A: each call once (X1 and the first file's first call are one event), in time order.
    type Event = { id: string; kind: string; date: string; at: string | null; durationSeconds: number | null; description: string; entityIds: string[]; linkId: string | null };
    const res = await server.graphql<{ timeline: Event[] }>(
      `query($ids: [ID!]!, $from: Date, $to: Date) { timeline(ids: $ids, from: $from, to: $to) { id kind date at durationSeconds description entityIds linkId } }`,
      { ids: [a] },
    );
    expect(res.errors).toBeUndefined();
    const calls = res.data!.timeline.filter((e) => e.kind === 'CALL');
    expect(calls.map((e) => [e.at, e.durationSeconds])).toEqual([
      ['2025-03-01T10:00:00Z', 60],
      ['2025-03-02T11:00:00Z', 120],
      ['2025-03-02T13:00:00Z', 10],
      ['2025-03-03T08:00:00Z', 45],
      ['2025-03-04T12:00:00Z', 15],
      ['2025-03-05T09:30:00Z', 30],
      ['2025-03-06T14:00:00Z', 20],
      ['2025-03-07T15:00:00Z', 125],
      ['2025-03-10T20:15:00Z', 90],
      ['2025-03-15T10:00:00Z', 40],
    ]);
    expect(calls.every((e) => e.entityIds.includes(a) && e.linkId !== null)).toBe(true);
    expect(calls[0]!.description).toMatch(/called .* at 10:00 UTC for 1 min$/);
    expect(calls[4]!.entityIds.sort()).toEqual([a, b].sort());
    // The CALLED links themselves are there too, as spans from the first call to the last.
    expect(res.data!.timeline.filter((e) => e.kind === 'CALLED')).toHaveLength(3);
    // A window keeps only the calls in it.
    const window = await server.graphql<{ timeline: Event[] }>(
      `query($ids: [ID!]!, $from: Date, $to: Date) { timeline(ids: $ids, from: $from, to: $to) { id kind date at } }`,
      { ids: [c, d], from: '2025-03-09', to: '2025-03-14' },
    );
    expect(window.errors).toBeUndefined();
    expect(window.data!.timeline.filter((e) => e.kind === 'CALL').map((e) => e.at)).toEqual(['2025-03-09T17:00:00Z', '2025-03-11T19:00:00Z', '2025-03-14T09:00:00Z']);
  });

  it('refuses a call file mapping without its calls section parts, naming the line', () => {
    expect(() => parseMapping(MAPPING.replace('  called: callee\n', ''))).toThrow(/mapping:\d+: calls.called: /);
    expect(() => parseMapping(MAPPING.replace(/calls:[\s\S]*$/, ''))).toThrow(/recordKey/);
  });
});
