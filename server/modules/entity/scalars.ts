/**
 * The Date and DateTime scalars: ISO 8601 text, checked on the way in so that a bad date is a
 * BAD_USER_INPUT naming the argument instead of a Cypher error.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from '../../errors.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseDate(value: unknown): string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) return value as string;
  }
  throw badInput('Date', `${JSON.stringify(value)} is not a date; write it as YYYY-MM-DD.`);
}

export function parseDateTime(value: unknown): string {
  if (typeof value === 'string' && DATETIME.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw badInput('DateTime', `${JSON.stringify(value)} is not a date and time; write it as ISO 8601 with an offset, e.g. 2025-06-23T10:15:00Z.`);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 (2025-06-23).',
  serialize: (v) => (typeof v === 'string' ? v.slice(0, 10) : v),
  parseValue: parseDate,
  parseLiteral: (node) => parseDate(node.kind === Kind.STRING ? node.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date and time with offset, ISO 8601 (2025-06-23T10:15:00Z).',
  serialize: (v) => v,
  parseValue: parseDateTime,
  parseLiteral: (node) => parseDateTime(node.kind === Kind.STRING ? node.value : undefined),
});
