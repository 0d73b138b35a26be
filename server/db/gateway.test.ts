import { Neo4jError } from 'neo4j-driver';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../errors.ts';
import { duplicateOf, lanternError } from './gateway.ts';

const o = { queryTimeoutMs: 15_000, log: pino({ level: 'silent' }) };
const neo4jError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error');

describe('what a caller is told of a driver error', () => {
  it('says the database is busy, and to try again, when Neo4j has no free Bolt thread', () => {
    // Neo4j's words when it refuses a connection at login (seen under 50 connections at a cold start).
    const e = lanternError(
      neo4jError('There are no available threads to serve this request at the moment. You can retry at a later time or consider increasing max thread pool size for bolt connector(s).', 'ProtocolError'),
      o,
    );
    expect(codeOf(e)).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).toBe('The graph database is not available: every one of its connection threads is busy. Try again shortly.');
    // The same refusal once a connection is open comes with a transient code.
    expect(codeOf(lanternError(neo4jError('No threads available', 'Neo.TransientError.Request.NoThreadsAvailable'), o))).toBe('SERVICE_UNAVAILABLE');
  });

  it('says the database is busy when no pooled connection comes free in time', () => {
    // The driver's words (neo4j-driver-core pool.js), with its code N/A.
    const e = lanternError(neo4jError('Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 100, Idle conn count = 0.', 'N/A'), o);
    expect(codeOf(e)).toBe('SERVICE_UNAVAILABLE');
    expect(e.message).not.toContain('Pool status');
  });

  it('names a timeout with the limit, and hides anything unexpected', () => {
    expect(codeOf(lanternError(neo4jError('terminated', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), o))).toBe('TIMEOUT');
    const other = lanternError(neo4jError('Variable `x` not defined (line 1, column 8)', 'Neo.ClientError.Statement.SyntaxError'), o);
    expect(codeOf(other)).toBe('INTERNAL_SERVER_ERROR');
    expect(other.message).not.toContain('Variable');
  });
});

describe('a refused duplicate', () => {
  it('names the label, property and value from Neo4j’s message, not the internal node id', () => {
    const said = duplicateOf("Node(1234) already exists with label `Phone` and property `e164` = '+447700900123'");
    expect(said).toBe(": a Phone with e164 '+447700900123' already exists");
    expect(said).not.toContain('1234');
    expect(duplicateOf("Relationship(7) already exists with type `WORKS_AT` and property `id` = 'link-1'")).toBe(": a WORKS_AT with id 'link-1' already exists");
  });

  it('falls back to a general message when Neo4j words it otherwise', () => {
    expect(duplicateOf('something else')).toBe(' (an id, phone number or other identity is already taken)');
  });
});
