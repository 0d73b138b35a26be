/**
 * Network analytics through GraphQL on the demo scenario (loaded by the global setup): the
 * suspected networks are the planted ones, noise premises stay out of them, the evidence is
 * there and masked, and the metrics separate the planted networks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../../seed/demo/index.ts';
import { cypher } from '../../db/cypher.ts';
import { exclusive, startTestServer, type TestServer } from '../../testing/harness.ts';
import { runOffline } from '../../testing/statements.ts';
import { demoEntityIds } from '../../testing/test-data.ts';

interface Net {
  id: string;
  premisesIds: string[];
  score: number;
  ties: { a: string; b: string; score: number }[];
  evidence: { entityId: string; entityType: string; label: string; kind: string; premisesIds: string[]; linkIds: string[]; weight: number }[];
}

const NETWORKS = `query ($minScore: Float, $first: Int, $after: String) { suspectedNetworks(minScore: $minScore, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id premisesIds score ties { a b score } evidence { entityId entityType label kind premisesIds linkIds weight } } }
} }`;
interface NetPage {
  suspectedNetworks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Net }[] };
}
/** Every suspected network, one page of 500. */
const allNets = (r: { data?: NetPage | null }) => r.data!.suspectedNetworks.edges.map((e) => e.node);

describe('suspected networks and network analytics on the demo', () => {
  const { data, truth } = demo();
  const demoPremises = new Set(data.entities.filter((e) => e.type === 'PREMISES').map((e) => e.id));
  const planted = new Set(truth.networks.flatMap((n) => n.premisesIds));
  const demoLinks = new Set(data.links.map((l) => l.id));
  let server: TestServer;
  let found: Net[];

  beforeAll(async () => {
    server = await startTestServer();
    // Not while the scores suite has the demo's networks edited (it puts them back after).
    const r = await exclusive('demo-analysis', () => server.graphql<NetPage>(NETWORKS, { first: 500 }));
    expect(r.errors).toBeUndefined();
    found = allNets(r);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  /** A found network seen through the demo's premises only (other suites may add their own data). */
  const demoPart = (n: Net) => n.premisesIds.filter((p) => demoPremises.has(p)).sort();

  it('finds each planted network whole, as one suspected network', () => {
    for (const net of truth.networks) {
      const match = found.filter((n) => n.premisesIds.some((p) => net.premisesIds.includes(p)));
      expect(match, net.name).toHaveLength(1);
      expect(demoPart(match[0]!), net.name).toEqual([...net.premisesIds].sort());
    }
  });

  it('merges no noise premises (legitimate businesses, homes, the landlord’s or the taxi’s places) into them', () => {
    for (const n of found.filter((x) => x.premisesIds.some((p) => planted.has(p)))) {
      expect(demoPart(n).filter((p) => !planted.has(p))).toEqual([]);
    }
    // And no noise-only network among the demo's premises.
    const noiseOnly = found.filter((n) => demoPart(n).length > 0 && !n.premisesIds.some((p) => planted.has(p)));
    expect(noiseOnly.map(demoPart)).toEqual([]);
  });

  it('gives each network its evidence: shared booking phones, rotating workers and controllers, with the demo links that show them', () => {
    for (const net of truth.networks) {
      const n = found.find((x) => x.premisesIds.some((p) => net.premisesIds.includes(p)))!;
      const ids = n.evidence.map((e) => e.entityId);
      expect(ids.some((id) => net.phoneIds.includes(id)), net.name).toBe(true);
      expect(ids.some((id) => net.controllerIds.includes(id)), net.name).toBe(true);
      expect(ids.filter((id) => net.workerIds.includes(id)).length, net.name).toBeGreaterThan(2);
      expect(n.evidence.find((e) => net.phoneIds.includes(e.entityId))!.kind).toBe('PHONE');
      expect(n.evidence.find((e) => net.controllerIds.includes(e.entityId))!.kind).toBe('CONTROLLER');
      for (const e of n.evidence) {
        expect(e.linkIds.length).toBeGreaterThanOrEqual(2);
        expect(e.linkIds.every((l) => demoLinks.has(l))).toBe(true);
        expect(e.premisesIds.every((p) => n.premisesIds.includes(p))).toBe(true);
      }
      expect(n.score).toBeGreaterThan(0);
      expect(n.ties.length).toBeGreaterThanOrEqual(n.premisesIds.length - 1);
    }
  });

  it('masks potential victims in the evidence for an analyst without need-to-know', () => {
    const victims = new Set(truth.potentialVictims.map((v) => v.personId));
    const shown = found.flatMap((n) => n.evidence).filter((e) => victims.has(e.entityId));
    expect(shown.length).toBeGreaterThan(0);
    for (const e of shown) expect(e.label).toMatch(/^Protected person /);
  });

  it('drops networks below minScore', async () => {
    const weakest = Math.min(...found.map((n) => n.score));
    const r = await server.graphql<NetPage>(NETWORKS, { minScore: weakest + 0.001, first: 500 });
    expect(r.errors).toBeUndefined();
    expect(allNets(r).length).toBe(found.length - found.filter((n) => n.score === weakest).length);
    const bad = await server.graphql(NETWORKS, { minScore: -1 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('analyses for a partner only what partners may see: a hidden entity and its links leave no trace', async () => {
    const f = (await runOffline(server.gateway, 'testing/access-fixture', { demo: demoEntityIds() }))[0] as { a: string; v: string; h: string; y: string };
    expect(f).toBeDefined();
    const q = `query ($ids: [ID!]) { networkAnalytics(ids: $ids) { nodes { id degree } } }`;
    type A = { networkAnalytics: { nodes: { id: string; degree: number }[] } };
    const ids = [f.a, f.v, f.h, f.y];
    const analyst = await server.graphql<A>(q, { ids });
    const partner = await (await server.as('partner')).graphql<A>(q, { ids });
    expect(analyst.errors).toBeUndefined();
    expect(partner.errors).toBeUndefined();
    expect(analyst.data!.networkAnalytics.nodes.map((n) => n.id)).toContain(f.h);
    const seen = partner.data!.networkAnalytics.nodes;
    expect(seen.map((n) => n.id).sort()).toEqual([f.a, f.v, f.y].sort());
    // Y's link to H is gone for the partner.
    const yDegree = (nodes: { id: string; degree: number }[]) => nodes.find((n) => n.id === f.y)!.degree;
    expect(yDegree(seen)).toBeLessThan(yDegree(analyst.data!.networkAnalytics.nodes));
    const nets = await (await server.as('partner')).graphql<NetPage>(NETWORKS, { first: 500 });
    expect(nets.errors).toBeUndefined();
    const shown = new Set(allNets(nets).flatMap((n) => [...n.premisesIds, ...n.evidence.map((e) => e.entityId)]));
    expect(shown.has(f.h)).toBe(false);
  });

  it('reads a selection by index seeks, not by scanning (the whole-graph reads scan by design)', async () => {
    for (const name of ['analytics/nodes-by-id', 'analytics/links-among']) {
      const session = server.gateway.driver.session();
      try {
        // The statement is the named file's own text; only the EXPLAIN prefix is added.
        const r = await session.run('EXPLAIN ' + cypher(name), { ids: ['person-1', 'premises-1'], scope: { shareAll: true, mask: false } });
        const ops = JSON.stringify(r.summary.plan);
        expect(ops, name).toMatch(/NodeIndexSeek|NodeUniqueIndexSeek/);
        expect(ops, name).not.toMatch(/NodeByLabelScan|AllNodesScan/);
      } finally {
        await session.close();
      }
    }
  });

  it('puts two planted networks in different communities, with centrality and brokers, the same way twice', async () => {
    const [n1, n2] = truth.networks as [(typeof truth.networks)[0], (typeof truth.networks)[0]];
    const members = (n: typeof n1) => [...n.premisesIds, ...n.controllerIds, ...n.workerIds, ...n.phoneIds, ...n.driverIds, ...n.vehicleIds];
    const ids = [...members(n1), ...members(n2)];
    const q = `query ($ids: [ID!], $weighted: Boolean) { networkAnalytics(ids: $ids, weighted: $weighted) {
      weighted modularity communities { id size nodeIds }
      nodes { id type label community degree weightedDegree betweenness pageRank communitiesLinked broker }
    } }`;
    type A = { networkAnalytics: { weighted: boolean; modularity: number; communities: { id: number; size: number; nodeIds: string[] }[]; nodes: { id: string; community: number; degree: number; betweenness: number; pageRank: number; broker: boolean }[] } };
    const r = await server.graphql<A>(q, { ids, weighted: true });
    expect(r.errors).toBeUndefined();
    const a = r.data!.networkAnalytics;
    expect(a.weighted).toBe(true);
    expect(a.nodes.map((n) => n.id).sort()).toEqual([...new Set(ids)].sort());
    const community = new Map(a.nodes.map((n) => [n.id, n.community]));
    const mode = (xs: string[]) => {
      const c = new Map<number, number>();
      for (const x of xs) c.set(community.get(x)!, (c.get(community.get(x)!) ?? 0) + 1);
      return [...c.entries()].sort((x, y) => y[1] - x[1])[0]![0];
    };
    // No community holds premises of both networks.
    for (const c of a.communities) {
      const has = (n: typeof n1) => c.nodeIds.some((id) => n.premisesIds.includes(id));
      expect(has(n1) && has(n2), `community ${c.id}`).toBe(false);
    }
    expect(mode(n1.premisesIds)).not.toBe(mode(n2.premisesIds));
    expect(a.nodes.reduce((s, n) => s + n.pageRank, 0)).toBeCloseTo(1, 3);
    expect(a.nodes.some((n) => n.betweenness > 0)).toBe(true);
    const again = await server.graphql<A>(q, { ids, weighted: true });
    expect(again.data).toEqual(r.data);
    const unweighted = await server.graphql<A>(q, { ids, weighted: false });
    expect(unweighted.data!.networkAnalytics.weighted).toBe(false);
  });

  it('leaves chosen types (operations, organisations, visits) out of centrality and brokerage', async () => {
    const n1 = truth.networks[0]!;
    const hood = await server.graphql<{ neighbourhood: { nodes: { id: string; type: string }[] } }>(
      'query ($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 2, limit: 2000) { nodes { id type } } }',
      { ids: n1.premisesIds },
    );
    expect(hood.errors).toBeUndefined();
    const nodes = hood.data!.neighbourhood.nodes;
    const admin = ['OPERATION', 'ORGANISATION', 'VISIT'];
    expect(nodes.filter((n) => n.type === 'OPERATION').length).toBeGreaterThan(0);
    const q = `query ($ids: [ID!], $excludeTypes: [EntityType!]) { networkAnalytics(ids: $ids, excludeTypes: $excludeTypes) {
      nodes { id type betweenness broker }
    } }`;
    type A = { networkAnalytics: { nodes: { id: string; type: string; betweenness: number; broker: boolean }[] } };
    const all = await server.graphql<A>(q, { ids: nodes.map((n) => n.id) });
    const without = await server.graphql<A>(q, { ids: nodes.map((n) => n.id), excludeTypes: admin });
    expect(all.errors).toBeUndefined();
    expect(without.errors).toBeUndefined();
    const byBetweenness = (a: A) => [...a.networkAnalytics.nodes].sort((x, y) => y.betweenness - x.betweenness);
    // With everything in, an administrative hub is among the five most between.
    expect(byBetweenness(all.data!).slice(0, 5).some((n) => admin.includes(n.type))).toBe(true);
    // Left out, they have no metrics, are nobody's broker, and the rest are analysed without them.
    const kept = without.data!.networkAnalytics.nodes;
    expect(kept.map((n) => n.id).sort()).toEqual(nodes.filter((n) => !admin.includes(n.type)).map((n) => n.id).sort());
    expect(byBetweenness(without.data!).slice(0, 5).map((n) => n.type)).not.toContain('OPERATION');
    expect(kept.filter((n) => n.broker).every((n) => !admin.includes(n.type))).toBe(true);
  });
});
