/**
 * The audit spool: records are appended to a local file and fsynced before the request they
 * describe is answered, then chained into Neo4j in batches. A segment file holds the records of
 * one batch; it is deleted once its batch is in Neo4j. Segments left by a crash, or by a Neo4j
 * that was down, are replayed at the next start (records already in the chain are skipped by
 * their entryId).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AuditRecord } from './audit.chain.ts';

const SEGMENT = /^segment-(\d{12})\.jsonl$/;

export class AuditSpool {
  private handle: fs.promises.FileHandle | undefined;
  private current: string | undefined;
  private next = 0;
  /** Spool work runs one step at a time, in order. */
  private io: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // One process per spool: another would replay this one's open segments as left over.
    const lock = path.join(dir, 'owner.pid');
    const owner = fs.existsSync(lock) ? Number(fs.readFileSync(lock, 'utf8')) : NaN;
    if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
      const e = new Error(`The audit spool ${dir} is in use by process ${owner}; give each Lantern server its own LANTERN_AUDIT_SPOOL (or LANTERN_DATA_DIR)`);
      e.name = 'StartupError'; // printed as a message by the command line
      throw e;
    }
    fs.writeFileSync(lock, String(process.pid));
    const numbers = this.segments().map((f) => Number(SEGMENT.exec(path.basename(f))![1]));
    this.next = numbers.length ? Math.max(...numbers) + 1 : 1;
  }

  /** Segment files, oldest first. */
  segments(): string[] {
    return fs
      .readdirSync(this.dir)
      .filter((f) => SEGMENT.test(f))
      .sort()
      .map((f) => path.join(this.dir, f));
  }

  private run<T>(step: () => Promise<T>): Promise<T> {
    const p = this.io.then(step);
    this.io = p.catch(() => undefined);
    return p;
  }

  /** Appends records to the open segment and fsyncs; resolves with the segment's path. */
  write(records: AuditRecord[]): Promise<string> {
    return this.run(async () => {
      if (!this.handle) {
        this.current = path.join(this.dir, `segment-${String(this.next++).padStart(12, '0')}.jsonl`);
        this.handle = await fs.promises.open(this.current, 'a', 0o600);
      }
      await this.handle.write(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      await this.handle.datasync();
      return this.current!;
    });
  }

  /**
   * Closes the open segment, after the writes before it: the records of the segments closed so
   * far are then exactly those whose write has resolved. The next write opens a new one.
   */
  rotate(): Promise<void> {
    return this.run(async () => {
      await this.handle?.close();
      this.handle = undefined;
    });
  }

  /** Deletes segments whose records are all in Neo4j. */
  async remove(files: Iterable<string>): Promise<void> {
    for (const f of files) await fs.promises.rm(f, { force: true });
  }

  /** The records of segments left from before (call before the first write). */
  leftOver(): { records: AuditRecord[]; files: string[] } {
    const files = this.segments();
    const records: AuditRecord[] = [];
    for (const f of files) {
      const lines = fs.readFileSync(f, 'utf8').split('\n');
      // After the last newline: nothing, or a write that a crash cut short (never acknowledged).
      lines.pop();
      for (const line of lines) {
        try {
          records.push(JSON.parse(line) as AuditRecord);
        } catch {
          throw new Error(`The audit spool file ${f} has a line that is not JSON; move the file aside (it is evidence) and start again`);
        }
      }
    }
    return { records, files };
  }

  async close(): Promise<void> {
    await this.rotate();
    await fs.promises.rm(path.join(this.dir, 'owner.pid'), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
