/**
 * Whole-graph network analytics inside Neo4j with Graph Data Science (GDS 2.13 Community, which
 * the local Neo4j fetches and loads unless LANTERN_GDS=off; docs/decisions/0008-graph-data-science.md, 0043).
 * The caller's visible graph is projected into GDS's in-memory catalog under a name of its own
 * (analytics/gds-project carries the scope predicate on every entity and link), the algorithms
 * write their results into that projection (never into the store), one statement streams them
 * back per entity, and the projection is dropped, all in one read transaction through the
 * caller's scoped gateway. Weighted as metrics.ts weighs: a link counts by its grading.
 */
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { Gateway, Tx } from '../../db/gateway.ts';
import {
  gradeWeight,
  INTELLIGENCE_ASSESSMENTS,
  SOURCE_EVALUATIONS,
  type EntityType,
} from '../../model/model.ts';
import type { RawNodeMetrics } from './metrics.ts';

/** One entity's metrics as GDS computed them (community labels arbitrary, PageRank not normalised). */
export type GdsNodeRow = RawNodeMetrics;

export interface GdsOptions {
  weighted: boolean;
  /** 'exact', a number of sampled source nodes, or false to skip betweenness; or that, given the number of entities. */
  betweenness: Betweenness | ((entities: number) => Betweenness);
  /** Count the communities each entity's neighbours belong to (for brokers). */
  neighbours: boolean;
  /** Refuse (before running anything) a projection of more entities than this. */
  maxNodes?: number;
  /** Threads for PageRank, degree and betweenness (Louvain runs on one: see analyse). */
  concurrency?: number;
  /** Called after each stage with its wall time, for benchmarks. */
  onStage?: (stage: string, ms: number) => void;
}

export type Betweenness = 'exact' | number | false;

export interface GdsResult {
  nodes: GdsNodeRow[];
  links: number;
  modularity: number;
  communityCount: number;
}

export class TooManyEntities extends Error {
  constructor(readonly count: number) {
    super(`${count} entities`);
  }
}

const available = new WeakMap<Driver, Promise<boolean>>();

/** Whether the Neo4j behind this gateway has GDS (asked once per driver). */
export function gdsAvailable(gw: Gateway): Promise<boolean> {
  let p = available.get(gw.driver);
  if (!p) {
    p = gw.read('gds/available').then(
      (rows) => rows[0]?.available === true,
      () => false,
    );
    available.set(gw.driver, p);
  }
  return p;
}

/** gradeWeight factorised: a source evaluation's factor (at assessment A) and an assessment's (at source 1). */
export function gradeWeightTables(): {
  sourceWeights: Record<string, number>;
  assessmentWeights: Record<string, number>;
} {
  return {
    sourceWeights: Object.fromEntries(
      SOURCE_EVALUATIONS.map((s) => [
        String(s),
        gradeWeight({ sourceEvaluation: s, intelligenceAssessment: 'A' }),
      ]),
    ),
    assessmentWeights: Object.fromEntries(
      INTELLIGENCE_ASSESSMENTS.map((i) => [
        i,
        gradeWeight({ sourceEvaluation: 1, intelligenceAssessment: i }),
      ]),
    ),
  };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

/**
 * Runs the GDS analytics in one read transaction through the (scoped) gateway, see the module
 * comment. The projection is dropped afterwards in a transaction of its own, so that it goes even
 * when the analysis failed (a failed transaction runs nothing more).
 */
export async function gdsMetrics(gw: Gateway, o: GdsOptions): Promise<GdsResult> {
  const graphName = `lantern-analytics-${randomUUID()}`;
  try {
    return await gw.readTx(async (tx) => {
      // The driver retries transient failures with the same work: start from no projection.
      await tx.run('gds/drop', { graphName });
      return analyse(tx, graphName, o);
    });
  } finally {
    await gw.read('gds/drop', { graphName }).catch(() => undefined);
  }
}

async function analyse(tx: Tx, graphName: string, o: GdsOptions): Promise<GdsResult> {
  const concurrency = o.concurrency ?? 2;
  const timed = async <T>(stage: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const v = await f();
    o.onStage?.(stage, performance.now() - t);
    return v;
  };
  const weight = o.weighted ? { relationshipWeightProperty: 'weight' } : {};
  const [projected] = await timed('project', () =>
    tx.run('analytics/gds-project', { graphName, weighted: o.weighted, ...gradeWeightTables() }),
  );
  const nodeCount = num(projected?.nodes);
  if (o.maxNodes !== undefined && nodeCount > o.maxNodes) throw new TooManyEntities(nodeCount);
  // Louvain always weighs (unweighted, a pair's weight is its number of links), as metrics.ts does.
  // On one thread: the same graph then gives the same communities, and on 2 shared cores it was
  // also faster (4.2 s against 5.3 to 12.9 s on two at 100k people, docs/analytics.md).
  const [lv] = await timed('louvain', () =>
    tx.run('gds/louvain', {
      graphName,
      config: { mutateProperty: 'community', relationshipWeightProperty: 'weight', concurrency: 1 },
    }),
  );
  // PageRank as graphology computes it: damping 0.85, up to 100 iterations; GDS's tolerance (the
  // largest change of a score that sums to about n) 1e-6 is at least as strict as graphology's
  // (the sum of the changes of scores that sum to 1).
  await timed('pagerank', () =>
    tx.run('gds/pagerank', {
      graphName,
      config: {
        mutateProperty: 'pageRank',
        dampingFactor: 0.85,
        maxIterations: 100,
        tolerance: 1e-6,
        concurrency,
        ...weight,
      },
    }),
  );
  await timed('degree', async () => {
    await tx.run('gds/degree', { graphName, config: { mutateProperty: 'degree', concurrency } });
    await tx.run('gds/degree', {
      graphName,
      config: {
        mutateProperty: 'weightedDegree',
        relationshipWeightProperty: 'weight',
        concurrency,
      },
    });
  });
  const betweenness =
    typeof o.betweenness === 'function' ? o.betweenness(nodeCount) : o.betweenness;
  if (betweenness !== false) {
    const sampling = betweenness === 'exact' ? {} : { samplingSize: betweenness, samplingSeed: 7 };
    await timed('betweenness', () =>
      tx.run('gds/betweenness', {
        graphName,
        config: {
          mutateProperty: 'betweenness',
          concurrency,
          ...(o.weighted ? { relationshipWeightProperty: 'distance' } : {}),
          ...sampling,
        },
      }),
    );
  }
  const rows = await timed('stream', () =>
    tx.run('analytics/gds-metrics', {
      graphName,
      betweenness: betweenness !== false,
      neighbours: o.neighbours,
    }),
  );
  const nodes = rows.map((r): GdsNodeRow => {
    const n = r.node as { id: string; type: EntityType; label: string };
    return {
      id: n.id,
      type: n.type,
      label: n.label,
      community: num(r.community),
      degree: num(r.degree),
      weightedDegree: num(r.weightedDegree),
      pageRank: num(r.pageRank),
      betweenness: num(r.betweenness),
      communitiesLinked: num(r.communitiesLinked),
    };
  });
  return {
    nodes,
    links: num(projected?.links) / 2,
    modularity: num(lv?.modularity),
    communityCount: num(lv?.communityCount),
  };
}
