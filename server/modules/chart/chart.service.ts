/**
 * Saved charts: the rules (names, document shape and size) between the resolvers and the
 * repository. The document is the workspace's own format; the server checks only that it is
 * an object of a sane size and counts its elements for the list.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../errors.ts';
import * as repo from './chart.repository.ts';

export const MAX_NAME_LENGTH = 120;
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface Chart extends repo.ChartRow {
  document: unknown;
}

export function validateName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw badInput('name', 'give the chart a name.');
  if (trimmed.length > MAX_NAME_LENGTH) throw badInput('name', `at most ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

/** Counts a workspace document's elements: `{ elements: { nodes: [...], edges: [...] } }`. */
export function countElements(document: unknown): { nodeCount: number; edgeCount: number } {
  const elements = (document as { elements?: { nodes?: unknown; edges?: unknown } } | null)?.elements;
  return {
    nodeCount: Array.isArray(elements?.nodes) ? elements.nodes.length : 0,
    edgeCount: Array.isArray(elements?.edges) ? elements.edges.length : 0,
  };
}

export function serialiseDocument(document: unknown): string {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw badInput('document', 'must be a JSON object.');
  }
  const text = JSON.stringify(document);
  if (Buffer.byteLength(text) > MAX_DOCUMENT_BYTES) {
    throw badInput('document', `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; save a smaller chart.`);
  }
  return text;
}

function withDocument(row: repo.ChartWithDocumentRow): Chart {
  const { document, ...rest } = row;
  return { ...rest, document: JSON.parse(document) as unknown };
}

export function list(ctx: Context): Promise<repo.ChartRow[]> {
  return repo.listCharts(ctx.gateway);
}

export async function get(ctx: Context, by: { id?: string | null; name?: string | null }): Promise<Chart | null> {
  if (by.id) {
    const row = await repo.chartById(ctx.gateway, by.id);
    return row ? withDocument(row) : null;
  }
  if (by.name) {
    const row = await repo.chartByName(ctx.gateway, by.name.trim());
    return row ? withDocument(row) : null;
  }
  throw badInput('id', 'give the chart id or its name.');
}

export async function save(ctx: Context, name: string, document: unknown): Promise<Chart> {
  const text = serialiseDocument(document);
  const row = await repo.saveChart(ctx.gateway, {
    id: `chart-${randomUUID()}`,
    name: validateName(name),
    document: text,
    ...countElements(document),
  });
  return withDocument(row);
}

export function remove(ctx: Context, id: string): Promise<boolean> {
  return repo.deleteChart(ctx.gateway, id);
}
