/**
 * An installation's own types (LANTERN_TYPES): extra entity types, link types and properties on
 * existing types, in a versioned YAML or JSON file, checked at start against the registry's
 * schema. A bad entry stops the start with a message naming it; a name that clashes with a core
 * type or property is refused. See docs/model.md "Deployment-defined types".
 */
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { buildRegistry, RegistryError, type Extension, type Registry } from './registry.ts';

/** The file versions this Lantern reads. */
export const TYPES_FILE_VERSIONS = [1] as const;

const fileSchema = z
  .object({
    version: z.literal(TYPES_FILE_VERSIONS, { message: `must be ${TYPES_FILE_VERSIONS.join(' or ')} (the types file format this Lantern reads)` }),
    entityTypes: z.array(z.record(z.string(), z.unknown())).default([]),
    linkTypes: z.array(z.record(z.string(), z.unknown())).default([]),
    properties: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).default({}),
  })
  .strict();

const pascal = (code: string) => code.toLowerCase().replace(/(^|_)([a-z0-9])/g, (_, _u, c: string) => c.toUpperCase());
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

/** Fills what an installation may leave out: label, id prefix, names, colour, verb. */
function withDefaults(e: Record<string, unknown>, kind: 'entity' | 'link'): Record<string, unknown> {
  const name = typeof e.name === 'string' ? e.name : '';
  if (kind === 'link') return { verb: words(name).toLowerCase(), colour: '#8a94a0', ...e };
  const label = typeof e.label === 'string' ? e.label : pascal(name);
  const displayName = typeof e.displayName === 'string' ? e.displayName : words(name);
  return { label, idPrefix: label.toLowerCase(), displayName, plural: `${displayName}s`, colour: '#6b7785', ...e };
}

/** The registry of the core plus the types `text` declares (YAML or JSON); `file` names it in errors. */
export function registryFromTypesText(text: string, file: string): Registry {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new RegistryError(file, `is not YAML or JSON: ${(e as Error).message}`);
  }
  const r = fileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new RegistryError(`${file}: ${issue.path.join('.') || '(top level)'}`, issue.message);
  }
  const extension: Extension = {
    entityTypes: r.data.entityTypes.map((e) => withDefaults(e, 'entity')) as Extension['entityTypes'],
    linkTypes: r.data.linkTypes.map((e) => withDefaults(e, 'link')) as Extension['linkTypes'],
    properties: r.data.properties as Extension['properties'],
  };
  try {
    return buildRegistry(extension);
  } catch (e) {
    if (e instanceof RegistryError) throw new RegistryError(`${file}: ${e.entry}`, e.message.slice(e.entry.length + 2));
    throw e;
  }
}

/** Reads and checks the types file at `file`. */
export function registryFromTypesFile(file: string): Registry {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new RegistryError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); LANTERN_TYPES names the types file`);
  }
  return registryFromTypesText(text, file);
}
