/**
 * Saved charts: the rules (names, document shape and size) between the resolvers and the
 * repository. A saved chart is a view, not a copy: it stores ids, positions and styling only
 * (chart.document.ts `toStored`, whatever the client sent), and every open reads its entities
 * and links again through the caller's scope and masking, so a caller sees of a chart exactly
 * what they would see of those ids anywhere else, and the counts are of that.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import { idsOf, toStored, toView, type ViewDocument } from './chart.document.ts';
import * as repo from './chart.repository.ts';

export const MAX_NAME_LENGTH = 120;
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface ChartSummary extends repo.ChartRow {
  /** Entities on the chart the caller may see. */
  nodeCount: number;
  /** Links on the chart the caller may see. */
  edgeCount: number;
}

export interface Chart extends ChartSummary {
  document: ViewDocument;
}

export function validateName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw badInput('name', 'give the chart a name.');
  if (trimmed.length > MAX_NAME_LENGTH) throw badInput('name', `at most ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

/** Checks a document as a client sent it: a JSON object of at most 5 MB. */
export function checkDocument(document: unknown): void {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw badInput('document', 'must be a JSON object.');
  }
  if (Buffer.byteLength(JSON.stringify(document)) > MAX_DOCUMENT_BYTES) {
    throw badInput('document', `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; save a smaller chart.`);
  }
}

function parseStored(text: string) {
  try {
    // Cut down again on the way out: a document stored before charts were views keeps nothing more.
    return toStored(JSON.parse(text) as unknown);
  } catch {
    return toStored({});
  }
}

/** Counts what of one chart is among what the caller may see (a chart's links need both ends). */
export function countVisible(
  chart: { nodeIds: readonly string[]; edgeIds: readonly string[] },
  seen: { nodes: readonly { id: string }[]; edges: readonly { id: string; source: string; target: string }[] },
): { nodeCount: number; edgeCount: number } {
  const seenNodes = new Set(seen.nodes.map((n) => n.id));
  const nodes = new Set(chart.nodeIds.filter((id) => seenNodes.has(id)));
  const edges = new Set(chart.edgeIds);
  return { nodeCount: nodes.size, edgeCount: seen.edges.filter((e) => edges.has(e.id) && nodes.has(e.source) && nodes.has(e.target)).length };
}

/** The charts the caller may open, with counts of what they may see on each. */
export async function list(ctx: Context): Promise<ChartSummary[]> {
  const rows = await repo.listCharts(ctx.gateway);
  const seen = await repo.visible(ctx.gateway, [...new Set(rows.flatMap((r) => r.nodeIds))]);
  return rows.map(({ nodeIds, edgeIds, ...row }) => ({ ...row, ...countVisible({ nodeIds, edgeIds }, seen) }));
}

export async function get(ctx: Context, by: { id?: string | null; name?: string | null }): Promise<Chart | null> {
  let row: repo.ChartWithDocumentRow | null;
  if (by.id) row = await repo.chartBy(ctx.gateway, { id: by.id });
  else if (by.name) row = await repo.chartBy(ctx.gateway, { name: by.name.trim() });
  else throw badInput('id', 'give the chart id or its name.');
  if (!row) return null;
  const { document, ...rest } = row;
  const stored = parseStored(document);
  const view = toView(stored, await repo.visible(ctx.gateway, idsOf(stored).nodeIds));
  return { ...rest, document: view, nodeCount: view.elements.nodes.length, edgeCount: view.elements.edges.length };
}

export async function save(ctx: Context, name: string, document: unknown, sharedWithPartners?: boolean | null): Promise<Chart> {
  checkDocument(document);
  const stored = toStored(document);
  const id = await repo.saveChart(ctx.gateway, {
    id: `chart-${randomUUID()}`,
    name: validateName(name),
    document: JSON.stringify(stored),
    ...idsOf(stored),
    sharedWithPartners: sharedWithPartners ?? null,
  });
  const chart = await get(ctx, { id });
  if (!chart) throw new Error(`chart ${id} was saved but cannot be read back`);
  return chart;
}

export function remove(ctx: Context, id: string): Promise<boolean> {
  return repo.deleteChart(ctx.gateway, id);
}
