/**
 * The renders of stored snapshots, kept under LANTERN_DATA_DIR/snapshots/<id>/briefing.<ext>.
 * The record in Neo4j is the snapshot; a render is made from it on first request, written once
 * (atomically) and served as it is afterwards. Any instance can make it again from the record,
 * so nothing here needs to be shared between instances behind a load balancer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BriefingInput } from './snapshot.content.ts';
import { BriefingRenderer, type Format } from './snapshot.render.ts';

export class SnapshotFiles {
  private readonly pending = new Map<string, Promise<Buffer>>();

  constructor(
    readonly dir: string,
    readonly renderer: BriefingRenderer,
  ) {}

  pathOf(id: string, format: Format): string {
    if (!/^[\w.-]{1,100}$/.test(id)) throw new Error(`not a snapshot id: ${id}`);
    return path.join(this.dir, id, `briefing.${format}`);
  }

  /** The render in this format, made now if it was not made before. */
  async get(input: BriefingInput, format: Format): Promise<Buffer> {
    const file = this.pathOf(input.id, format);
    if (fs.existsSync(file)) return fs.promises.readFile(file);
    const key = `${input.id}/${format}`;
    let p = this.pending.get(key);
    if (!p) {
      p = (async () => {
        const out = await this.renderer.render(input, [format]);
        const bytes = out[format]!;
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        await fs.promises.writeFile(tmp, bytes);
        await fs.promises.rename(tmp, file);
        return bytes;
      })().finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  close(): Promise<void> {
    return this.renderer.close();
  }
}
