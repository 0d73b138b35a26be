/**
 * Rewrites what is generated from the type registry (decision 0015): the core's GraphQL types
 * (server/modules/entity/entity.types.graphql) and the type sections of docs/model.md.
 * `--check` only says whether they are current. Run: npm run model:generate
 */
import fs from 'node:fs';
import { CORE_REGISTRY } from '../model/registry/registry.ts';
import { coreTypesFile } from '../model/registry/sdl.ts';
import { withTypesSection } from '../model/registry/docs.ts';

export const GENERATED = {
  'server/modules/entity/entity.types.graphql': () => coreTypesFile(CORE_REGISTRY),
  'docs/model.md': () => withTypesSection(fs.readFileSync('docs/model.md', 'utf8'), CORE_REGISTRY),
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, make] of Object.entries(GENERATED)) {
  const text = make();
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current === text) continue;
  if (check) {
    stale += 1;
    process.stderr.write(`${file} is out of date with the registry. Run: npm run model:generate\n`);
  } else {
    fs.writeFileSync(file, text);
    process.stdout.write(`Wrote ${file}\n`);
  }
}
process.exit(stale ? 1 : 0);
