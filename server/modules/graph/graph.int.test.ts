import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.ts';
import { GRAPH_TEXT, writeScenario } from '../../testing/scenarios/graph.ts';

const GRAPH = `nodes { id type label degree supernode hops suspect grading { code low } } edges { id type source target role validFrom validTo grading { code low } } truncated truncation paths { nodeIds edgeIds length }`;
const NEIGHBOURHOOD = `query ($ids: [ID!]!, $hops: Int, $limit: Int, $filter: LinkFilter, $supernodeThreshold: Int) {
  neighbourhood(ids: $ids, hops: $hops, limit: $limit, filter: $filter, supernodeThreshold: $supernodeThreshold) { ${GRAPH} }
}`;

interface G {
  nodes: { id: string; type: string; label: string; degree: number; supernode: boolean; hops: number | null }[];
  edges: { id: string; type: string; source: string; target: string; role: string | null; validFrom: string | null; grading: { code: string; low: boolean } }[];
  truncated: boolean;
  truncation: string | null;
  paths: { nodeIds: string[]; edgeIds: string[]; length: number }[];
}

describe('graph queries', () => {
  let server: TestServer;
  let s: Awaited<ReturnType<typeof writeScenario>>;
  const query = async <K extends string>(q: string, vars: Record<string, unknown>, key: K) => {
    const res = await server.graphql<Record<K, G>>(q, vars);
    expect(res.errors).toBeUndefined();
    return res.data![key];
  };
  const nb = (vars: Record<string, unknown>) => query(NEIGHBOURHOOD, vars, 'neighbourhood');
  const ids = (g: G) => g.nodes.map((n) => n.id).sort();
  const errorOf = async (q: string, vars: Record<string, unknown>) => (await server.graphql(q, vars)).errors?.[0]?.extensions;

  beforeAll(async () => {
    server = await startTestServer();
    s = await writeScenario(server.gateway, 'grph', GRAPH_TEXT);
  });
  afterAll(async () => {
    await s.fixture.remove(server.gateway);
    await server.close();
  });

  describe('neighbourhood', () => {
    it('expands a person one hop to her workplaces, phone and family, with the links among them', async () => {
      const g = await nb({ ids: [s.ids.ana] });
      expect(ids(g)).toEqual([s.ids.ana, s.ids.lotus, s.ids.orchid, s.ids.phone, s.ids.mei].sort());
      expect(g.truncated).toBe(false);
      const edgeIds = g.edges.map((e) => e.id);
      expect(edgeIds).toEqual(expect.arrayContaining([s.links.anaLotus, s.links.anaOrchid, s.links.anaPhone, s.links.meiAna, s.links.lotusPhone]));
      expect(g.edges.find((e) => e.id === s.links.meiAna)).toMatchObject({ type: 'ASSOCIATE_OF', source: s.ids.mei, target: s.ids.ana, role: 'FAMILY' });
      expect(g.edges.find((e) => e.id === s.links.anaLotus)?.validFrom).toBe('2024-01-01');
      expect(g.nodes.find((n) => n.id === s.ids.ana)?.hops).toBe(0);
      for (const e of g.edges) expect(ids(g)).toEqual(expect.arrayContaining([e.source, e.target]));
    });

    it('goes two hops, and marks a supernode with its degree instead of expanding it', async () => {
      const g = await nb({ ids: [s.ids.ana], hops: 3, supernodeThreshold: 5 });
      expect(ids(g)).toEqual(expect.arrayContaining([s.ids.viktor, s.ids.company, s.ids.hub, s.ids.car]));
      const hub = g.nodes.find((n) => n.id === s.ids.hub)!;
      expect(hub).toMatchObject({ supernode: true, degree: 9, hops: 2 });
      expect(ids(g).filter((id) => s.ids.workers.includes(id))).toEqual([]);
      expect(g.truncated).toBe(true);
      expect(g.truncation).toContain(s.ids.hub);
      const open = await nb({ ids: [s.ids.ana], hops: 3, supernodeThreshold: 50 });
      expect(ids(open)).toEqual(expect.arrayContaining(s.ids.workers));
      expect(open.truncated).toBe(false);
    });

    it('cuts at the node limit and says so', async () => {
      const g = await nb({ ids: [s.ids.ana], hops: 2, limit: 3 });
      expect(g.nodes).toHaveLength(3);
      expect(g.truncated).toBe(true);
      expect(g.truncation).toMatch(/limit of 3/);
    });

    it('filters by link type, entity type, date window, grade and as-known-on date', async () => {
      expect(ids(await nb({ ids: [s.ids.ana], filter: { linkTypes: ['WORKS_AT'] } }))).toEqual([s.ids.ana, s.ids.lotus, s.ids.orchid].sort());
      expect(ids(await nb({ ids: [s.ids.ana], filter: { entityTypes: ['PREMISES'] } }))).toEqual([s.ids.ana, s.ids.lotus, s.ids.orchid].sort());
      const window = ids(await nb({ ids: [s.ids.ana], filter: { linkTypes: ['WORKS_AT'], from: '2024-05-01' } }));
      expect(window).toEqual([s.ids.ana, s.ids.orchid].sort());
      const early = ids(await nb({ ids: [s.ids.ana], filter: { linkTypes: ['WORKS_AT'], to: '2024-02-01' } }));
      expect(early).toEqual([s.ids.ana, s.ids.lotus].sort());
      const graded = await nb({ ids: [s.ids.phone], filter: { minGrade: { sourceEvaluation: 'UNTESTED' } } });
      expect(ids(graded)).not.toContain(s.ids.viktor);
      expect(ids(await nb({ ids: [s.ids.phone] }))).toContain(s.ids.viktor);
      const known = await nb({ ids: [s.ids.ana], filter: { asKnownOn: '2024-05-01' } });
      expect(ids(known)).toContain(s.ids.lotus);
      expect(ids(known)).not.toContain(s.ids.orchid);
    });

    it('refuses hops over 3, a limit over 5000 and unknown ids', async () => {
      expect(await errorOf(NEIGHBOURHOOD, { ids: [s.ids.ana], hops: 4 })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'hops' });
      expect(await errorOf(NEIGHBOURHOOD, { ids: [s.ids.ana], limit: 5001 })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'limit' });
      expect(await errorOf(NEIGHBOURHOOD, { ids: [] })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
      expect(await errorOf(NEIGHBOURHOOD, { ids: [s.ids.ana], filter: { from: 'yesterday' } })).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await errorOf(NEIGHBOURHOOD, { ids: ['person-grph-nobody'] })).toMatchObject({ code: 'NOT_FOUND', id: 'person-grph-nobody' });
    });
  });

  describe('paths and networks', () => {
    const PATHS = `query ($from: ID!, $to: ID!, $maxLength: Int, $filter: LinkFilter) { paths(from: $from, to: $to, maxLength: $maxLength, filter: $filter) { ${GRAPH} } }`;
    it('finds all shortest paths between two entities', async () => {
      const g = await query(PATHS, { from: s.ids.ana, to: s.ids.viktor }, 'paths');
      expect(g.paths).toEqual([{ nodeIds: [s.ids.ana, s.ids.phone, s.ids.viktor], edgeIds: [s.links.anaPhone, s.links.viktorPhone], length: 2 }]);
      expect(ids(g)).toEqual([s.ids.ana, s.ids.phone, s.ids.viktor].sort());
      const viaCompany = await query(PATHS, { from: s.ids.ana, to: s.ids.viktor, filter: { linkTypes: ['WORKS_AT', 'OPERATES', 'DIRECTOR_OF'] } }, 'paths');
      expect(viaCompany.paths[0]?.nodeIds).toEqual([s.ids.ana, s.ids.lotus, s.ids.company, s.ids.viktor]);
      const tooShort = await query(PATHS, { from: s.ids.ana, to: s.ids.car, maxLength: 2 }, 'paths');
      expect(tooShort.paths).toEqual([]);
    });

    it('refuses maxLength over 8 and unknown ends', async () => {
      expect(await errorOf(PATHS, { from: s.ids.ana, to: s.ids.viktor, maxLength: 9 })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxLength' });
      expect(await errorOf(PATHS, { from: s.ids.ana, to: 'phone-grph-none' })).toMatchObject({ code: 'NOT_FOUND', argument: 'to' });
      expect(await errorOf(PATHS, { from: 'phone-grph-none', to: s.ids.ana })).toMatchObject({ code: 'NOT_FOUND', argument: 'from' });
      expect(await errorOf(PATHS, { from: s.ids.ana, to: s.ids.ana })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    });

    it('builds the connecting network of a set of entities', async () => {
      const q = `query ($ids: [ID!]!) { connectingNetwork(ids: $ids) { ${GRAPH} } }`;
      const g = await query(q, { ids: [s.ids.mei, s.ids.viktor, s.ids.car] }, 'connectingNetwork');
      expect(ids(g)).toEqual(expect.arrayContaining([s.ids.mei, s.ids.ana, s.ids.phone, s.ids.viktor, s.ids.car]));
      expect(g.paths.length).toBeGreaterThanOrEqual(3);
    });

    it('returns a subgraph: the entities and the links among them, as known on a date', async () => {
      const q = `query ($ids: [ID!]!, $filter: LinkFilter) { subgraph(ids: $ids, filter: $filter) { ${GRAPH} } }`;
      const g = await query(q, { ids: [s.ids.ana, s.ids.lotus, s.ids.orchid, s.ids.phone] }, 'subgraph');
      expect(g.edges.map((e) => e.id).sort()).toEqual([s.links.anaLotus, s.links.anaOrchid, s.links.anaPhone, s.links.lotusPhone].sort());
      const then = await query(q, { ids: [s.ids.ana, s.ids.lotus, s.ids.orchid], filter: { asKnownOn: '2024-05-01' } }, 'subgraph');
      expect(then.edges.map((e) => e.id)).toEqual([s.links.anaLotus]);
      expect(then.nodes).toHaveLength(3);
      expect(await errorOf(q, { ids: [s.ids.ana, 'premises-grph-none'] })).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('reads the links between added entities and a chart in one request: each once, within the filter, passing over ids that name nothing', async () => {
      const q = `query ($ids: [ID!]!, $among: [ID!], $filter: LinkFilter) { linksAmong(ids: $ids, among: $among, filter: $filter) { id type source target } }`;
      const among = async (vars: Record<string, unknown>) => {
        const res = await server.graphql<{ linksAmong: { id: string }[] }>(q, vars);
        expect(res.errors).toBeUndefined();
        return res.data!.linksAmong.map((l) => l.id).sort();
      };
      // Ana added to a chart holding her workplaces and phone, and the phone's link to the parlour.
      const chart = [s.ids.ana, s.ids.lotus, s.ids.orchid, s.ids.phone];
      expect(await among({ ids: [s.ids.ana], among: chart })).toEqual([s.links.anaLotus, s.links.anaOrchid, s.links.anaPhone].sort());
      // Without `among`: every link among the ids, each once, as the subgraph has them.
      expect(await among({ ids: chart })).toEqual([s.links.anaLotus, s.links.anaOrchid, s.links.anaPhone, s.links.lotusPhone].sort());
      // As known on a date: what was recorded later is left out, as the subgraph leaves it out.
      expect(await among({ ids: [s.ids.ana, s.ids.lotus, s.ids.orchid], filter: { asKnownOn: '2024-05-01' } })).toEqual([s.links.anaLotus]);
      // A chart may outlive what it shows: an unknown id is passed over, not refused.
      expect(await among({ ids: [s.ids.ana, 'person-grph-gone'], among: [...chart, 'premises-grph-gone'] })).toEqual([s.links.anaLotus, s.links.anaOrchid, s.links.anaPhone].sort());
      expect(await errorOf(q, { ids: [] })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
    });

    it('finds common neighbours', async () => {
      const q = `query ($ids: [ID!]!, $minShared: Int) { commonNeighbours(ids: $ids, minShared: $minShared) { sharedWith node { id } links { id } } }`;
      const res = await server.graphql<{ commonNeighbours: { sharedWith: string[]; node: { id: string }; links: { id: string }[] }[] }>(q, { ids: [s.ids.ana, s.ids.viktor] });
      expect(res.data?.commonNeighbours).toEqual([{ node: { id: s.ids.phone }, sharedWith: expect.arrayContaining([s.ids.ana, s.ids.viktor]), links: expect.arrayContaining([{ id: s.links.anaPhone }]) }]);
      const some = await server.graphql<{ commonNeighbours: { node: { id: string } }[] }>(q, { ids: [s.ids.ana, s.ids.viktor, s.ids.mei], minShared: 2 });
      expect(some.data?.commonNeighbours.map((c) => c.node.id)).toContain(s.ids.phone);
      expect((await server.graphql(q, { ids: [s.ids.ana] })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
    });

    it('lays out a timeline of dated links in date order', async () => {
      const q = `query ($ids: [ID!]!, $from: Date, $to: Date, $asKnownOn: Date) { timeline(ids: $ids, from: $from, to: $to, asKnownOn: $asKnownOn) { id date endDate kind description entityIds linkId } }`;
      type T = { timeline: { id: string; date: string; endDate: string | null; kind: string; description: string; entityIds: string[]; linkId: string | null }[] };
      const res = await server.graphql<T>(q, { ids: [s.ids.ana, s.ids.mei] });
      const t = res.data!.timeline;
      expect(t.map((e) => e.linkId)).toEqual([s.links.meiHub, s.links.anaLotus, s.links.anaOrchid]);
      expect(t[1]).toMatchObject({ date: '2024-01-01', endDate: '2024-03-31', kind: 'WORKS_AT', description: `${GRAPH_TEXT.givenName} ${GRAPH_TEXT.familyName} works at ${GRAPH_TEXT.brand} Spa, ${GRAPH_TEXT.postcode}` });
      const window = await server.graphql<T>(q, { ids: [s.ids.ana], from: '2024-05-01' });
      expect(window.data!.timeline.map((e) => e.linkId)).toEqual([s.links.anaOrchid]);
      const known = await server.graphql<T>(q, { ids: [s.ids.ana], asKnownOn: '2024-05-01' });
      expect(known.data!.timeline.map((e) => e.linkId)).toEqual([s.links.anaLotus]);
    });
  });
});
