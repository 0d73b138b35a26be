import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testGateway, type TestServer } from '../../testing/harness.ts';
import { runOffline } from '../../testing/statements.ts';
import { demoEntityIds } from '../../testing/test-data.ts';

const SAVE = `mutation($name: String!, $document: JSON!) {
  saveChart(name: $name, document: $document) { id name document nodeCount edgeCount createdAt updatedAt }
}`;

describe('saved charts over GraphQL', () => {
  const gateway = testGateway();
  let server: TestServer;
  const name = `chart-int-${process.pid}-${Date.now()}`;
  const ids: string[] = [];
  let f: { a: string; v: string; link: string; label: string };

  beforeAll(async () => {
    server = await startTestServer({ gateway });
    const [fx] = await runOffline(gateway, 'testing/access-fixture', { demo: demoEntityIds() });
    const a = String(fx!.a);
    const v = String(fx!.v);
    const g = await server.graphql<{ subgraph: { nodes: { id: string; label: string }[]; edges: { id: string }[] } }>('query($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id label } edges { id } } }', { ids: [a, v] });
    f = { a, v, link: g.data!.subgraph.edges[0]!.id, label: g.data!.subgraph.nodes.find((n) => n.id === a)!.label };
  });
  afterAll(async () => {
    for (const id of ids) await server.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id });
    await server.close();
    await gateway.close();
  });

  it('saves a chart, lists it, reopens it by name and by id with its entities read again and its layout as saved', async () => {
    const document = {
      version: 1,
      elements: { nodes: [{ id: f.a, label: 'A label the client made up' }, { id: f.v, subtitle: 'born 1990-01-01' }, { id: 'person-not-in-the-store' }], edges: [{ id: f.link, role: 'made up' }] },
      positions: { [f.a]: { x: 1.5, y: -2 }, [f.v]: { x: 3, y: 4 } },
      hidden: [f.link],
      layout: 'grid',
    };
    const saved = await server.graphql<{ saveChart: { id: string; nodeCount: number; edgeCount: number } }>(SAVE, { name, document });
    expect(saved.errors).toBeUndefined();
    const id = saved.data!.saveChart.id;
    ids.push(id);
    // What the saver can see of it: the id not in the store is not counted.
    expect(saved.data!.saveChart).toMatchObject({ nodeCount: 2, edgeCount: 1 });

    const list = await server.graphql<{ charts: { id: string; name: string; nodeCount: number }[] }>('{ charts { id name nodeCount } }');
    expect(list.data!.charts.find((c) => c.name === name)).toMatchObject({ id, nodeCount: 2 });

    type Doc = { elements: { nodes: { id: string; label: string; subtitle: string | null }[]; edges: { id: string; role: string | null }[] }; positions: unknown; hidden: string[]; layout: string };
    const byName = await server.graphql<{ chart: { id: string; document: Doc } }>('query($n: String) { chart(name: $n) { id document } }', { n: name });
    const doc = byName.data!.chart.document;
    expect(byName.data!.chart.id).toBe(id);
    expect(doc.elements.nodes.map((n) => n.id)).toEqual([f.a, f.v]);
    expect(doc.elements.nodes[0]!.label).toBe(f.label);
    expect(JSON.stringify(doc)).not.toMatch(/made up|1990-01-01|person-not-in-the-store/);
    expect(doc).toMatchObject({ positions: document.positions, hidden: [f.link], layout: 'grid' });
    const byId = await server.graphql<{ chart: { name: string } }>('query($id: ID) { chart(id: $id) { name } }', { id });
    expect(byId.data!.chart.name).toBe(name);

    const [row] = await gateway.read('chart/by-id', { id });
    expect(JSON.parse(String(row!.document)).elements).toEqual({ nodes: [{ id: f.a }, { id: f.v }, { id: 'person-not-in-the-store' }], edges: [{ id: f.link }] });
  });

  it('overwrites a chart saved again under the same name, keeping its id and its sharing', async () => {
    const first = await server.graphql<{ saveChart: { id: string; sharedWithPartners: boolean } }>(
      'mutation($name: String!, $document: JSON!) { saveChart(name: $name, document: $document, sharedWithPartners: true) { id sharedWithPartners } }',
      { name: `${name}-2`, document: { elements: { nodes: [] } } },
    );
    const second = await server.graphql<{ saveChart: { id: string; nodeCount: number; sharedWithPartners: boolean } }>(
      'mutation($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id nodeCount sharedWithPartners } }',
      { name: `${name}-2`, document: { elements: { nodes: [{ id: f.a }] } } },
    );
    ids.push(first.data!.saveChart.id);
    expect(first.data!.saveChart.sharedWithPartners).toBe(true);
    expect(second.data!.saveChart).toEqual({ id: first.data!.saveChart.id, nodeCount: 1, sharedWithPartners: true });
  });

  it('saves a chart of 3 MB over HTTP (a large chart), and refuses larger ones with a message that says what to do', async () => {
    // 6,000 entities of about 500 bytes: the size of a saved chart of a few thousand elements.
    const chartOf = (n: number) => ({ version: 1, elements: { nodes: Array.from({ length: n }, (_, i) => ({ id: `person-${i}`, label: 'x'.repeat(480) })), edges: [] } });
    const big = await server.graphql<{ saveChart: { id: string; nodeCount: number } }>(SAVE, { name: `${name}-big`, document: chartOf(6000) });
    expect(big.status).toBe(200);
    expect(big.errors).toBeUndefined();
    ids.push(big.data!.saveChart.id);
    // Its ids are not in the store: it opens empty, as a chart whose entities were all deleted.
    expect(big.data!.saveChart.nodeCount).toBe(0);
    const [row] = await gateway.read('chart/by-id', { id: big.data!.saveChart.id });
    expect(JSON.parse(String(row!.document)).elements.nodes).toHaveLength(6000);

    // Over the document limit (5 MB) but within the request limit: the service's own message.
    const over = await server.graphql(SAVE, { name: `${name}-over`, document: chartOf(10_600) });
    expect(over.errors?.[0]).toMatchObject({ message: expect.stringMatching(/larger than 5 MB; save a smaller chart/), extensions: { code: 'BAD_USER_INPUT' } });
    // Over the request limit: still a GraphQL error the workspace can show, not an HTML page.
    const huge = await server.graphql(SAVE, { name: `${name}-huge`, document: chartOf(12_000) });
    expect(huge.status).toBe(413);
    expect(huge.errors?.[0]).toMatchObject({ message: expect.stringMatching(/larger than 5.25 MB; save a smaller chart/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a blank name with BAD_USER_INPUT and deletes charts', async () => {
    const bad = await server.graphql(SAVE, { name: ' ', document: {} });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const gone = await server.graphql<{ deleteChart: boolean }>('mutation { deleteChart(id: "chart-none") }');
    expect(gone.data!.deleteChart).toBe(false);
  });
});
