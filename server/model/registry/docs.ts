/**
 * The part of docs/model.md that lists the types, written from the registry: the text between
 * the `registry:begin` and `registry:end` markers (a test proves it current; `npm run
 * model:generate` rewrites it).
 */
import type { Registry } from './registry.ts';
import type { PropertyDef } from './schema.ts';

export const BEGIN = '<!-- registry:begin (generated from server/model/registry by `npm run model:generate`; do not edit) -->';
export const END = '<!-- registry:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function kindOf(p: PropertyDef): string {
  const base = p.kind === 'enum' ? `enum: ${p.values!.map((v) => `\`${v}\``).join(', ')}` : p.kind;
  return p.list ? `list of ${base}` : base;
}

function flags(p: PropertyDef): string {
  return [p.required && 'required', p.searchable && 'searchable', !p.editable && 'computed', !p.field && 'input only'].filter(Boolean).join(', ');
}

/** The generated Markdown: one section per entity type, then the link types. */
export function typesMarkdown(registry: Registry): string {
  const out: string[] = ['### Entity types', ''];
  for (const t of registry.entityTypes) {
    const extra = registry.extra.entityTypes.has(t.name) ? ' (declared by this installation)' : '';
    out.push(`#### ${t.displayName} (\`${t.name}\`, label \`${t.label}\`, ids \`${t.idPrefix}-...\`)${extra}`, '');
    out.push(`${t.description} Chart label: ${t.labelFrom.description.replace(/\.$/, '')} (from ${t.labelFrom.properties.map((p) => `\`${p}\``).join(t.labelFrom.separator === undefined ? ' or ' : ' and ')}).`);
    if (t.subtitle) out.push(`Subtitle: ${t.subtitle.parts.map((p) => `${p.prefix ?? ''}\`${p.property}\``).join(t.subtitle.separator ?? ', ')}.${t.kind ? ` Styled by \`${t.kind}\`.` : ''}`);
    else if (t.kind) out.push(`Styled by \`${t.kind}\`.`);
    out.push('', '| property | kind | | meaning |', '|---|---|---|---|');
    for (const p of t.properties) out.push(`| \`${p.name}\` | ${cell(kindOf(p))} | ${flags(p)} | ${cell(p.description)} |`);
    out.push('');
  }
  out.push('### Link types', '', '| type | from | to | roles | own properties | meaning |', '|---|---|---|---|---|---|');
  for (const l of registry.linkTypes) {
    const props = (l.properties ?? []).map((p) => `\`${p.name}\` (${p.kind})`).join(', ');
    out.push(`| \`${l.name}\`${l.directed ? '' : ' (undirected)'} | ${l.from.join(', ')} | ${l.to.join(', ')} | ${(l.roles ?? []).join(', ')} | ${props} | ${cell(l.enumDescription ?? l.description)} |`);
  }
  return out.join('\n');
}

/** `doc` with its generated section replaced by the registry's; throws when the markers are missing. */
export function withTypesSection(doc: string, registry: Registry): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/model.md lacks the registry markers');
  return `${doc.slice(0, a + BEGIN.length)}\n\n${typesMarkdown(registry)}\n\n${doc.slice(b)}`;
}
