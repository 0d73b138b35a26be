/**
 * What the indicators read, through the caller's scoped gateway (cypher/queries/indicators/):
 * the links of the types they look at, and the entities at their ends. Around one entity the
 * read is a breadth-first expansion of INDICATOR_HOPS links (an advert's phone shared with another
 * premises' advert is four links away); for the flagged list it is the whole visible graph.
 */
import type { Gateway, Tx } from '../../db/gateway.ts';
import type { ILink, INode } from './graph.ts';

export const INDICATOR_LINK_TYPES = [
  'PREMISES_PHONE', 'USES_PHONE', 'ADVERT_LISTS_PHONE', 'ADVERT_LOCATED_AT', 'ADVERT_FEATURES', 'WORKS_AT', 'LIVES_AT', 'OPERATES',
  'DRIVES', 'VEHICLE_SEEN_AT', 'ASSOCIATE_OF', 'INVOLVED_IN', 'OCCURRED_AT', 'VISIT_AT', 'ENCOUNTERED', 'REFERRAL_FOR',
];
export const INDICATOR_HOPS = 4;
/** Past this many entities the expansion around one entity stops (hits then rest on what was read). */
export const AROUND_MAX_NODES = 20_000;

async function nodes(tx: Tx, ids: string[]): Promise<INode[]> {
  if (ids.length === 0) return [];
  return (await tx.run('indicators/nodes-by-id', { ids })).map((r) => r.node as INode);
}

/** Links recorded after the asOf day are not yet known. */
const knownBy = (asOf: string) => {
  const end = Date.parse(`${asOf}T23:59:59.999Z`);
  return (l: ILink) => !l.recordedAt || Date.parse(l.recordedAt) <= end;
};

export async function all(gw: Gateway, asOf: string): Promise<{ nodes: INode[]; links: ILink[] }> {
  return gw.readTx(async (tx) => {
    const links = (await tx.run('indicators/links', { linkTypes: INDICATOR_LINK_TYPES })).map((r) => r.link as ILink).filter(knownBy(asOf));
    return { nodes: await nodes(tx, [...new Set(links.flatMap((l) => [l.source, l.target]))]), links };
  });
}

export async function around(gw: Gateway, id: string, asOf: string): Promise<{ nodes: INode[]; links: ILink[] }> {
  return aroundAll(gw, [id], asOf, AROUND_MAX_NODES);
}

/** What the rules read around several entities at once, up to `maxNodes` entities (the stored analysis: no cap, so exact). */
export async function aroundAll(gw: Gateway, ids: readonly string[], asOf: string, maxNodes = Infinity): Promise<{ nodes: INode[]; links: ILink[] }> {
  return gw.readTx(async (tx) => {
    const seen = new Set(ids);
    const links = new Map<string, ILink>();
    let frontier = [...ids];
    const known = knownBy(asOf);
    for (let hop = 0; hop < INDICATOR_HOPS && frontier.length > 0 && seen.size < maxNodes; hop++) {
      const next: string[] = [];
      for (const r of await tx.run('indicators/links-of', { ids: frontier, linkTypes: INDICATOR_LINK_TYPES })) {
        const l = r.link as ILink;
        if (!known(l)) continue;
        links.set(l.id, l);
        for (const end of [l.source, l.target]) {
          if (!seen.has(end)) {
            seen.add(end);
            next.push(end);
          }
        }
      }
      frontier = next;
    }
    return { nodes: await nodes(tx, [...seen]), links: [...links.values()] };
  });
}

/** For every premises visited and person encountered in an operation, those operations' ids. */
export async function operationsOf(gw: Gateway): Promise<Map<string, string[]>> {
  return new Map((await gw.read('indicators/operations-of')).map((r) => [String(r.id), (r.operationIds as string[]).slice().sort()]));
}
