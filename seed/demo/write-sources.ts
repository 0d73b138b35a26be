/**
 * Writes the demo's source files and mappings into seed/demo/sources/ (`npx tsx seed/demo/write-sources.ts`).
 * Run it after changing the scenario; seed/demo/export.test.ts fails while the committed files
 * differ from what export.ts writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { demo } from './index.ts';
import { exportDemo } from './export.ts';
import { SOURCES_DIR } from './front-door.ts';

fs.mkdirSync(SOURCES_DIR, { recursive: true });
for (const x of exportDemo(demo().data)) {
  fs.writeFileSync(path.join(SOURCES_DIR, x.file), x.bytes);
  fs.writeFileSync(path.join(SOURCES_DIR, x.mappingFile), x.mapping);
  process.stdout.write(`${x.code.padEnd(9)} ${x.file} (${x.bytes.length} bytes), ${x.mappingFile}\n`);
}
