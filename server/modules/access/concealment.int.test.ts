/**
 * Red-team (docs/security.md, "Attacks tried"): a partner who comes by the id of a chart or a case
 * they may not open (an alert carries its watch's caseId; ids are passed on in messages) is told
 * nothing of it, exactly as for an id that names nothing: not its name, not its handling code, not
 * that it exists. Before, chartVersions and chartPresence answered FORBIDDEN "You may not open
 * chart “<name>” ...", and case(id) FORBIDDEN "You are not a member of case “<name>” ...".
 * The team is still told why it is refused (cases.int.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../../testing/harness.ts';

describe('a partner asking for a chart or case they may not open', () => {
  let server: TestServer;
  let partner: TestClient;
  const stamp = `${process.pid}-${Date.now()}`;
  const chartName = `Concealed chart Nightjar ${stamp}`;
  const caseName = `Concealed case Kestrel ${stamp}`;
  let chartId = '';
  let caseId = '';

  beforeAll(async () => {
    server = await startTestServer();
    partner = await server.as('partner');
    const saved = await server.graphql<{ saveChart: { id: string } }>('mutation($n: String!, $d: JSON!) { saveChart(name: $n, document: $d) { id } }', { n: chartName, d: { version: 1, elements: { nodes: [], edges: [] } } });
    expect(saved.errors).toBeUndefined();
    chartId = saved.data!.saveChart.id;
    const made = await server.graphql<{ createCase: { id: string } }>('mutation($i: NewCaseInput!) { createCase(input: $i) { id } }', { i: { name: caseName, handlingCode: 'C', handlingConditions: 'Not for partner agencies' } });
    expect(made.errors).toBeUndefined();
    caseId = made.data!.createCase.id;
  });

  afterAll(async () => {
    if (chartId) await server.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id: chartId });
    await server?.close();
  });

  /** The answer with the id asked for replaced, so that the answers for two ids compare. */
  const shape = (r: unknown, id: string) => JSON.stringify(r).split(id).join('<id>');

  it('answers chartVersions and chartPresence for a chart not shared with partners as for no chart at all', async () => {
    const none = `chart-none-${stamp}`;
    for (const q of ['query($id: ID!) { chartVersions(id: $id) { version } }', 'mutation($id: ID!) { chartPresence(chartId: $id) { version } }']) {
      const hidden = await partner.graphql(q, { id: chartId });
      const missing = await partner.graphql(q, { id: none });
      expect(JSON.stringify(hidden)).not.toContain('Nightjar');
      expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(shape(hidden, chartId)).toBe(shape(missing, none));
    }
    // The analyst who saved it still opens it.
    expect((await server.graphql('query($id: ID!) { chartVersions(id: $id) { version } }', { id: chartId })).errors).toBeUndefined();
  });

  it('answers case(id) for a case they may not open as for no case at all', async () => {
    const hidden = await partner.graphql('query($id: ID!) { case(id: $id) { id name } }', { id: caseId });
    const missing = await partner.graphql('query($id: ID!) { case(id: $id) { id name } }', { id: `case-none-${stamp}` });
    expect(JSON.stringify(hidden)).not.toContain('Kestrel');
    expect(hidden).toEqual(missing);
    expect(hidden.data).toEqual({ case: null });
  });
});
