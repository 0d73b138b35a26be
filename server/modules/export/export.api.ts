/**
 * The GraphQL face of exports: the argument checks and the file as the ExportFile type.
 */
import type { Context } from '../../graphql/context.ts';
import { parseSelection } from '../selection/index.ts';
import { exportSelection, type ExportFormat } from './export.service.ts';

export async function toExportFile(
  ctx: Context,
  args: { format: string; selection: { ids?: readonly string[] | null; hops?: number | null; chart?: string | null }; unmaskReason?: string | null },
) {
  const format = args.format.toLowerCase() as ExportFormat;
  const { file, selection } = await exportSelection(ctx, { format, selection: parseSelection(args.selection), unmaskReason: args.unmaskReason ?? null });
  const binary = format === 'csv';
  return {
    filename: file.filename,
    mediaType: file.mediaType,
    encoding: binary ? ('BASE64' as const) : ('UTF8' as const),
    content: binary ? Buffer.from(file.bytes).toString('base64') : Buffer.from(file.bytes).toString('utf8'),
    entityCount: selection.entities.length,
    linkCount: selection.links.length,
    masked: selection.masking.masked,
    maskedCount: selection.masking.maskedCount,
    truncated: selection.truncated,
    truncation: selection.truncation,
  };
}
