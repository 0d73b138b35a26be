/**
 * The indicator library's logic (pure): each rule, by id, over an in-memory graph of the entities
 * and links that indicators look at (graph.ts); the rules themselves are in logic/.
 */
import { IndicatorGraph, shared, type Hit, type INode, type ILink, type Rule, type Shared } from './graph.ts';
import type { IndicatorRule, Library } from './library.ts';
import { multiPremises, nrmHistory, suspectOrOffence } from './logic/control.ts';
import { advertNumber, sharedPhone } from './logic/phones.ts';
import { livesAtWork, manyWorkers, rotatingWorkers } from './logic/workers.ts';

const round = (x: number) => Math.round(x * 10_000) / 10_000;

const RULES: Record<IndicatorRule['id'], Rule> = {
  'shared-phone': sharedPhone,
  'many-workers': manyWorkers,
  'lives-at-work': livesAtWork,
  'rotating-workers': rotatingWorkers,
  'advert-number': advertNumber,
  'suspect-or-offence': suspectOrOffence,
  'multi-premises-controller': multiPremises,
  'nrm-history': nrmHistory,
};

/**
 * Every hit of the library's rules on the targets (every person and premises when null), as
 * known on asOf (links recorded later were left out by the read).
 */
export function evaluate(lib: Library, nodes: readonly INode[], links: readonly ILink[], targets: readonly string[] | null, asOf: string): Hit[] {
  const ids = targets ?? nodes.filter((n) => n.type === 'PERSON' || n.type === 'PREMISES').map((n) => n.id);
  return evaluateOn(lib, prepareGraph(nodes, links, asOf), ids);
}

/** The graph and the rules' shared indexes, built once for several evaluations (the stored analysis evaluates in batches). */
export interface Prepared {
  g: IndicatorGraph;
  c: Shared;
}

export function prepareGraph(nodes: readonly INode[], links: readonly ILink[], asOf: string): Prepared {
  const g = new IndicatorGraph(nodes, links);
  return { g, c: shared(g, nodes, asOf) };
}

/** Every hit of the library's rules on the given entities of a prepared graph. */
export function evaluateOn(lib: Library, { g, c }: Prepared, ids: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const id of ids) {
    const n = g.node.get(id);
    if (!n) continue;
    for (const rule of lib.indicators) {
      if (!(rule.appliesTo as string[]).includes(n.type)) continue;
      const r = RULES[rule.id](g, rule, id, c);
      if (!r || r.evidence.length === 0) continue;
      const evidenceList = r.evidence.sort((a, b) => b.strength - a.strength || a.summary.localeCompare(b.summary));
      hits.push({
        indicatorId: rule.id,
        indicatorVersion: rule.version,
        title: rule.title,
        entityId: id,
        entityType: n.type,
        label: n.label,
        score: round(rule.weight * evidenceList[0]!.strength),
        summary: r.summary,
        evidence: evidenceList,
        entityIds: [id, ...new Set(evidenceList.flatMap((e) => e.entityIds).filter((x) => x !== id))],
        linkIds: [...new Set(evidenceList.flatMap((e) => e.linkIds))],
      });
    }
  }
  return hits;
}
