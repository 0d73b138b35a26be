/**
 * The whole graph of one view as the stored analysis reads it (decisions/0038): ONE streamed read
 * (scores/graph: each entity once with its outgoing links, as compact lists) instead of the
 * indicators' links as maps then every entity by id, and again the networks' links and entities.
 * From it, exactly what the separate reads return: the indicator rules' graph (their link types,
 * known on the day, and the entities at their ends: indicators' `all`) and the suspected networks'
 * projection (analytics/links and analytics/nodes-by-id, both ordered by id).
 */
import type { Gateway, Row } from '../../db/gateway.ts';
import { INDICATOR_LINK_TYPES, type ILink, type INode } from '../indicators/index.ts';
import { PROJECTION_LINK_TYPES, type ALink, type ANode } from '../analytics/index.ts';

/** One view's entities and links of the read types, whatever their recording date. */
export interface ViewRead {
  nodes: INode[];
  links: ILink[];
}

/** Link types read: the indicators' and the networks' projection's. */
export const READ_LINK_TYPES: readonly string[] = [...new Set<string>([...INDICATOR_LINK_TYPES, ...PROJECTION_LINK_TYPES])];

function toNode(x: unknown[]): INode {
  const [id, type, label, kind, category, status, postedOn, obscuredNumber, potentialVictim, suspect, recordedAt] = x as [string, string, string, ...(string | boolean | null)[]];
  return { id, type, label, kind, category, status, postedOn, obscuredNumber, potentialVictim, suspect, recordedAt } as INode;
}

function toLink(x: unknown[], source: string): ILink {
  const [id, type, target, role, validFrom, validTo, recordedAt, weight, sourceEvaluation, intelligenceAssessment, handlingCode, handlingConditions, classification, sourceIds] = x;
  return { id, role, validFrom, validTo, recordedAt, weight, sourceEvaluation, intelligenceAssessment, handlingCode, handlingConditions, classification, sourceIds, type, source, target } as ILink;
}

/** The view's whole graph (the gateway's scope), streamed row by row. */
export async function readView(gw: Gateway, linkTypes: readonly string[] = READ_LINK_TYPES): Promise<ViewRead> {
  const nodes: INode[] = [];
  const links: ILink[] = [];
  await gw.readEach('scores/graph', { linkTypes: [...linkTypes] }, (r: Row) => {
    const node = toNode(r.node as unknown[]);
    nodes.push(node);
    for (const l of r.out as unknown[][]) links.push(toLink(l, node.id));
  });
  return { nodes, links };
}

/** Links recorded after the asOf day are not yet known (as indicators' read filters them). */
const knownBy = (asOf: string) => {
  const end = Date.parse(`${asOf}T23:59:59.999Z`);
  return (l: ILink) => !l.recordedAt || Date.parse(l.recordedAt) <= end;
};

const INDICATOR_TYPES = new Set<string>(INDICATOR_LINK_TYPES);

/** The indicator rules' graph, as indicators' `all` reads it: their links known on `asOf`, and the entities at their ends. */
export function indicatorInput(r: ViewRead, asOf: string): ViewRead {
  const known = knownBy(asOf);
  const links = r.links.filter((l) => INDICATOR_TYPES.has(l.type) && known(l));
  const ends = new Set<string>();
  for (const l of links) {
    ends.add(l.source);
    ends.add(l.target);
  }
  return { nodes: r.nodes.filter((n) => ends.has(n.id)), links };
}

const PROJECTION = new Set<string>(PROJECTION_LINK_TYPES);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The suspected networks' input, as analytics/links (PROJECTION_LINK_TYPES, not dated) and
 * analytics/nodes-by-id read it: the links ordered by id, the entities at their ends ordered by id.
 */
export function networksInput(r: ViewRead): { nodes: (ANode & { potentialVictim?: boolean | null })[]; links: ALink[] } {
  const links: ALink[] = [];
  const ends = new Set<string>();
  for (const l of r.links) {
    if (!PROJECTION.has(l.type)) continue;
    links.push({ id: l.id, type: l.type, source: l.source, target: l.target, role: l.role ?? null, validFrom: l.validFrom ?? null, validTo: l.validTo ?? null, weight: l.weight ?? null, sourceEvaluation: l.sourceEvaluation ?? null, intelligenceAssessment: l.intelligenceAssessment ?? null });
    ends.add(l.source);
    ends.add(l.target);
  }
  links.sort(byId);
  const nodes = r.nodes
    .filter((n) => ends.has(n.id))
    .map((n) => ({ id: n.id, type: n.type, label: n.label, kind: n.kind ?? null, potentialVictim: n.potentialVictim ?? null, postedOn: n.postedOn ?? null }) as ANode & { potentialVictim?: boolean | null })
    .sort(byId);
  return { nodes, links };
}
