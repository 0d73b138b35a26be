/**
 * Cursor pagination shared by the connections (links, search): a cursor is an opaque,
 * base64url-encoded offset tagged with the connection it belongs to, so a cursor from one
 * connection is refused by another instead of silently paging wrongly.
 */
import { badInput } from '../../errors.ts';

export function encodeCursor(kind: string, offset: number): string {
  return Buffer.from(JSON.stringify({ k: kind, o: offset })).toString('base64url');
}

/** The offset after `cursor` (0 without one); BAD_USER_INPUT naming `argument` when it is not ours. */
export function decodeCursor(kind: string, cursor: string | null | undefined, argument = 'after'): number {
  if (cursor === null || cursor === undefined) return 0;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; o?: unknown };
    if (v.k === kind && typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0 && v.o <= 100_000) return v.o + 1;
  } catch {
    // fall through to the error below
  }
  throw badInput(argument, 'is not a cursor from this list; pass the endCursor of the previous page.');
}

/** A whole number within bounds, or the default when not given; BAD_USER_INPUT naming it otherwise. */
export function intArg(argument: string, value: number | null | undefined, o: { min: number; max: number; default: number }): number {
  if (value === null || value === undefined) return o.default;
  if (!Number.isInteger(value) || value < o.min || value > o.max) {
    throw badInput(argument, `must be between ${o.min} and ${o.max} (got ${value}).`);
  }
  return value;
}

/** Relay page from rows fetched with one extra row past `first`. */
export function page<T>(kind: string, rows: T[], offset: number, first: number) {
  const items = rows.slice(0, first);
  return {
    items: items.map((item, i) => ({ item, cursor: encodeCursor(kind, offset + i) })),
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: items.length > 0 ? encodeCursor(kind, offset + items.length - 1) : null,
    },
  };
}
