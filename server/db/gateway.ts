/**
 * The one gateway to Neo4j. It owns sessions, runs reads in read transactions and writes in
 * write transactions (so neo4j:// routing sends them to the right cluster member), applies a
 * per-query timeout, converts values, and maps driver errors to Lantern's error codes.
 * Statements come from cypher/ by name; values travel only as parameters.
 */
import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Transaction } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { conflict, internal, timeout, unavailable } from '../errors.ts';
import type { Logger } from '../config/logger.ts';
import { cypher } from './cypher.ts';
import { toParams, toPlain } from './values.ts';
import { FirstRuns } from './first-runs.ts';
import { maskValue, noteDisclosed, scopeParams, SYSTEM_SCOPE, type AccessScope } from './scope.ts';
import { WriteGate } from './write-gate.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface GatewayOptions {
  database?: string | undefined;
  queryTimeoutMs: number;
  log: Logger;
  /** Every write of this process passes it, so that a backup can hold writes back (write-gate.ts). */
  gate?: WriteGate | undefined;
}

/** A transaction handed to multi-statement work; it speaks query names, not Cypher text. */
export interface Tx {
  run(name: string, params?: Params): Promise<Row[]>;
}

function rows(records: Neo4jRecord[]): Row[] {
  return records.map((r) => {
    const row: Row = {};
    // By position: get(name) looks each name up again.
    r.keys.forEach((k, i) => (row[String(k)] = toPlain(r.get(i))));
    return row;
  });
}

/**
 * Every statement gets the caller's `$scope` (the queries leave out what it may not see), and
 * every row comes back with potential victims masked when the scope says so; when it does not,
 * their ids go to the scope's `disclosures`, if it has one.
 */
function wrap(tx: ManagedTransaction, scope: AccessScope, firstRuns: FirstRuns | null): Tx {
  const extra = { scope: scopeParams(scope) };
  return {
    run: async (name, params = {}) => {
      const statement = async () => await tx.run(cypher(name), toParams({ ...params, ...extra }) as Params);
      const result = await (firstRuns ? firstRuns.run(name, statement) : statement());
      const out = rows(result.records);
      if (scope.mask) return out.map((r) => maskValue(scope.pseudonymKey, r)) as Row[];
      // Unmasked: what masking would have hidden is noted for the request's audit entry.
      if (scope.disclosures) noteDisclosed(out, scope.disclosures);
      return out;
    },
  };
}

export class Gateway {
  /**
   * Each read statement's first run goes alone, so that concurrent requests do not each plan it.
   * Not writes: a first write waiting on a lock held by a transaction that waits for it here
   * would stall until the timeout, unseen by Neo4j's deadlock detection.
   */
  private readonly firstRuns = new FirstRuns();

  constructor(
    readonly driver: Driver,
    private readonly options: GatewayOptions,
    /** Whose view this is; the unscoped gateway is the system's (loading, migrations, audit). */
    readonly scope: AccessScope = SYSTEM_SCOPE,
  ) {
    options.gate ??= new WriteGate();
  }

  /** The gate this gateway's writes pass (shared by its scoped views and copies). */
  get gate(): WriteGate {
    return this.options.gate!;
  }

  /** The same gateway seen through a caller's access scope: what every request's services use. */
  forScope(scope: AccessScope): this {
    // A view that inherits everything (subclasses' behaviour included) but the scope.
    const scoped = Object.create(this) as this;
    Object.defineProperty(scoped, 'scope', { value: scope, enumerable: true });
    return scoped;
  }

  /** The same gateway and scope with another per-query timeout: long system work (the stored analysis's whole-graph reads). */
  withTimeout(queryTimeoutMs: number): Gateway {
    return new Gateway(this.driver, { ...this.options, queryTimeoutMs }, this.scope);
  }

  /** Runs one named statement in a read transaction and returns plain rows. */
  read(name: string, params: Params = {}): Promise<Row[]> {
    return this.readTx((tx) => tx.run(name, params));
  }

  /** Runs one named statement in a write transaction and returns plain rows. */
  write(name: string, params: Params = {}): Promise<Row[]> {
    return this.writeTx((tx) => tx.run(name, params));
  }

  readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transact('READ', work);
  }

  writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transact('WRITE', work);
  }

  /**
   * Runs Cypher text that is not a named query: only for schema migrations and EXPLAIN in
   * tests, whose text comes from files in cypher/, never from a caller.
   */
  runScript(text: string, params: Params = {}): Promise<Row[]> {
    return this.gate.pass(async () => {
      const session = this.session('WRITE');
      try {
        return rows((await session.run(text, toParams(params) as Params)).records);
      } catch (e) {
        throw lanternError(e, this.options);
      } finally {
        await session.close();
      }
    });
  }

  /**
   * One named statement in a read transaction, each row handed to `each` as it streams in
   * (converted and masked as `read` does) instead of gathered: whole-graph reads of the stored
   * analysis, whose rows would not fit in memory twice. Not retried: a failure rejects, and the
   * caller starts again from nothing.
   */
  async readEach(name: string, params: Params, each: (row: Row) => void): Promise<void> {
    const extra = { scope: scopeParams(this.scope) };
    await this.streamed({ timeout: this.options.queryTimeoutMs }, async (tx) => {
      for await (const record of tx.run(cypher(name), toParams({ ...params, ...extra }) as Params)) {
        let row: Row = {};
        record.keys.forEach((k, i) => (row[String(k)] = toPlain(record.get(i))));
        if (this.scope.mask) row = maskValue(this.scope.pseudonymKey, row) as Row;
        else if (this.scope.disclosures) noteDisclosed(row, this.scope.disclosures);
        each(row);
      }
    });
  }

  /** One explicit read transaction for streamed reads (readEach, readRaw): not retried. */
  private async streamed(config: { timeout?: number }, work: (tx: Transaction) => Promise<void>): Promise<void> {
    const session = this.session('READ');
    const tx = session.beginTransaction(config);
    try {
      await work(tx);
      await tx.commit();
    } catch (e) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      throw lanternError(e, this.options);
    } finally {
      await session.close();
    }
  }

  /**
   * For backups only: runs named statements one after another in ONE read transaction without a
   * timeout, handing each record over with Neo4j's own values (no conversion, no masking), one
   * at a time as they stream in.
   */
  async readRaw(names: string[], each: (name: string, record: Record<string, unknown>) => void | Promise<void>): Promise<void> {
    await this.streamed({}, async (tx) => {
      for (const name of names) {
        for await (const record of tx.run(cypher(name))) await each(name, record.toObject() as Record<string, unknown>);
      }
    });
  }

  /** For restores only: one named statement in a write transaction, its parameters sent as they are (no conversion). */
  writeRaw(name: string, params: Params): Promise<Row[]> {
    return this.gate.pass(async () => {
      const session = this.session('WRITE');
      try {
        return await session.executeWrite(async (tx) => rows((await tx.run(cypher(name), params)).records));
      } catch (e) {
        throw lanternError(e, this.options);
      } finally {
        await session.close();
      }
    });
  }

  /** Resolves when Neo4j answers a trivial query; rejects with the driver's reason. */
  async ping(): Promise<void> {
    const session = this.session('READ');
    try {
      await session.run('RETURN 1', {}, { timeout: 3000 });
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  private transact<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    return mode === 'READ' ? this.run(mode, work) : this.gate.pass(() => this.run(mode, work));
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.session(mode);
    const config = { timeout: this.options.queryTimeoutMs };
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(wrap(tx, this.scope, this.firstRuns)), config)
        : await session.executeWrite((tx) => work(wrap(tx, this.scope, null)), config);
    } catch (e) {
      throw lanternError(e, this.options);
    } finally {
      await session.close();
    }
  }
}

/** Driver errors to Lantern codes; the original goes to the log, never to the caller. */
export function lanternError(e: unknown, o: { queryTimeoutMs: number; log: Logger }): Error {
  if (e instanceof GraphQLError) return e;
  if (e instanceof Neo4jError) {
    const code = e.code ?? '';
    if (code.includes('TransactionTimedOut') || code.includes('Transaction.Terminated')) {
      return timeout(o.queryTimeoutMs);
    }
    if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.includes('DatabaseUnavailable')) {
      return unavailable(e.message.split('\n')[0] ?? code);
    }
    // Neo4j refuses a new connection when every Bolt thread is busy (server.bolt.thread_pool_max_size):
    // a moment's overload, not a fault of the request.
    if (code.includes('NoThreadsAvailable') || e.message.includes('no available threads to serve this request')) {
      o.log.warn({ neo4jCode: code }, 'Neo4j refused a connection: every Bolt thread is busy');
      return unavailable('every one of its connection threads is busy');
    }
    // The driver's own pool: every connection is in use and none came free in time (a moment's overload).
    if (e.message.startsWith('Connection acquisition timed out')) {
      o.log.warn({ detail: e.message }, 'No Neo4j connection came free in time');
      return unavailable('every connection to it is busy');
    }
    if (code.includes('ConstraintValidationFailed')) {
      o.log.warn({ neo4jCode: code, detail: e.message.split('\n')[0] }, 'Write refused by a uniqueness constraint');
      return conflict(`That would duplicate an existing record${duplicateOf(e.message)}.`);
    }
    o.log.error({ err: e, neo4jCode: code }, 'Neo4j error');
    return internal();
  }
  return e instanceof Error ? e : new Error(String(e));
}

export interface ConnectOptions {
  uri: string;
  username?: string | undefined;
  password?: string | undefined;
}

export function createDriver(o: ConnectOptions): Driver {
  const auth = o.password ? neo4j.auth.basic(o.username ?? 'neo4j', o.password) : undefined;
  return neo4j.driver(o.uri, auth, {
    // Integers arrive as JavaScript numbers, not an Integer object each for toPlain to convert
    // again: every entity and link of an answer carries a few (degree, grading, weight). Lantern
    // writes integers only from JavaScript numbers within 2^53 (values.ts toParams), so none read
    // back is past it (the driver would give one as Infinity).
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    // Managed transactions retry transient failures; past a few seconds an analyst is better
    // served by a clear SERVICE_UNAVAILABLE than by a spinner.
    maxTransactionRetryTime: 5_000,
    // Clusters and Aura need the driver's routing; nothing to do here for it but use neo4j://.
    userAgent: 'lantern/0.1',
  });
}

/**
 * What a uniqueness constraint found taken, from Neo4j's message ("Node(12) already exists with
 * label `Phone` and property `e164` = '+447700900123'"): the label or type, the property and the
 * value the caller sent, never the existing record's internal id.
 */
export function duplicateOf(message: string): string {
  const m = /already exists with (?:label|type) `([^`]+)` and propert(?:y|ies) `([^`]+)` = (.+?)\s*$/m.exec(message);
  return m ? `: a ${m[1]} with ${m[2]} ${m[3]} already exists` : ' (an id, phone number or other identity is already taken)';
}
