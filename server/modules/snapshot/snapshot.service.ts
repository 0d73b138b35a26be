/**
 * Briefing snapshots: made from a selection (resolved by the selection module through the
 * caller's scoped gateway, victims masked unless unmasked with a role and a reason), hashed,
 * stored once and never changed. A correction is a new version that supersedes the old one.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { badInput, conflict, ErrorCode } from '../../errors.ts';
import { can } from '../access/index.ts';
import { aboutMasked } from '../entity/index.ts';
import { auditSelection, resolveSelection, type Selection, type SelectionCaller, type SelectionInput } from '../selection/index.ts';
import {
  canonicalForm, contentHash, diffContents, markingOf, SNAPSHOT_FORMAT,
  type Finding, type SnapshotAnnotation, type SnapshotContent, type SnapshotDiff, type SnapshotEdge, type SnapshotNode, type SnapshotSource,
} from './snapshot.content.ts';
import * as repo from './snapshot.repository.ts';

export const SNAPSHOT_LIMITS = { title: 200, purpose: 2000, findings: 100, findingText: 4000, list: 200 } as const;
/** Link labels are drawn on the chart when there are at most this many links. */
export const EDGE_LABELS_UP_TO = 80;

export interface FindingInput {
  text: string;
  elementIds?: readonly string[] | null;
}

export interface CreateSnapshotInput {
  title: string;
  purpose?: string | null;
  /** YYYY-MM-DD: facts recorded after that day are left out. */
  asKnownOn?: string | null;
  /** A selection as the selection module takes it (ids and hops, or a saved chart). */
  selection?: SelectionInput | null;
  /** The workspace's chart as it is on screen: its entities (up to 5000) and their positions. */
  chartElements?: { ids: readonly string[]; positions?: Record<string, { x: number; y: number }> | null } | null;
  findings?: readonly FindingInput[] | null;
  unmaskReason?: string | null;
  supersedes?: string | null;
  /** Draw the map and/or the occupancy timeline in the briefing (default: neither). */
  pictures?: { map?: boolean | null; occupancy?: boolean | null } | null;
}

export interface StoredSnapshot extends Omit<repo.SnapshotRow, 'content'> {
  content: SnapshotContent;
  /** True when the stored record still hashes to `hash`. */
  verified: boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(value: string | null | undefined, argument: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const d = new Date(`${value}T00:00:00Z`);
  if (!ISO_DAY.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw badInput(argument, `give a date as YYYY-MM-DD, e.g. 2024-06-30 (got ${JSON.stringify(value)}).`);
  }
  if (value > new Date().toISOString().slice(0, 10)) throw badInput(argument, 'cannot be in the future.');
  return value;
}

function checkText(value: string | null | undefined, argument: string, max: number, required: boolean): string {
  const v = (value ?? '').trim();
  if (required && v.length === 0) throw badInput(argument, 'must not be empty.');
  if (v.length > max) throw badInput(argument, `at most ${max} characters (got ${v.length}).`);
  return v;
}

/** Leaves out what was recorded after the "as known on" day: entities, links, and links to left-out entities. */
function asKnownOn(sel: Selection, day: string | null): Selection {
  if (!day) return sel;
  const end = `${day}T23:59:59.999Z`;
  const known = (at: string | null) => !at || new Date(at).toISOString() <= end;
  const entities = sel.entities.filter((e) => known(e.recordedAt));
  const kept = new Set(entities.map((e) => e.id));
  const links = sel.links.filter((l) => known(l.recordedAt) && kept.has(l.source) && kept.has(l.target));
  return { ...sel, entities, links };
}

/** An entity's latitude and longitude when it has both as numbers (what the map places; the briefing page checks their range). */
function placeOf(properties: Selection['entities'][number]['properties']): { lat: number; lon: number } | null {
  const { latitude: lat, longitude: lon } = properties;
  return typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

/**
 * The snapshot's elements from a resolved selection, in reading order (type, then label). With
 * `places`, entities that have a latitude and a longitude carry them (for the briefing's map); they
 * come from the same masked, scoped selection as every other value shown.
 */
export function elementsOf(sel: Selection, positions: Record<string, { x: number; y: number }> | null, places = false): { nodes: SnapshotNode[]; edges: SnapshotEdge[] } {
  const degree = new Map<string, number>();
  for (const l of sel.links) for (const end of [l.source, l.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const nodes: SnapshotNode[] = sel.entities.map((e) => {
    const p = positions?.[e.id];
    const risk = e.properties.riskScore;
    const place = places ? placeOf(e.properties) : null;
    return {
      id: e.id,
      type: e.type,
      label: e.label,
      subtitle: e.subtitle,
      kind: typeof e.properties.kind === 'string' ? e.properties.kind : typeof e.properties.category === 'string' ? e.properties.category : null,
      degree: degree.get(e.id) ?? 0,
      supernode: false,
      potentialVictim: e.potentialVictim,
      suspect: e.suspect,
      safeguarded: e.safeguarded,
      riskScore: typeof risk === 'number' ? risk : null,
      masked: e.masked,
      grading: e.grading,
      position: p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 } : { x: Math.round(e.position.x * 10) / 10, y: Math.round(e.position.y * 10) / 10 },
      ...(place ? { place } : {}),
    };
  });
  nodes.sort((a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const sources = new Map(sel.sources.map((s) => [s.id, s]));
  const label = new Map(nodes.map((n) => [n.id, n.label]));
  const edges: SnapshotEdge[] = sel.links.map((l) => ({
    id: l.id,
    type: l.type,
    source: l.source,
    target: l.target,
    role: l.role,
    validFrom: l.validFrom,
    validTo: l.validTo,
    recordedAt: l.recordedAt,
    weight: l.weight ?? l.count,
    grading: l.grading,
    sources: l.sourceIds
      .map((id) => sources.get(id))
      .filter((s): s is NonNullable<typeof s> => !!s)
      .map((s): SnapshotSource => ({ id: s.id, source: s.source, recordKey: s.recordKey || null, recordedAt: s.recordedAt, grading: s.grading })),
  }));
  edges.sort((a, b) => a.type.localeCompare(b.type) || (label.get(a.source) ?? '').localeCompare(label.get(b.source) ?? '') || a.id.localeCompare(b.id));
  return { nodes, edges };
}

function findingsOf(input: readonly FindingInput[] | null | undefined, ids: Set<string>): Finding[] {
  const list = input ?? [];
  if (list.length > SNAPSHOT_LIMITS.findings) throw badInput('findings', `at most ${SNAPSHOT_LIMITS.findings} findings (got ${list.length}).`);
  return list.map((f, i) => {
    const text = checkText(f.text, `findings[${i}].text`, SNAPSHOT_LIMITS.findingText, true);
    const elementIds = [...new Set(f.elementIds ?? [])];
    const missing = elementIds.filter((id) => !ids.has(id));
    if (missing.length > 0) throw badInput(`findings[${i}].elementIds`, `${missing.slice(0, 3).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not on the snapshot.`);
    return { id: `F${i + 1}`, text, elementIds };
  });
}

function parse(row: repo.SnapshotRow): StoredSnapshot {
  const content = JSON.parse(row.content ?? '{}') as SnapshotContent;
  return { ...row, content, verified: contentHash(content) === row.hash };
}

function notFoundSnapshot(id: string, argument = 'id'): GraphQLError {
  return new GraphQLError(`No snapshot with id ${JSON.stringify(id)}.`, { extensions: { code: ErrorCode.NOT_FOUND, argument, id } });
}

/** Makes, hashes and stores a snapshot; records it (and any unmasking) in the audit log. */
export async function createSnapshot(caller: SelectionCaller, input: CreateSnapshotInput): Promise<StoredSnapshot> {
  const title = checkText(input.title, 'title', SNAPSHOT_LIMITS.title, true);
  const purpose = checkText(input.purpose ?? caller.purpose ?? '', 'purpose', SNAPSHOT_LIMITS.purpose, false);
  const day = checkDay(input.asKnownOn, 'asKnownOn');
  if (!!input.selection === !!input.chartElements) throw badInput('selection', 'give a selection (ids and hops, or a chart) or the chart elements, one of them.');
  let previous: StoredSnapshot | null = null;
  if (input.supersedes) {
    const row = await repo.byId(caller.gateway, input.supersedes, can(caller.principal, 'read', { unmasked: true }));
    if (!row) throw notFoundSnapshot(input.supersedes, 'supersedes');
    if (row.supersededBy) throw conflict(`Snapshot ${input.supersedes} is already superseded by ${row.supersededBy}; supersede the latest version.`);
    previous = parse(row);
  }
  let selectionInput: SelectionInput;
  let positions: Record<string, { x: number; y: number }> | null = null;
  if (input.chartElements) {
    const ids = [...new Set(input.chartElements.ids)];
    if (ids.length < 1 || ids.length > 5000) throw badInput('chartElements.ids', `give 1 to 5000 entity ids (got ${ids.length}).`);
    selectionInput = { ids, hops: 0 };
    positions = input.chartElements.positions ?? null;
  } else {
    selectionInput = input.selection!;
  }
  const unmaskReason = input.unmaskReason?.trim() ? input.unmaskReason : null;
  const selection = asKnownOn(await resolveSelection(caller, selectionInput, { unmaskReason }), day);
  const pictures = { map: input.pictures?.map === true, occupancy: input.pictures?.occupancy === true };
  const { nodes, edges } = elementsOf(selection, positions, pictures.map);
  const ids = new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
  const findings = findingsOf(input.findings, ids);
  // Notes are read with the selection's own masking: notes on victims, and on links touching one
  // (aboutMasked), only when unmasked.
  const notesGateway = caller.gateway.forScope({ ...caller.gateway.scope, mask: selection.masking.masked });
  const about = aboutMasked(selection.entities, selection.links);
  const annotations: SnapshotAnnotation[] = (await repo.annotations(notesGateway, [...ids])).filter((a) => !about.has(String(a.targetId))).map((a) => ({
    id: String(a.id),
    targetId: String(a.targetId),
    text: String(a.text ?? ''),
    author: String(a.author ?? ''),
    createdAt: String(a.createdAt ?? ''),
  }));
  const selectionRecord: SnapshotContent['selection'] = input.chartElements
    ? { kind: 'elements', ids: [...ids].filter((id) => nodes.some((n) => n.id === id)).sort() }
    : 'chart' in selectionInput
      ? { kind: 'chart', name: selection.chart?.name ?? selectionInput.chart }
      : { kind: 'ids', ids: selectionInput.ids, hops: selectionInput.hops };
  const content: SnapshotContent = {
    format: SNAPSHOT_FORMAT,
    title,
    purpose,
    author: { name: caller.principal.name, role: caller.principal.role },
    createdAt: new Date().toISOString(),
    asKnownOn: day,
    selection: selectionRecord,
    supersedes: previous?.id ?? null,
    version: (previous?.version ?? 0) + 1,
    marking: markingOf(nodes, edges),
    masking: {
      masked: selection.masking.masked,
      protectedPeople: nodes.filter((n) => n.potentialVictim).length,
      unmaskedBy: selection.masking.masked ? null : { name: caller.principal.name, role: caller.principal.role },
      reason: selection.masking.unmaskReason,
    },
    nodes,
    edges,
    findings,
    annotations,
    style: { edgeLabels: edges.length <= EDGE_LABELS_UP_TO ? 'always' : 'hover' },
    truncation: selection.truncation,
    // Recorded only when asked for, so that a snapshot without pictures keeps the record it always had.
    ...(pictures.map || pictures.occupancy ? { pictures } : {}),
  };
  const hash = contentHash(content);
  const id = `snapshot-${randomUUID()}`;
  const stored = await repo.create(caller.gateway, {
    id,
    title,
    author: content.author.name,
    authorRole: content.author.role,
    createdAt: content.createdAt,
    asKnownOn: day,
    version: content.version,
    supersedes: content.supersedes,
    classification: content.marking.classification,
    handlingCode: content.marking.handlingCode,
    marking: content.marking.text,
    masked: content.masking.masked,
    unmaskReason: content.masking.reason,
    annotationCount: annotations.length,
    nodeCount: nodes.length,
    edgeCount: edges.length,
    findingCount: findings.length,
    hash,
    content: canonicalForm(content),
  });
  if (!stored) throw conflict(`Snapshot ${content.supersedes} was superseded by someone else meanwhile; supersede the latest version.`);
  await auditSelection(caller, selection, { kind: 'snapshot', operation: 'createSnapshot', variables: { snapshot: id, title, hash, version: content.version } });
  return {
    id, title, author: content.author.name, authorRole: content.author.role, createdAt: content.createdAt, asKnownOn: day,
    version: content.version, supersedes: content.supersedes, supersededBy: null, classification: content.marking.classification,
    handlingCode: content.marking.handlingCode, marking: content.marking.text, masked: content.masking.masked, unmaskReason: content.masking.reason,
    nodeCount: nodes.length, edgeCount: edges.length, findingCount: findings.length, hash, content, verified: true,
  };
}

/** A snapshot the caller may see, or null (a hidden snapshot answers as one that does not exist). */
export async function getSnapshot(caller: SelectionCaller, id: string): Promise<StoredSnapshot | null> {
  const row = await repo.byId(caller.gateway, id, can(caller.principal, 'read', { unmasked: true }));
  if (!row) return null;
  const s = parse(row);
  if (!s.masked) {
    // Reading victims' identities is recorded on its own, as unmasking is, before they are answered.
    await caller.audit?.record({
      at: new Date().toISOString(),
      actor: caller.principal.name,
      role: caller.principal.role,
      kind: 'unmask',
      operation: `read snapshot ${id}`,
      variables: JSON.stringify({ reason: s.unmaskReason, snapshot: id }),
      purpose: caller.purpose ?? '',
      recordCount: s.content.nodes.filter((n) => n.potentialVictim).length,
      recordIds: s.content.nodes.filter((n) => n.potentialVictim).map((n) => n.id),
      requestId: caller.requestId ?? '',
      outcome: 'ok',
    });
  }
  return s;
}

export async function requireSnapshot(caller: SelectionCaller, id: string, argument = 'id'): Promise<StoredSnapshot> {
  const s = await getSnapshot(caller, id);
  if (!s) throw notFoundSnapshot(id, argument);
  return s;
}

export async function listSnapshots(caller: SelectionCaller, o: { first?: number | null; title?: string | null } = {}): Promise<repo.SnapshotRow[]> {
  const first = o.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > SNAPSHOT_LIMITS.list) throw badInput('first', `give 1 to ${SNAPSHOT_LIMITS.list}.`);
  return repo.list(caller.gateway, { canUnmask: can(caller.principal, 'read', { unmasked: true }), limit: first, title: o.title?.trim() || null });
}

/** What changed from one version to another (any two snapshots the caller may see). */
export async function compareSnapshots(caller: SelectionCaller, from: string, to: string): Promise<SnapshotDiff & { from: string; to: string }> {
  const a = await requireSnapshot(caller, from, 'from');
  const b = await requireSnapshot(caller, to, 'to');
  return { from, to, ...diffContents(a.content, b.content) };
}

/** Where each render of a snapshot is served (GET, authenticated and scoped like the API). */
export function fileUrls(id: string): { html: string; pdf: string; png: string } {
  const base = `/snapshots/${encodeURIComponent(id)}/briefing`;
  return { html: `${base}.html`, pdf: `${base}.pdf`, png: `${base}.png` };
}
