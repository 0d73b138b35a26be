/**
 * A call row (a mapping's `calls`, docs/import.md "Call records"): its two phones, its start,
 * its duration and the call's id, read into the properties of the call's source record. Pure.
 */
import { shapeEntity, ShapeError } from '../../model/shape.ts';
import type { CallsMapping, Mapping } from './mapping.ts';
import type { Row } from './readers.ts';
import { TransformError } from './transforms.ts';
import { columnOf, isRequired, readValue, type BadValue } from './values.ts';

/** What a call row says: its phones (absent when not a number), start, and the source record's call properties. */
export interface CallRead {
  recordKey: string;
  caller?: { e164: string };
  called?: { e164: string };
  /** Stored on the call's source record (docs/import.md "Call records"). */
  record: Record<string, string | number>;
}

const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** "125", "2:05" or "1:02:05": a duration in whole seconds. */
export function durationSeconds(v: unknown): number {
  const s = String(v).trim();
  if (/^\d+(\.0+)?$/.test(s)) return Math.round(Number(s));
  const hms = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s);
  if (hms && Number(hms[3]) < 60 && (hms[1] === undefined || Number(hms[2]) < 60)) return Number(hms[1] ?? 0) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  throw new TransformError(`${JSON.stringify(s)} is not a duration in seconds (125) or minutes and seconds (2:05, 1:02:05)`);
}

/**
 * Reads a call row. Its start and both numbers must be there (else the row is refused: a call
 * without them cannot be told from another). A number that is not a phone number of the region
 * is kept as written on the record and reported, and the call is not linked; a bad duration is
 * left out. The record key is the call's id, else its caller, called number and start (UTC).
 */
export function readCall(
  row: Row,
  c: CallsMapping,
  m: Mapping,
  on: { fail: (column: string | null, reason: string, value?: string) => void; badValue: (column: string | null, what: string, b: BadValue, required: boolean) => void },
): CallRead | undefined {
  const record: Record<string, string | number> = {};
  const phone = (which: 'caller' | 'called') => {
    const spec = c[which];
    const { value, bad } = readValue(row, spec, { prop: 'number', entityType: 'PHONE', mapping: m });
    if (bad.length > 0) {
      on.badValue(columnOf(spec), `calls.${which}`, bad[0]!, isRequired(spec));
      return { written: bad[0]!.value };
    }
    if (value === null || value === undefined || Array.isArray(value)) {
      on.fail(columnOf(spec), `a call needs its ${which === 'caller' ? "caller's number" : 'called number'}: the cell is empty`);
      return undefined;
    }
    try {
      const shaped = shapeEntity('PHONE', { number: String(value) });
      const e164 = String(shaped.props.e164);
      return { written: e164, e164 };
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      on.badValue(columnOf(spec), `calls.${which}`, { value: String(value), reason: e.message }, isRequired(spec));
      return { written: String(value) };
    }
  };
  const caller = phone('caller');
  const called = phone('called');
  const { value: start, bad: badStart } = readValue(row, c.startedAt, { prop: 'startedAt', mapping: m });
  const startCol = columnOf(c.startedAt);
  if (badStart.length > 0) on.fail(startCol, `a call's start: ${badStart[0]!.reason}`, badStart[0]!.value);
  else if (start === null || start === undefined) on.fail(startCol, "a call needs its start: the cell is empty");
  else if (!ZONED.test(String(start))) on.fail(startCol, `a call's start must be a datetime with a zone (2025-03-01T14:05:00Z), or read with a datetime transform: got ${JSON.stringify(String(start))}`, String(start));
  if (!caller || !called || badStart.length > 0 || start === null || start === undefined || !ZONED.test(String(start))) return undefined;
  const startedAt = new Date(String(start)).toISOString().replace(/\.000Z$/, 'Z');
  record.callFrom = caller.written;
  record.callTo = called.written;
  record.callStartedAt = startedAt;
  // The call itself, whoever reports it: the same call in two sources (or files) is counted once.
  record.callKey = `${caller.written}|${called.written}|${startedAt}`;
  if (c.durationSeconds !== undefined) {
    const { value, bad } = readValue(row, c.durationSeconds, { mapping: m });
    let d: number | null = null;
    if (bad.length === 0 && value !== null && value !== undefined) {
      try {
        d = durationSeconds(value);
      } catch (e) {
        if (!(e instanceof TransformError)) throw e;
        bad.push({ value: String(value), reason: e.message });
      }
    }
    if (bad.length > 0) on.badValue(columnOf(c.durationSeconds), 'calls.durationSeconds', bad[0]!, isRequired(c.durationSeconds));
    if (d !== null) record.callDurationSeconds = d;
  }
  let callId: string | null = null;
  for (const k of ['callId', 'cellSite'] as const) {
    const spec = c[k];
    if (spec === undefined) continue;
    const { value, bad } = readValue(row, spec, { mapping: m });
    if (bad.length > 0) on.badValue(columnOf(spec), `calls.${k}`, bad[0]!, isRequired(spec));
    else if (value !== null && value !== undefined) {
      record[k] = String(value);
      if (k === 'callId') callId = String(value);
    }
  }
  return {
    recordKey: callId ?? record.callKey as string,
    ...(caller.e164 ? { caller: { e164: caller.e164 } } : {}),
    ...(called.e164 ? { called: { e164: called.e164 } } : {}),
    record,
  };
}
