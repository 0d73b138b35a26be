import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.ts';

const SAVE = `mutation($name: String!, $document: JSON!) {
  saveChart(name: $name, document: $document) { id name document nodeCount edgeCount createdAt updatedAt }
}`;

describe('saved charts over GraphQL', () => {
  let server: TestServer;
  const name = `chart-int-${process.pid}-${Date.now()}`;
  const ids: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const id of ids) await server.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id });
    await server.close();
  });

  it('saves a chart, lists it, reopens it by name and by id exactly as saved', async () => {
    const document = { version: 1, elements: { nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ id: 'e' }] }, positions: { a: { x: 1.5, y: -2 } } };
    const saved = await server.graphql<{ saveChart: { id: string; nodeCount: number; edgeCount: number } }>(SAVE, { name, document });
    expect(saved.errors).toBeUndefined();
    const id = saved.data!.saveChart.id;
    ids.push(id);
    expect(saved.data!.saveChart).toMatchObject({ nodeCount: 2, edgeCount: 1 });

    const list = await server.graphql<{ charts: { id: string; name: string }[] }>('{ charts { id name nodeCount } }');
    expect(list.data!.charts.map((c) => c.name)).toContain(name);

    const byName = await server.graphql<{ chart: { id: string; document: unknown } }>('query($n: String) { chart(name: $n) { id document } }', { n: name });
    expect(byName.data!.chart).toEqual({ id, document });
    const byId = await server.graphql<{ chart: { name: string } }>('query($id: ID) { chart(id: $id) { name } }', { id });
    expect(byId.data!.chart.name).toBe(name);
  });

  it('overwrites a chart saved again under the same name, keeping its id', async () => {
    const first = await server.graphql<{ saveChart: { id: string } }>(SAVE, { name: `${name}-2`, document: { elements: { nodes: [] } } });
    const second = await server.graphql<{ saveChart: { id: string; nodeCount: number } }>(SAVE, { name: `${name}-2`, document: { elements: { nodes: [{ id: 'x' }] } } });
    ids.push(first.data!.saveChart.id);
    expect(second.data!.saveChart.id).toBe(first.data!.saveChart.id);
    expect(second.data!.saveChart.nodeCount).toBe(1);
  });

  it('saves a chart of 3 MB over HTTP (a large chart), and refuses larger ones with a message that says what to do', async () => {
    // 6,000 entities of about 500 bytes: the size of a saved chart of a few thousand elements.
    const chartOf = (n: number) => ({ version: 1, elements: { nodes: Array.from({ length: n }, (_, i) => ({ id: `person-${i}`, label: 'x'.repeat(480) })), edges: [] } });
    const big = await server.graphql<{ saveChart: { id: string; nodeCount: number } }>(SAVE, { name: `${name}-big`, document: chartOf(6000) });
    expect(big.status).toBe(200);
    expect(big.errors).toBeUndefined();
    ids.push(big.data!.saveChart.id);
    expect(big.data!.saveChart.nodeCount).toBe(6000);

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
