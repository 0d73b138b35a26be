/**
 * Watchlists and alerts against a real Neo4j, through the real GraphQL pipeline: an advert
 * carrying a watched phone raises an alert after the import that brings it (the engine hears the
 * import's marks), with that advert as evidence; the webhook receives it signed, after a failed
 * first try; dismissing it is audited; re-importing the same file raises nothing new; a partner
 * neither lists nor hears of an alert whose evidence is not shareable (alertRaised over graphql-ws).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  startTestServer,
  testGateway,
  testLog,
  TEST_AUDIT_KEY,
  type TestClient,
  type TestServer,
} from '../../testing/harness.ts';
import { AuditLog } from '../audit/audit.service.ts';
import { removeSource, naturalIds } from '../import/import.repository.ts';
import { AlertHub } from './alerts.hub.ts';
import { startEngine, type Engine } from './alerts.engine.ts';
import { AlertWebhook, verifySignature } from './alerts.webhook.ts';

const SECRET = 'test-webhook-secret-0123456789';
const pid = String(process.pid).padStart(6, '0').slice(-6);
const PHONE = `+4477009${pid.slice(-5)}`;
const OTHER = `+4477008${pid.slice(-5)}`;
const THIRD = `+4477007${pid.slice(-5)}`;
const SOURCE_P = `ITEST_ALERTS_P_${process.pid}`;
const SOURCE_C = `ITEST_ALERTS_C_${process.pid}`;

const mapping = (handling: 'P' | 'C') => `
version: 1
recordKey: [ref]
summary: "Advert {ref}"
grading: { sourceEvaluation: 2, intelligenceAssessment: B, handlingCode: ${handling},${handling === 'C' ? ' handlingConditions: intelligence use only,' : ''} classification: OFFICIAL }
entities:
  advert:
    type: ADVERT
    properties:
      site: site
      title: title
      obscuredNumber: { value: false }
  phone:
    type: PHONE
    properties:
      number: { column: tel, transform: [{ phone: GB }] }
links:
  - { type: ADVERT_LISTS_PHONE, from: advert, to: phone }
`;
const csv = (rows: string[][]) =>
  ['ref,site,title,tel', ...rows.map((r) => r.join(','))].join('\n') + '\n';

interface AlertsAnswer {
  alerts: {
    totalCount: number;
    byCase: { caseId: string | null; count: number; open: number }[];
    edges: {
      node: {
        id: string;
        rule: string;
        status: string;
        caseId: string | null;
        entityIds: string[];
        linkIds: string[];
        sourceIds: string[];
        evidence: { nodes: { id: string; type: string }[]; links: { id: string; type: string }[] };
      };
    }[];
  };
}
const ALERTS = `query Alerts($watchId: ID, $status: [AlertStatus!]) {
  alerts(watchId: $watchId, status: $status) {
    totalCount byCase { caseId count open }
    edges { node { id rule status caseId entityIds linkIds sourceIds evidence { nodes { id type } links { id type } } } }
  }
}`;

describe('watchlists and alerts', () => {
  const gateway = testGateway({ queryTimeoutMs: 60_000 });
  const audit = new AuditLog({
    gateway,
    key: Buffer.from(TEST_AUDIT_KEY),
    log: testLog,
    flushMs: 20,
  });
  const hub = new AlertHub();
  const received: {
    body: string;
    signature: string;
    attempt: string;
    delivery: string;
    ok: boolean;
  }[] = [];
  let receiver: http.Server;
  let webhook: AlertWebhook;
  let server: TestServer;
  let engine: Engine;
  let partner: TestClient;
  let admin: TestClient;

  const importFile = (client: TestClient, source: string, handling: 'P' | 'C', rows: string[][]) =>
    client.graphql<{ importFile: { imported: number } }>(
      'mutation Import($source: String!, $mapping: String!, $content: String!) { importFile(source: $source, mapping: $mapping, fileName: "adverts.csv", content: $content) { imported } }',
      { source, mapping: mapping(handling), content: Buffer.from(csv(rows)).toString('base64') },
    );
  const alertsOf = async (client: TestClient, watchId: string, status?: string[]) =>
    (await client.graphql<AlertsAnswer>(ALERTS, { watchId, status })).data!.alerts;
  /** Waits for the engine, nudged by the import's marks, to have raised what it will (no timer: its own passes, in order). */
  const settled = async () => {
    await new Promise((r) => setTimeout(r, 150));
    await engine.pass();
  };

  beforeAll(async () => {
    let first = true;
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        // The receiver fails the first delivery it ever gets: the webhook must try again.
        const ok = !first;
        first = false;
        received.push({
          body,
          signature: String(req.headers['lantern-signature']),
          attempt: String(req.headers['lantern-attempt']),
          delivery: String(req.headers['lantern-delivery']),
          ok,
        });
        res.statusCode = ok ? 204 : 503;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    webhook = new AlertWebhook({
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      secret: SECRET,
      log: testLog,
      baseDelayMs: 50,
    });
    server = await startTestServer({ gateway, audit, alerts: hub });
    engine = startEngine(gateway, testLog, { intervalMs: 3_600_000, hub, webhook, debounceMs: 50 });
    partner = await server.as('partner');
    admin = await server.as('admin');
  });
  afterAll(async () => {
    await engine?.stop();
    hub.close();
    await server?.close();
    await new Promise<void>((r) => receiver.close(() => r()));
    for (const s of [SOURCE_P, SOURCE_C]) await removeSource(gateway, s);
    await audit.close();
    await gateway.close();
  });

  it('raises one alert, with the new advert as evidence, for an advert carrying a watched phone; re-importing raises nothing new', async () => {
    // A phone already listed by one advert, then watched: what exists already is not news.
    expect(
      (await importFile(server, SOURCE_P, 'P', [['A1', 'adultwork', 'Old advert', PHONE]])).errors,
    ).toBeUndefined();
    await settled();
    const phoneId = (await naturalIds(gateway, [{ type: 'PHONE', value: PHONE }])).get(
      `PHONE ${PHONE}`,
    )!;
    expect(phoneId).toBeTruthy();
    const w = await server.graphql<{
      watch: { id: string; kind: string; baseline: number; caseId: string };
    }>('mutation W($input: WatchInput!) { watch(input: $input) { id kind baseline caseId } }', {
      input: {
        entityId: phoneId,
        caseId: 'CASE-ALERTS-1',
        note: 'controller phone from the visit',
      },
    });
    expect(w.errors).toBeUndefined();
    expect(w.data!.watch).toMatchObject({ kind: 'ENTITY', baseline: 1, caseId: 'CASE-ALERTS-1' });
    const watchId = w.data!.watch.id;
    expect((await alertsOf(server, watchId)).totalCount).toBe(0);

    // A new file: a new advert with the watched phone, and one with another phone.
    const file = [
      ['A2', 'vivastreet', 'New advert', PHONE],
      ['A3', 'vivastreet', 'Unrelated advert', OTHER],
    ];
    expect((await importFile(server, SOURCE_P, 'P', file)).data!.importFile.imported).toBe(2);
    await settled();
    const after = await alertsOf(server, watchId);
    expect(after.totalCount).toBe(1);
    expect(after.byCase).toEqual([{ caseId: 'CASE-ALERTS-1', count: 1, open: 1 }]);
    const alert = after.edges[0]!.node;
    expect(alert).toMatchObject({ rule: 'watched-entity', status: 'NEW', caseId: 'CASE-ALERTS-1' });
    expect(alert.linkIds).toHaveLength(1);
    expect(alert.sourceIds).toHaveLength(1);
    expect(alert.sourceIds[0]).toMatch(/^src-ITEST_ALERTS_P_/);
    const advert = alert.evidence.nodes.find((n) => n.type === 'ADVERT')!;
    expect(alert.evidence.nodes.map((n) => n.id)).toContain(phoneId);
    expect(alert.evidence.links).toEqual([{ id: alert.linkIds[0], type: 'ADVERT_LISTS_PHONE' }]);
    const title = await server.graphql<{
      entity: { properties: { name: string; value: string }[] };
    }>('query E($id: ID!) { entity(id: $id) { properties { name value } } }', { id: advert.id });
    expect(title.data!.entity.properties.find((p) => p.name === 'title')?.value).toBe('New advert');

    // The same file again: every key is seen; nothing new.
    expect((await importFile(server, SOURCE_P, 'P', file)).errors).toBeUndefined();
    await settled();
    expect((await alertsOf(server, watchId)).totalCount).toBe(1);

    // The webhook: the first POST failed (503), the retry carried the same delivery, signed.
    await webhook.idle();
    const mine = received.filter(
      (r) => (JSON.parse(r.body) as { alert: { id: string } }).alert.id === alert.id,
    );
    expect(mine.map((r) => [r.attempt, r.ok])).toEqual([
      ['1', false],
      ['2', true],
    ]);
    expect(new Set(mine.map((r) => r.delivery)).size).toBe(1);
    expect(verifySignature(SECRET, mine[1]!.signature, mine[1]!.body)).toBe(true);
    expect(verifySignature('another-secret-0123456789', mine[1]!.signature, mine[1]!.body)).toBe(
      false,
    );
    expect(
      verifySignature(SECRET, mine[1]!.signature, mine[1]!.body.replace('NEW', 'DISMISSED')),
    ).toBe(false);
    expect(JSON.parse(mine[1]!.body)).toMatchObject({
      event: 'alert.raised',
      alert: { id: alert.id, caseId: 'CASE-ALERTS-1', entityIds: alert.entityIds },
    });

    // Dismissing it is audited, with who, the alert and the reason.
    const d = await server.graphql<{ decideAlert: { status: string } }>(
      'mutation D($id: ID!) { decideAlert(id: $id, decision: DISMISS, reason: "advert already known to the team") { status } }',
      { id: alert.id },
      { 'x-lantern-purpose': 'CASE-ALERTS-1' },
    );
    expect(d.data!.decideAlert.status).toBe('DISMISSED');
    await audit.flush();
    const log = await admin.graphql<{
      auditLog: {
        entries: {
          kind: string;
          operation: string;
          variables: string;
          purpose: string;
          recordIds: string[];
        }[];
      };
    }>(
      'query { auditLog(filter: { operation: "alert dismiss" }, first: 50) { entries { kind operation variables purpose recordIds } } }',
    );
    const entry = log.data!.auditLog.entries.find((e) => e.recordIds[0] === alert.id)!;
    expect(entry).toMatchObject({
      kind: 'alert',
      operation: 'alert dismiss',
      purpose: 'CASE-ALERTS-1',
    });
    expect(JSON.parse(entry.variables)).toMatchObject({
      decision: 'DISMISS',
      statusBefore: 'NEW',
      status: 'DISMISSED',
      reason: 'advert already known to the team',
    });
    expect((await alertsOf(server, watchId, ['NEW'])).totalCount).toBe(0);
    expect((await alertsOf(server, watchId, ['DISMISSED'])).totalCount).toBe(1);
  });

  it('runs a saved pattern with checked parameters, and shows partners only alerts whose evidence they may see, live', async () => {
    const bad = await server.graphql(
      'mutation { watch(input: { pattern: ADVERT_WITH_WATCHED_PHONE, parameters: { phones: ["x"] } }) { id } }',
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/parameters.*phoneIds/);
    const two = await server.graphql(
      'mutation { watch(input: { indicatorId: "shared-phone", pattern: VICTIM_SEEN_AGAIN }) { id } }',
    );
    expect(two.errors?.[0]?.message).toMatch(/exactly one of entityId, indicatorId or pattern/);

    // Restricted (handling code C) and shareable (P) adverts on the same phone, under one pattern watch.
    expect(
      (await importFile(server, SOURCE_P, 'P', [['B0', 'site', 'Seed', THIRD]])).data?.importFile
        .imported,
    ).toBe(1);
    await settled();
    const phoneId = (await naturalIds(gateway, [{ type: 'PHONE', value: THIRD }])).get(
      `PHONE ${THIRD}`,
    )!;
    const w = await server.graphql<{ watch: { id: string; baseline: number } }>(
      'mutation W($input: WatchInput!) { watch(input: $input) { id baseline } }',
      {
        input: {
          pattern: 'ADVERT_WITH_WATCHED_PHONE',
          parameters: { phoneIds: [phoneId] },
          caseId: 'CASE-ALERTS-2',
        },
      },
    );
    expect(w.errors).toBeUndefined();
    const watchId = w.data!.watch.id;
    // B0 exists already.
    expect(w.data!.watch.baseline).toBe(1);

    // The partner subscribes over WebSocket with its bearer token; so does the analyst.
    const heard = { partner: [] as string[], analyst: [] as string[] };
    const clients: Client[] = [];
    const listen = (who: 'partner' | 'analyst', authorization: string) =>
      new Promise<void>((ready) => {
        const c = createClient({
          url: `${server.url.replace('http', 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: { authorization, purpose: 'CASE-ALERTS-2' },
          on: { connected: () => ready() },
          lazy: false,
        });
        clients.push(c);
        c.subscribe<{ alertRaised: { id: string; handlingCode: string } }>(
          {
            query:
              'subscription S($watchId: ID) { alertRaised(watchId: $watchId) { id handlingCode } }',
            variables: { watchId },
          },
          {
            next: (m) =>
              heard[who].push(`${m.data!.alertRaised.id}:${m.data!.alertRaised.handlingCode}`),
            error: () => undefined,
            complete: () => undefined,
          },
        );
      });
    await Promise.all([
      listen('partner', partner.authorization),
      listen('analyst', server.authorization),
    ]);
    // A bad token is refused at connection_init.
    const refused = await new Promise<number>((done) => {
      const c = createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: 'Bearer lantern_nonsense' },
        lazy: false,
        retryAttempts: 0,
        on: { closed: (e) => done((e as { code: number }).code) },
      });
      clients.push(c);
    });
    expect(refused).toBe(4403);
    await new Promise((r) => setTimeout(r, 200));

    // The shareable advert first: a restricted source citing the phone afterwards makes the phone,
    // and so every later alert that shows it, restricted too.
    expect(
      (await importFile(server, SOURCE_P, 'P', [['A4', 'site', 'Shareable advert', THIRD]])).data
        ?.importFile.imported,
    ).toBe(1);
    await settled();
    expect(
      (await importFile(server, SOURCE_C, 'C', [['B1', 'site', 'Restricted advert', THIRD]])).data
        ?.importFile.imported,
    ).toBe(1);
    await settled();
    const all = await alertsOf(server, watchId);
    expect(all.totalCount).toBe(2);
    const partnerSees = await alertsOf(partner, watchId);
    expect(partnerSees.totalCount).toBe(1);
    const shared = partnerSees.edges[0]!.node;
    expect(shared.rule).toBe('pattern:ADVERT_WITH_WATCHED_PHONE');
    // Waits on the subscriptions' own deliveries.
    for (let i = 0; i < 50 && (heard.analyst.length < 2 || heard.partner.length < 1); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(heard.analyst.sort()).toEqual(
      all.edges
        .map((e) => e.node.id)
        .map((id) => `${id}:${id === shared.id ? 'P' : 'C'}`)
        .sort(),
    );
    expect(heard.partner).toEqual([`${shared.id}:P`]);
    // A partner cannot decide on, or even find, the restricted one.
    const restricted = all.edges.find((e) => e.node.id !== shared.id)!.node.id;
    const denied = await server
      .as('viewer')
      .then((v) =>
        v.graphql('mutation D($id: ID!) { decideAlert(id: $id, decision: CONFIRM) { status } }', {
          id: restricted,
        }),
      );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const c of clients) await c.dispose();
  });
});
