/** The scale graph's ground truth, written as it streams by (`--truth <file>`). */
import fs from 'node:fs';
import type { ScaleTruth } from './generate.ts';

/** Writes the truth as one JSON document, a section at a time, without holding it. */
export class TruthWriter {
  private readonly parts: Record<keyof ScaleTruth, { file: string; fd: number; n: number }>;

  constructor(
    private readonly file: string,
    private readonly header: Record<string, unknown>,
  ) {
    const mk = (k: string) => ({ file: `${file}.${k}.part`, fd: fs.openSync(`${file}.${k}.part`, 'w'), n: 0 });
    this.parts = { networks: mk('networks'), potentialVictims: mk('potentialVictims'), duplicates: mk('duplicates'), noise: mk('noise'), rotations: mk('rotations') };
  }

  add(t: ScaleTruth): void {
    for (const k of Object.keys(this.parts) as (keyof ScaleTruth)[]) {
      const p = this.parts[k];
      const items = t[k] as unknown[];
      if (items.length === 0) continue;
      fs.writeSync(p.fd, items.map((x) => `${p.n++ === 0 ? '' : ',\n'}${JSON.stringify(x)}`).join(''));
    }
  }

  close(): void {
    const out = fs.openSync(this.file, 'w');
    const head = JSON.stringify(this.header, null, 2);
    fs.writeSync(out, `${head.slice(0, -2)},\n`);
    const keys = Object.keys(this.parts) as (keyof ScaleTruth)[];
    keys.forEach((k, i) => {
      const p = this.parts[k];
      fs.closeSync(p.fd);
      fs.writeSync(out, `  "${k}": [\n`);
      const buf = Buffer.alloc(1 << 20);
      const fd = fs.openSync(p.file, 'r');
      for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) fs.writeSync(out, buf, 0, n);
      fs.closeSync(fd);
      fs.rmSync(p.file);
      fs.writeSync(out, `\n  ]${i < keys.length - 1 ? ',' : ''}\n`);
    });
    fs.writeSync(out, '}\n');
    fs.closeSync(out);
  }
}
