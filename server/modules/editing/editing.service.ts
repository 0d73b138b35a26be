/**
 * Mutations: create and update entities and links with provenance, annotate, retire. Inputs
 * are checked (editing.input.ts) and entities shaped the way every writer stores them
 * (shapeEntity); each mutation is one write transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from '../../graphql/context.ts';
import { date, dateTime } from '../../db/values.ts';
import { badInput, notFound } from '../../errors.ts';
import { foreignLinkProperty, ID_PREFIX, LABEL, type EntityType, type LinkType } from '../../model/model.ts';
import { shapeEntity, ShapeError, type Props } from '../../model/shape.ts';
import { entityTypeOf, toEntity, toGraphEdge, type EntityOut } from '../entity/index.ts';
import type { LinkOut } from '../entity/index.ts';
import { checkDates, checkId, checkLink, checkRole, dateProperties, linkPropertiesOfType, parseLinkProperties, parseProperties, parseProvenance, personFlags, propertiesOf, type ProvenanceArg } from './editing.input.ts';
import { markDirty } from '../scores/index.ts';
import { requireReadable } from '../chart/index.ts';
import { requireCaseOpen } from '../cases/index.ts';
import * as repo from './editing.repository.ts';

type PropertyArg = { name: string; value?: string | null };

function missing(what: string, id: string, argument: string) {
  const e = notFound(what, id);
  e.extensions.argument = argument;
  return e;
}

function shape(type: EntityType, props: Props, path: string) {
  try {
    const shaped = shapeEntity(type, props);
    const stored: Props = { ...shaped.props };
    for (const k of dateProperties(type)) if (typeof stored[k] === 'string') stored[k] = date(String(stored[k]));
    return { ...shaped, props: stored };
  } catch (e) {
    if (e instanceof ShapeError) throw badInput(`${path}.${e.property}`, e.message.replace(`${e.property}: `, ''));
    throw e;
  }
}

function withEnds(link: LinkOut, source: EntityOut, target: EntityOut): LinkOut {
  return { ...link, sourceEntity: source, targetEntity: target };
}

export async function createEntity(
  ctx: Context,
  input: { id?: string | null; type: EntityType; properties: readonly PropertyArg[]; provenance: ProvenanceArg },
): Promise<EntityOut> {
  const id = input.id ? checkId(input.id, ID_PREFIX[input.type], 'input.id') : `${ID_PREFIX[input.type]}-${randomUUID()}`;
  const shaped = shape(input.type, parseProperties(input.type, input.properties, 'input.properties'), 'input.properties');
  const provenance = parseProvenance(input.provenance, 'input.provenance');
  return repo.write(ctx.gateway, async (tx) => {
    const sourceId = await repo.sourceRecord(tx, provenance);
    const row = await repo.createEntity(tx, {
      id,
      type: input.type,
      label: LABEL[input.type],
      display: shaped.label,
      searchText: shaped.searchText,
      props: shaped.props,
      sourceId,
    });
    await markDirty(tx, [id]);
    return toEntity(row);
  });
}

const BOOKKEEPING = new Set(['id', 'type', 'label', 'searchText', 'degree', 'postcodeCompact']);

export async function updateEntity(ctx: Context, id: string, properties: readonly PropertyArg[], provenanceArg: ProvenanceArg): Promise<EntityOut> {
  if (properties.length === 0) throw badInput('properties', 'give at least one property to change.');
  const provenance = parseProvenance(provenanceArg, 'provenance');
  return repo.write(ctx.gateway, async (tx) => {
    const current = await repo.entityById(tx, id);
    if (!current) throw notFound('entity', id);
    const changes = parseProperties(entityTypeOf(current), properties, 'properties');
    const sourceId = await repo.sourceRecord(tx, provenance);
    return applyUpdate(tx, current, changes, sourceId);
  });
}

/**
 * Changes an entity's properties inside a write transaction, the way every edit does: shaped
 * with its stored properties (label and search text follow), cited by `sourceId`, its analysis
 * marked dirty. `changes` are parsed values; null removes a property. Bulk writers (geocoding)
 * call it once per entity with one source record.
 */
export async function applyUpdate(tx: repo.Tx, current: Props, changes: Props, sourceId: string): Promise<EntityOut> {
  const id = String(current.id);
  const type = entityTypeOf(current);
  // The entity's own stored properties, then the changes, shaped together so label and search text follow.
  const own = Object.fromEntries(Object.entries(current).filter(([k]) => k in propertiesOf(type) || ['country', 'lineType', 'accountKey'].includes(k)));
  const merged = { ...own, ...changes };
  if (type === 'PHONE' && 'number' in changes) delete merged.e164;
  // A person's full name follows their given and family names unless it is set itself.
  if (type === 'PERSON' && !('fullName' in changes) && ('givenName' in changes || 'familyName' in changes)) delete merged.fullName;
  const shaped = shape(type, merged, 'properties');
  const props: Props = Object.fromEntries(Object.entries(shaped.props).filter(([k]) => !BOOKKEEPING.has(k)));
  for (const [k, v] of Object.entries(changes)) if (v === null) props[k] = null;
  await markDirty(tx, [id]);
  return toEntity(await repo.updateEntity(tx, { id, props, display: shaped.label, searchText: shaped.searchText, sourceId }));
}

/** A CALLED link's calls, which CreateLinkInput also takes as fields of their own. */
const CALL_FIELDS = ['count', 'firstAt', 'lastAt'] as const;

/**
 * A link's own properties (its type's, in the registry) from property inputs, checked as an
 * entity's are; dates and date-times stored as Cypher's, as the loader stores them.
 */
function linkOwn(type: LinkType, properties: readonly PropertyArg[], path: string): Props {
  const values = parseLinkProperties(type, properties, path);
  const kinds = linkPropertiesOfType(type);
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v !== 'string' ? v : kinds[k] === 'date' ? date(v) : kinds[k] === 'datetime' ? dateTime(v) : v]),
  );
}

export interface CreateLinkArg {
  id?: string | null;
  type: LinkType;
  source: string;
  target: string;
  role?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  weight?: number | null;
  count?: number | null;
  firstAt?: string | null;
  lastAt?: string | null;
  /** Its type's own properties (a declared link type's), checked against the registry. */
  properties?: readonly PropertyArg[] | null;
  provenance: ProvenanceArg;
}

export async function createLink(ctx: Context, input: CreateLinkArg): Promise<LinkOut> {
  const id = input.id ? checkId(input.id, 'link', 'input.id') : `link-${input.type.toLowerCase()}-${randomUUID()}`;
  checkDates(input.validFrom, input.validTo, 'input');
  if (input.source === input.target) throw badInput('input.target', 'a link joins two different entities.');
  const foreign = foreignLinkProperty(input.type, input);
  if (foreign) throw badInput(`input.${foreign.property}`, `belongs to ${foreign.carriedBy.join(', ')} links only.`);
  if (input.count != null && (!Number.isInteger(input.count) || input.count < 0)) throw badInput('input.count', 'must be a whole number, 0 or more.');
  const own = linkOwn(input.type, input.properties ?? [], 'input.properties');
  for (const k of CALL_FIELDS) if (input[k] != null && own[k] != null) throw badInput(`input.properties.${k}`, `is given as input.${k} too; give it once.`);
  const provenance = parseProvenance(input.provenance, 'input.provenance');
  return repo.write(ctx.gateway, async (tx) => {
    const a = await repo.entityById(tx, input.source);
    if (!a) throw missing('entity', input.source, 'input.source');
    const b = await repo.entityById(tx, input.target);
    if (!b) throw missing('entity', input.target, 'input.target');
    checkLink(input.type, entityTypeOf(a), entityTypeOf(b), input.role, 'input');
    const flags = personFlags(input.type, input.role);
    const person = flags.flagEnd === 'source' ? a : flags.flagEnd === 'target' ? b : undefined;
    const sourceId = await repo.sourceRecord(tx, provenance);
    const props: Props = {
      ...own,
      role: input.role ?? null,
      validFrom: input.validFrom ? date(input.validFrom) : null,
      validTo: input.validTo ? date(input.validTo) : null,
      weight: input.weight ?? null,
      count: input.count ?? own.count ?? null,
    };
    const row = await repo.createLink(tx, {
      id,
      type: input.type,
      source: input.source,
      target: input.target,
      props,
      sourceId,
      recordedAt: provenance.recordedAt,
      firstAt: input.firstAt ?? null,
      lastAt: input.lastAt ?? null,
      ...flags,
      flagEnd: person && entityTypeOf(person) === 'PERSON' ? flags.flagEnd : null,
    });
    await markDirty(tx, [input.source, input.target]);
    return withEnds(toGraphEdge(row), toEntity(a), toEntity(b));
  });
}

export async function updateLink(
  ctx: Context,
  id: string,
  input: { role?: string | null; validFrom?: string | null; validTo?: string | null; weight?: number | null; properties?: readonly PropertyArg[] | null },
  provenanceArg: ProvenanceArg,
): Promise<LinkOut> {
  const keys = Object.keys(input) as (keyof typeof input)[];
  if (keys.filter((k) => k !== 'properties' || (input.properties?.length ?? 0) > 0).length === 0) throw badInput('input', 'give at least one field to change.');
  const provenance = parseProvenance(provenanceArg, 'provenance');
  return repo.write(ctx.gateway, async (tx) => {
    const found = await repo.linkById(tx, id);
    if (!found) throw notFound('link', id);
    const type = String(found.link.type) as LinkType;
    if ('role' in input) checkRole(type, input.role, 'input.role');
    const own = linkOwn(type, input.properties ?? [], 'input.properties');
    const validFrom = 'validFrom' in input ? input.validFrom : (found.link.validFrom as string | null);
    const validTo = 'validTo' in input ? input.validTo : (found.link.validTo as string | null);
    checkDates(validFrom, validTo, 'input');
    const props: Props = { ...own };
    if ('role' in input) props.role = input.role ?? null;
    if ('validFrom' in input) props.validFrom = input.validFrom ? date(input.validFrom) : null;
    if ('validTo' in input) props.validTo = input.validTo ? date(input.validTo) : null;
    if ('weight' in input) props.weight = input.weight ?? null;
    const flags = personFlags(type, 'role' in input ? input.role : (found.link.role as string | null));
    const person = flags.flagEnd === 'source' ? found.source : flags.flagEnd === 'target' ? found.target : undefined;
    const sourceId = await repo.sourceRecord(tx, provenance);
    const row = await repo.updateLink(tx, {
      fromId: String(found.source.id),
      elementId: found.elementId,
      props,
      sourceId,
      ...flags,
      flagEnd: person && entityTypeOf(person) === 'PERSON' ? flags.flagEnd : null,
    });
    await markDirty(tx, [String(found.source.id), String(found.target.id)]);
    return withEnds(toGraphEdge(row), toEntity(found.source), toEntity(found.target));
  });
}

/**
 * Adds a note to an entity, a link, a saved chart or a case, with its author and time (the
 * request, its text included, is in the audit log like every mutation). A chart must be one the
 * caller may open, a case one they may add to (modules/access, through the chart and cases modules).
 */
export async function annotate(ctx: Context, targetId: string, text: string) {
  const t = text.trim();
  if (t.length === 0 || t.length > 5000) throw badInput('text', 'write 1 to 5000 characters.');
  if (targetId.startsWith('chart-')) await requireReadable(ctx, targetId);
  else if (targetId.startsWith('case-')) await requireCaseOpen(ctx, targetId, 'edit');
  return repo.write(ctx.gateway, async (tx) => {
    if (!targetId.startsWith('chart-') && !targetId.startsWith('case-') && !(await repo.entityById(tx, targetId)) && !(await repo.linkById(tx, targetId))) {
      throw missing('entity, link, chart or case', targetId, 'targetId');
    }
    const a = await repo.annotate(tx, { targetId, text: t, author: ctx.principal.name });
    return { id: String(a.id), targetId: String(a.targetId), text: String(a.text), author: String(a.author), createdAt: String(a.createdAt) };
  });
}

function reasonOf(reason: string): string {
  const r = reason.trim();
  if (r.length === 0 || r.length > 1000) throw badInput('reason', 'say why, in 1 to 1000 characters.');
  return r;
}

export async function retireEntity(ctx: Context, id: string, reason: string): Promise<boolean> {
  const r = reasonOf(reason);
  return repo.write(ctx.gateway, async (tx) => {
    if (!(await repo.retireEntity(tx, id, r))) throw notFound('entity', id);
    await markDirty(tx, [id]);
    return true;
  });
}

export async function retireLink(ctx: Context, id: string, reason: string): Promise<boolean> {
  const r = reasonOf(reason);
  return repo.write(ctx.gateway, async (tx) => {
    const found = await repo.linkById(tx, id);
    if (!found) throw notFound('link', id);
    await markDirty(tx, [String(found.source.id), String(found.target.id)]);
    return repo.retireLink(tx, String(found.source.id), found.elementId, r);
  });
}
