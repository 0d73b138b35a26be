/**
 * Exports a selection in one of five formats. The selection is resolved through the caller's
 * scoped gateway (partners' rules, victims masked unless unmasked with a reason), rendered, and
 * recorded in the audit log (kind `export`, with every entity and link id disclosed).
 */
import type { Selection, SelectionCaller, SelectionInput } from '../selection/index.ts';
import { auditSelection, resolveSelection } from '../selection/index.ts';
import { EXTENSION, MEDIA_TYPE, utf8, type ExportFile, type ExportFormat } from './common.ts';
import { toAnx } from './anx.ts';
import { toCsvZip } from './csv.ts';
import { toFtm } from './ftm.ts';
import { toGexf } from './gexf.ts';
import { toGraphml } from './graphml.ts';

export { EXPORT_FORMATS, type ExportFile, type ExportFormat } from './common.ts';

const RENDER: Record<ExportFormat, (s: Selection) => Uint8Array> = {
  graphml: (s) => utf8(toGraphml(s)),
  gexf: (s) => utf8(toGexf(s)),
  anx: (s) => utf8(toAnx(s)),
  csv: toCsvZip,
  ftm: (s) => utf8(toFtm(s)),
};

/** `lantern-<chart or first id>-<yyyy-mm-dd>.<ext>`, safe on every file system. */
export function exportFilename(s: Selection, format: ExportFormat): string {
  const stem = (s.chart?.name ?? s.ids?.[0] ?? 'selection').normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'selection';
  return `lantern-${stem}-${s.generatedAt.slice(0, 10)}.${EXTENSION[format]}`;
}

/** Renders an already resolved selection (no audit): for callers that resolve once and export several times. */
export function render(selection: Selection, format: ExportFormat): ExportFile {
  return { filename: exportFilename(selection, format), mediaType: MEDIA_TYPE[format], bytes: RENDER[format](selection) };
}

export async function exportSelection(
  caller: SelectionCaller,
  o: { format: ExportFormat; selection: SelectionInput; unmaskReason?: string | null },
): Promise<{ file: ExportFile; selection: Selection }> {
  const selection = await resolveSelection(caller, o.selection, { unmaskReason: o.unmaskReason ?? null });
  const file = render(selection, o.format);
  await auditSelection(caller, selection, { kind: 'export', operation: `export ${o.format}`, variables: { format: o.format, filename: file.filename, bytes: file.bytes.length } });
  return { file, selection };
}
