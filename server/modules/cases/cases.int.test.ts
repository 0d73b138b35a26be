/**
 * Cases and shared charts through the real GraphQL pipeline and Neo4j (decision 0035): who may
 * open a case and what it holds, read-only and editable shares, versions and their restore,
 * notes, and the presence heartbeat; identity-provider (JWT) users as members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testGateway, testIdentityProvider, type TestClient, type TestServer } from '../../testing/harness.ts';
import { runOffline } from '../../testing/statements.ts';
import { demoEntityIds } from '../../testing/test-data.ts';

const CASE_FIELDS = 'id name handlingCode myRight members { name role } charts { id name access nodeCount } notes { text author }';
const CREATE = `mutation($input: NewCaseInput!) { createCase(input: $input) { ${CASE_FIELDS} } }`;
const ADD = `mutation($c: ID!, $m: String!, $r: CaseRole!) { addCaseMember(caseId: $c, member: $m, role: $r) { ${CASE_FIELDS} } }`;
const SAVE = 'mutation($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id version access savedBy nodeCount } }';
const OPEN = 'query($id: ID) { chart(id: $id) { id version access nodeCount document notes { text author } } }';

type Case = { id: string; name: string; myRight: string; members: { name: string; role: string }[]; charts: { id: string; name: string; access: string; nodeCount: number }[]; notes: { text: string; author: string }[] };

describe('cases and shared charts', () => {
  const gateway = testGateway();
  let server: TestServer;
  let lead: TestClient;
  let analyst: TestClient;
  let partner: TestClient;
  let outsider: TestClient;
  const names = new Map<TestClient, string>();
  const stamp = `${process.pid}-${Date.now()}`;
  const chartIds: string[] = [];
  let f: { a: string; v: string; h: string };
  let caseId = '';
  let chartId = '';
  const chartName = `Case chart ${stamp}`;
  const doc = (ids: string[], x = 0) => ({ version: 1, elements: { nodes: ids.map((id) => ({ id })), edges: [] }, positions: Object.fromEntries(ids.map((id, i) => [id, { x: x + i * 10, y: 0 }])) });

  const nameOf = async (c: TestClient) => {
    const r = await c.graphql<{ me: { name: string } }>('{ me { name } }');
    names.set(c, r.data!.me.name);
    return r.data!.me.name;
  };

  beforeAll(async () => {
    server = await startTestServer({ gateway });
    lead = server;
    [analyst, partner, outsider] = await Promise.all([server.as('analyst'), server.as('partner'), server.as('analyst')]);
    for (const c of [lead, analyst, partner, outsider]) await nameOf(c);
    const [fx] = await runOffline(gateway, 'testing/access-fixture', { demo: demoEntityIds() });
    f = { a: String(fx!.a), v: String(fx!.v), h: String(fx!.h) };
    const made = await lead.graphql<{ createCase: Case }>(CREATE, { input: { name: `Op Test ${stamp}`, handlingCode: 'P' } });
    expect(made.errors).toBeUndefined();
    caseId = made.data!.createCase.id;
    const saved = await lead.graphql<{ saveChart: { id: string } }>(SAVE, { name: chartName, document: doc([f.a, f.v, f.h]) });
    expect(saved.errors).toBeUndefined();
    chartId = saved.data!.saveChart.id;
    chartIds.push(chartId);
  });

  afterAll(async () => {
    for (const id of chartIds) await lead.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id });
    await server?.close();
    await gateway.close();
  });

  it('makes the creator the case lead and refuses a non-member with a clear error', async () => {
    const own = await lead.graphql<{ case: Case }>(`query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id: caseId });
    expect(own.data!.case).toMatchObject({ myRight: 'manage', members: [{ name: names.get(lead), role: 'lead' }] });
    const refused = await outsider.graphql(`query($id: ID!) { case(id: $id) { id name } }`, { id: caseId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/not a member of case “Op Test .*”; ask its lead to add you/);
    const list = await outsider.graphql<{ cases: { id: string }[] }>('{ cases { id } }');
    expect(list.data!.cases.map((c) => c.id)).not.toContain(caseId);
    // Nor may a non-member add to it, or put a chart in it.
    const add = await outsider.graphql(ADD, { c: caseId, m: names.get(outsider), r: 'lead' });
    expect(add.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets members in with their case role, no more than their own role allows', async () => {
    expect((await lead.graphql(ADD, { c: caseId, m: names.get(analyst), r: 'analyst' })).errors).toBeUndefined();
    // A partner as lead of the case still only reads: their own role does not write.
    const p = await lead.graphql<{ addCaseMember: Case }>(ADD, { c: caseId, m: names.get(partner), r: 'lead' });
    expect(p.data!.addCaseMember.members.map((m) => m.name).sort()).toEqual([names.get(lead), names.get(analyst), names.get(partner)].sort());
    const seen = async (c: TestClient) => (await c.graphql<{ case: Case }>(`query($id: ID!) { case(id: $id) { myRight } }`, { id: caseId })).data!.case.myRight;
    expect(await seen(analyst)).toBe('edit');
    expect(await seen(partner)).toBe('read');
    const unknown = await lead.graphql(ADD, { c: caseId, m: `nobody-${stamp}`, r: 'viewer' });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining(`nobody-${stamp}`) });
  });

  it('shares a chart with the case read-only: members open it, cannot save over it, and outsiders cannot open it', async () => {
    const attach = await lead.graphql<{ attachChart: Case }>('mutation($c: ID!, $ch: ID!) { attachChart(caseId: $c, chartId: $ch, mode: read) { charts { id access } } }', { c: caseId, ch: chartId });
    expect(attach.errors).toBeUndefined();
    expect(attach.data!.attachChart.charts).toEqual([{ id: chartId, access: 'own' }]);

    const opened = await analyst.graphql<{ chart: { access: string; nodeCount: number } }>(OPEN, { id: chartId });
    expect(opened.data!.chart).toMatchObject({ access: 'read', nodeCount: 3 });
    const save = await analyst.graphql(SAVE, { name: chartName, document: doc([f.a]) });
    expect(save.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(save.errors?.[0]?.message).toContain('shared with you read-only');
    // Nothing was lost or changed by the refusal.
    expect((await lead.graphql<{ chart: { version: number; nodeCount: number } }>(OPEN, { id: chartId })).data!.chart).toMatchObject({ version: 1, nodeCount: 3 });

    // Once shared, a chart is its people's only: another analyst neither opens nor lists it, and cannot take its name.
    expect((await outsider.graphql<{ chart: unknown }>(OPEN, { id: chartId })).data!.chart).toBeNull();
    expect((await outsider.graphql<{ charts: { id: string }[] }>('{ charts { id } }')).data!.charts.map((c) => c.id)).not.toContain(chartId);
    const taken = await outsider.graphql(SAVE, { name: chartName, document: doc([f.a]) });
    expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('shows a partner member the case chart with only what the handling codes let partners see, and no notes', async () => {
    const c = await partner.graphql<{ case: Case }>(`query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id: caseId });
    expect(c.errors).toBeUndefined();
    const chart = c.data!.case.charts.find((x) => x.id === chartId)!;
    // The hidden entity (handling C or OFFICIAL-SENSITIVE) is not counted, nor drawn.
    expect(chart).toMatchObject({ access: 'read', nodeCount: 2 });
    const opened = await partner.graphql<{ chart: { document: { elements: { nodes: { id: string }[] } } } }>(OPEN, { id: chartId });
    expect(opened.data!.chart.document.elements.nodes.map((n) => n.id).sort()).toEqual([f.a, f.v].sort());
    expect(JSON.stringify(opened.data)).not.toContain(f.h);
  });

  it('keeps partners out of a case whose handling code is C, even as members', async () => {
    const made = await lead.graphql<{ createCase: Case }>(CREATE, { input: { name: `Op Closed ${stamp}`, handlingCode: 'C', handlingConditions: 'police only' } });
    const id = made.data!.createCase.id;
    await lead.graphql(ADD, { c: id, m: names.get(partner), r: 'viewer' });
    const r = await partner.graphql('query($id: ID!) { case(id: $id) { id } }', { id });
    expect(r.errors?.[0]?.message).toMatch(/handling code C .*may not be shared with partner agencies/);
    const missing = await lead.graphql(CREATE, { input: { name: `Op No Conditions ${stamp}`, handlingCode: 'C' } });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.handlingConditions' });
  });

  it('lets an editable share save new versions, lists them, and restores one as a new version', async () => {
    const share = await lead.graphql<{ shareChart: { shares: { kind: string; mode: string }[] } }>(
      'mutation($id: ID!, $c: ID!) { shareChart(id: $id, with: { caseId: $c }, mode: edit) { shares { kind mode } } }',
      { id: chartId, c: caseId },
    );
    expect(share.data!.shareChart.shares).toEqual([{ kind: 'case', mode: 'edit' }]);
    const v2 = await analyst.graphql<{ saveChart: { version: number; savedBy: string; access: string; nodeCount: number } }>(SAVE, { name: chartName, document: doc([f.a, f.v], 100) });
    expect(v2.errors).toBeUndefined();
    expect(v2.data!.saveChart).toMatchObject({ version: 2, savedBy: names.get(analyst), access: 'edit', nodeCount: 2 });

    const versions = await analyst.graphql<{ chartVersions: { version: number; savedBy: string; restoredFrom: number | null }[] }>('query($id: ID!) { chartVersions(id: $id) { version savedBy restoredFrom } }', { id: chartId });
    expect(versions.data!.chartVersions).toEqual([
      { version: 2, savedBy: names.get(analyst), restoredFrom: null },
      { version: 1, savedBy: names.get(lead), restoredFrom: null },
    ]);
    // Restoring needs edit; a reader (the partner) is refused.
    const refused = await partner.graphql('mutation($id: ID!) { restoreChartVersion(id: $id, version: 1) { version } }', { id: chartId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const restored = await lead.graphql<{ restoreChartVersion: { version: number; nodeCount: number; document: { positions: Record<string, { x: number }> } } }>(
      'mutation($id: ID!) { restoreChartVersion(id: $id, version: 1) { version nodeCount document } }',
      { id: chartId },
    );
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreChartVersion).toMatchObject({ version: 3, nodeCount: 3 });
    expect(restored.data!.restoreChartVersion.document.positions[f.a]).toEqual({ x: 0, y: 0 });
    const after = await lead.graphql<{ chartVersions: { version: number; restoredFrom: number | null }[] }>('query($id: ID!) { chartVersions(id: $id) { version restoredFrom } }', { id: chartId });
    expect(after.data!.chartVersions.map((v) => [v.version, v.restoredFrom])).toEqual([[3, 1], [2, null], [1, null]]);
    const bad = await lead.graphql('mutation($id: ID!) { restoreChartVersion(id: $id, version: 99) { version } }', { id: chartId });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('no version 99') });
  });

  it('records notes on a chart and a case with their author, for members to read and not for partners', async () => {
    const note = await analyst.graphql<{ annotate: { author: string } }>('mutation($t: ID!, $x: String!) { annotate(targetId: $t, text: $x) { author } }', { t: chartId, x: 'Second phone seen at the parlour' });
    expect(note.errors).toBeUndefined();
    expect(note.data!.annotate.author).toBe(names.get(analyst));
    const seen = await lead.graphql<{ chart: { notes: { text: string; author: string }[] } }>(OPEN, { id: chartId });
    expect(seen.data!.chart.notes).toEqual([{ text: 'Second phone seen at the parlour', author: names.get(analyst) }]);
    expect((await partner.graphql<{ chart: { notes: unknown[] } }>(OPEN, { id: chartId })).data!.chart.notes).toEqual([]);
    // A note on a case needs the right to add to it: the outsider is refused.
    const outsiderNote = await outsider.graphql('mutation($t: ID!) { annotate(targetId: $t, text: "x") { id } }', { t: caseId });
    expect(outsiderNote.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await lead.graphql('mutation($t: ID!) { annotate(targetId: $t, text: "Visit planned for Friday") { id } }', { t: caseId });
    const c = await analyst.graphql<{ case: Case }>(`query($id: ID!) { case(id: $id) { notes { text author } } }`, { id: caseId });
    expect(c.data!.case.notes).toEqual([{ text: 'Visit planned for Friday', author: names.get(lead) }]);
  });

  it('answers the presence heartbeat with who else has the chart open and its latest version, for readers too', async () => {
    const beat = 'mutation($id: ID!) { chartPresence(chartId: $id) { others { name displayName via } version changedBy noteCount } }';
    expect((await partner.graphql(beat, { id: chartId })).errors).toBeUndefined();
    await analyst.graphql(beat, { id: chartId });
    const r = await lead.graphql<{ chartPresence: { others: { name: string; displayName: string; via: string }[]; version: number; changedBy: string; noteCount: number } }>(beat, { id: chartId });
    expect(r.errors).toBeUndefined();
    expect(r.data!.chartPresence.others.map((o) => o.name).sort()).toEqual([names.get(analyst), names.get(partner)].sort());
    // Named as people know them: an API token by its own name (the audit log's token: mark left off), and said to be a token.
    const analystName = names.get(analyst)!;
    expect(analystName.startsWith('token:')).toBe(true);
    expect(r.data!.chartPresence.others.find((o) => o.name === analystName)).toEqual({ name: analystName, displayName: analystName.slice('token:'.length), via: 'token' });
    expect(r.data!.chartPresence).toMatchObject({ version: 3, changedBy: names.get(lead), noteCount: 1 });
    const outsiderBeat = await outsider.graphql(beat, { id: chartId });
    expect(outsiderBeat.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('identity-provider (JWT) users as case members', () => {
  let server: TestServer;
  const stamp = `${process.pid}-${Date.now()}`;
  let sign: (sub: string, name: string, roles: string[]) => Promise<string>;
  const asJwt = (token: string): TestClient => ({
    authorization: `Bearer ${token}`,
    async graphql(query, variables) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) } as never;
    },
  });

  beforeAll(async () => {
    const idp = await testIdentityProvider();
    sign = (sub, name, roles) => idp.sign({ lantern_roles: roles, preferred_username: name }, { subject: sub });
    server = await startTestServer({ auth: idp.auth });
  });
  afterAll(() => server.close());

  it('adds them by the name their token maps to, with the same rules as any member', async () => {
    const dana = asJwt(await sign(`dana-${stamp}`, `Dana ${stamp}`, ['analyst']));
    const eli = asJwt(await sign(`eli-${stamp}`, `Eli ${stamp}`, ['viewer']));
    const made = await server.graphql<{ createCase: Case }>(CREATE, { input: { name: `Op JWT ${stamp}`, handlingCode: 'P' } });
    const id = made.data!.createCase.id;
    // Not yet seen: nothing to add, and the error says why.
    const early = await server.graphql(ADD, { c: id, m: `jwt:Dana ${stamp}`, r: 'analyst' });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('has signed in to Lantern yet') });
    // Before being a member, refused as any non-member is.
    const before = await dana.graphql('query($id: ID!) { case(id: $id) { myRight } }', { id });
    expect(before.errors?.[0]?.message).toMatch(/not a member of case/);
    await eli.graphql('{ me { name } }');

    const added = await server.graphql<{ addCaseMember: Case }>(ADD, { c: id, m: `jwt:Dana ${stamp}`, r: 'analyst' });
    expect(added.errors).toBeUndefined();
    await server.graphql(ADD, { c: id, m: `jwt:Eli ${stamp}`, r: 'lead' });
    const members = (await server.graphql<{ case: Case }>(`query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id })).data!.case.members;
    expect(members).toEqual(expect.arrayContaining([{ name: `jwt:Dana ${stamp}`, role: 'analyst' }, { name: `jwt:Eli ${stamp}`, role: 'lead' }]));
    const right = async (c: TestClient) => (await c.graphql<{ case: { myRight: string } }>('query($id: ID!) { case(id: $id) { myRight } }', { id })).data?.case?.myRight;
    expect(await right(dana)).toBe('edit');
    // A viewer in Lantern only reads, even as the case's lead.
    expect(await right(eli)).toBe('read');
    expect((await dana.graphql<{ cases: { id: string }[] }>('{ cases { id } }')).data!.cases.map((c) => c.id)).toContain(id);

    const removed = await server.graphql('mutation($c: ID!, $m: String!) { removeCaseMember(caseId: $c, member: $m) { id } }', { c: id, m: `jwt:Dana ${stamp}` });
    expect(removed.errors).toBeUndefined();
    expect((await dana.graphql('query($id: ID!) { case(id: $id) { myRight } }', { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('makes an identity-provider user who opens a case its lead', async () => {
    const fay = asJwt(await sign(`fay-${stamp}`, `Fay ${stamp}`, ['analyst']));
    const made = await fay.graphql<{ createCase: Case }>(CREATE, { input: { name: `Op JWT lead ${stamp}`, handlingCode: 'P' } });
    expect(made.errors).toBeUndefined();
    expect(made.data!.createCase).toMatchObject({ myRight: 'manage', members: [{ name: `jwt:Fay ${stamp}`, role: 'lead' }] });
  });
});
