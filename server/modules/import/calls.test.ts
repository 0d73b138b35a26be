/**
 * Call rows through the mapping, without a database: the example mapping in docs/examples reads
 * its file, record keys are the call id or (caller, called, start), durations in the forms
 * operators write them.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMapping } from './mapping.ts';
import { mapFiles } from './import.service.ts';
import { durationSeconds } from './call-rows.ts';

describe('call records (mapping)', () => {
  it('reads the example call file: one record per call, keyed by call id or by caller, called number and start', () => {
    const mapping = readMapping('docs/examples/calls.mapping.yaml');
    const { mapped, errors, warnings } = mapFiles({ source: 'CDR-OP1', mapping, files: [{ name: 'calls.csv', bytes: fs.readFileSync('docs/examples/calls.csv') }] });
    expect([errors, warnings]).toEqual([[], []]);
    expect(mapped.map((r) => r.source.recordKey)).toEqual(['C-0001', 'C-0002', 'C-0003', '+447700900961|+447700900963|2025-03-02T13:00:00Z']);
    const second = mapped[1]!.source as unknown as Record<string, unknown>;
    expect(second).toMatchObject({ callFrom: '+447700900961', callTo: '+447700900962', callStartedAt: '2025-03-02T11:00:00Z', callDurationSeconds: 120, callId: 'C-0002', cellSite: 'RG-001' });
    expect(mapped.map((r) => r.callLinks?.map((l) => [l.type, l.sourceIds]))).toEqual(mapped.map((r) => [['CALLED', [r.source.id]]]));
    expect(mapped[0]!.entities.map((e) => e.props.number)).toEqual(['+447700900961', '+447700900962']);
  });

  it('reads durations as seconds, minutes:seconds or hours:minutes:seconds, and refuses others', () => {
    expect([durationSeconds('125'), durationSeconds('2:05'), durationSeconds('1:02:05'), durationSeconds(0)]).toEqual([125, 125, 3725, 0]);
    expect(() => durationSeconds('2:75')).toThrow(/not a duration/);
    expect(() => durationSeconds('two minutes')).toThrow(/not a duration/);
  });

  it('refuses a call row without a start with a zone, naming the column', () => {
    const mapping = readMapping('docs/examples/calls.mapping.yaml');
    const noZone = { ...mapping, calls: { ...mapping.calls!, startedAt: 'start' } };
    const file = 'call_id,caller,callee,start,duration,cell\nC-9,07700 900961,07700 900962,2025-03-01 10:00,60,\nC-10,07700 900961,,2025-03-01T10:00:00Z,60,\n';
    const { mapped, errors } = mapFiles({ source: 'CDR-OP1', mapping: noZone, files: [{ name: 'c.csv', bytes: new TextEncoder().encode(file) }] });
    expect(mapped).toEqual([]);
    expect(errors.map((e) => [e.line, e.column])).toEqual([[2, 'start'], [3, 'callee']]);
    expect(errors[0]!.reason).toMatch(/datetime with a zone/);
    expect(errors[1]!.reason).toMatch(/needs its called number/);
  });
});
