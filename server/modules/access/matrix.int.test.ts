/**
 * The role x read-path matrix, on the demo: every read field of the schema (found by
 * introspection: a new Query field fails this suite until it is exercised here or listed with a
 * reason), the chart document and the chart list, exports, snapshots and briefing files, asked by
 * anonymous, viewer, partner, analyst, need-to-know analyst and admin. What it asserts:
 * - a partner never receives the id or the identifying text of a record partners may not see
 *   (an entity or link whose handling code is not P or classification not OFFICIAL);
 * - no caller without an unmask receives a potential victim's name or full date of birth,
 *   including from a chart an unmasked analyst saved with the old workspace (labels and all).
 * The ground truth is read from the store (testing/matrix-truth). Each probe is also asked by an
 * analyst and an unmasked analyst, to show that it reaches the hidden records and the victims it
 * is meant to (a probe that cannot reach them proves nothing).
 *
 * The ground truth and the fixture are the demo's records (testing/matrix-truth with the demo's
 * ids), which no suite writes to, so the suite runs beside the others in any order
 * (docs/decisions/0003). It writes only its own charts (deleted afterwards), two snapshots
 * (immutable, titled "Matrix ...") and API tokens, which no other suite looks at.
 */
import { strFromU8, unzipSync } from 'fflate';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEIGHBOURHOOD, SUBGRAPH } from '../../kernel/documents.ts';
import { addGraph, EMPTY_DOC, toSaved } from '../../../client/src/state/chartDoc.ts';
import type { Graph } from '../../../client/src/model/types.ts';
import { up as migrateChartViews } from '../../../cypher/schema/041_chart_views.ts';
import type { Role } from '../../graphql/context.ts';
import { startTestServer, testGateway, type GraphQLResponse, type TestClient, type TestServer } from '../../testing/harness.ts';
import { named, printType, selection, type IntroField, type IntroType } from '../../testing/introspection.ts';
import { runOffline } from '../../testing/statements.ts';
import { demoEntityIds } from '../../testing/test-data.ts';

type Json = Record<string, unknown>;
type Vars = Record<string, unknown>;

/** Who asks. `partner`: judged by the partner rule; `masked`: judged by the victim rule. */
interface Caller {
  name: string;
  role: Role | null;
  needToKnow: boolean;
  partner: boolean;
  client: TestClient;
}

const ENTITY_TEXT_SKIP = new Set([
  'id', 'type', 'searchText', 'sourceIds', 'sourceEvaluation', 'intelligenceAssessment', 'handlingCode', 'handlingConditions',
  'classification', 'recordedAt', 'updatedAt', 'retired', 'retiredAt', 'retiredReason', 'synthetic', 'degree', 'postcodeCompact',
  'kind', 'category', 'status', 'outcome', 'lineType', 'gender', 'nationalities', 'shareable', 'victim', 'potentialVictim',
  'suspect', 'safeguarded', 'riskScore', 'agencies', 'site', 'town', 'legislation', 'colour', 'make', 'model', 'kindOther',
  // The stored chart card's kind: a copy of the kind, category or line type code above.
  'cardKind',
]);
const DATE = /^\d{4}-\d{2}-\d{2}([T ].*)?$/;

/** The identifying strings of an entity: names, numbers, addresses, ... (not dates, codes or enums). */
function identifying(e: Json, o: { dates: boolean }): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(e)) {
    if (ENTITY_TEXT_SKIP.has(k)) continue;
    for (const s of Array.isArray(v) ? v : [v]) {
      if (typeof s !== 'string' || s.trim().length < 6) continue;
      if (DATE.test(s) && !(o.dates && k === 'dateOfBirth')) continue;
      out.push(s.trim());
    }
  }
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Everything a response carries, as text: JSON, with exported files decoded (the CSV zip unpacked). */
function textOf(body: unknown): string {
  const parts = [JSON.stringify(body)];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Json;
    if (o.encoding === 'BASE64' && typeof o.content === 'string') {
      const files = unzipSync(Buffer.from(o.content, 'base64'));
      for (const bytes of Object.values(files)) parts.push(strFromU8(bytes));
    } else if (typeof o.content === 'string') parts.push(o.content);
    Object.values(o).forEach(walk);
  };
  walk(body);
  // JSON escapes and markup entities undone, so that a name written as "O&apos;Brien" is still found.
  return decodeEntities(parts.join('\n').replace(/\\u([0-9a-f]{4})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\"/g, '"'));
}

// --- The probes ----------------------------------------------------------------------------------

/** Query fields not exercised here, with the reason. */
const NOT_EXERCISED: Record<string, string> = {
  importPreview: 'previews the file the caller uploads with it (analysts and admins); it reads nothing stored',
  entityTypes: 'the model: each type with its properties and their allowed values (such as UNLICENSED), the same for every caller; no record',
  chartVersions: "a chart's saved versions, behind the same chart rule as `chart` (chartRight in access.ts): cases.int.test.ts refuses non-members and outsiders",
  cases: 'cases the caller is a member of (caseDecision in access.ts): cases.int.test.ts checks non-members, partners and handling codes',
  case: 'one case, refused to non-members (caseDecision in access.ts): cases.int.test.ts',
  alerts: "alerts read with @visible and their evidence re-read in the caller's scope: alerts.int.test.ts checks a partner sees only shareable alerts",
  watches: "the caller's own watches: alerts.int.test.ts",
};

interface Fixture {
  a: string; v: string; h: string; hLabel: string; y: string;
  victim: { id: string; fullName: string; dateOfBirth: string };
  victimPlaces: string[];
  hiddenLink: string;
  operationId: string | null;
  chart: { shared: string; sharedId: string; unshared: string; legacy: string };
  snapshots: { masked: string; unmasked: string };
}

/** Argument sets per Query field: each aimed at the hidden records and the victims it could show. */
function probes(f: Fixture): Record<string, Vars[]> {
  const near = [f.a, f.v, f.h, f.y, f.victim.id, ...f.victimPlaces];
  const formats = ['GRAPHML', 'GEXF', 'ANX', 'CSV', 'FTM'];
  return {
    about: [{}],
    entity: [{ id: f.h }, { id: f.victim.id }, { id: f.a }],
    entities: [{ ids: near }],
    link: [{ id: f.hiddenLink }],
    linkTypes: [{}],
    analysisStatus: [{}],
    search: [{ text: f.hLabel, first: 50 }, { text: f.victim.fullName, first: 50 }],
    neighbourhood: [{ ids: [f.a], hops: 1, limit: 500 }, { ids: [f.victim.id, ...f.victimPlaces], hops: 2, limit: 500 }],
    paths: [{ from: f.a, to: f.y, maxLength: 2, limit: 100 }],
    connectingNetwork: [{ ids: [f.a, f.y], maxLength: 2 }],
    subgraph: [{ ids: [f.a, f.v, f.y] }, { ids: near }],
    linksAmong: [{ ids: [f.a], among: near }, { ids: near }],
    commonNeighbours: [{ ids: [f.a, f.y], minShared: 1, limit: 200 }, { ids: f.victimPlaces.length > 1 ? f.victimPlaces : [f.victimPlaces[0]!, f.a], minShared: 1, limit: 200 }],
    timeline: [{ ids: [f.a, f.h], limit: 2000 }, { ids: [f.victim.id, ...f.victimPlaces], limit: 2000 }],
    charts: [{}],
    chart: [{ name: f.chart.shared }, { id: f.chart.sharedId }, { name: f.chart.unshared }, { name: f.chart.legacy }],
    me: [{}],
    users: [{}],
    apiTokens: [{}],
    auditLog: [{ first: 100 }],
    reviewQueue: [{ first: 50 }],
    matchDecision: [{ id: 'match-none' }],
    resolvedClusters: [{ first: 100 }],
    resolvedCluster: [{ id: f.victim.id }, { id: f.h }],
    importJob: [{ id: 'import-none' }],
    importJobs: [{}],
    networkAnalytics: [{ ids: near }],
    suspectedNetworks: [{ first: 500 }],
    riskProfile: [{ personId: f.victim.id }, { personId: f.h }],
    riskProfiles: [{ first: 100 }],
    riskRules: [{}],
    indicators: [{}],
    indicatorHits: [{ entityId: f.victim.id }, ...f.victimPlaces.map((id) => ({ entityId: id })), { entityId: f.h }],
    flagged: [{ first: 100 }],
    operations: [{}],
    stays: [{ ids: [f.victim.id, ...f.victimPlaces] }, { ids: near }],
    circuits: [{ ids: [f.victim.id, ...f.victimPlaces] }, { ids: near }],
    operationDashboard: f.operationId ? [{ operationId: f.operationId }] : [{ operationId: 'operation-none' }],
    snapshots: [{ first: 100 }],
    snapshot: [{ id: f.snapshots.masked }, { id: f.snapshots.unmasked }],
    snapshotDiff: [{ from: f.snapshots.masked, to: f.snapshots.unmasked }],
    exportSelection: formats.flatMap((format) => [
      { format, selection: { chart: f.chart.shared } },
      { format, selection: { ids: [f.a, f.victim.id], hops: 1 } },
    ]),
  };
}

/** Fields whose probes reach a hidden record (an analyst's answer holds its id): the partner check means something there. */
const REACHES_HIDDEN = ['entity', 'entities', 'link', 'search', 'neighbourhood', 'paths', 'connectingNetwork', 'subgraph', 'linksAmong', 'commonNeighbours', 'timeline', 'chart', 'networkAnalytics', 'exportSelection'];
/** Fields whose probes reach a victim's identity for an unmasked analyst: the masking check means something there. */
const REACHES_VICTIM = ['entity', 'entities', 'search', 'neighbourhood', 'subgraph', 'chart'];

describe('the role x read-path matrix', () => {
  // Whole-graph probes (flagged, indicator hits) on a machine shared with other work: a first run
  // of a statement may take longer than the usual 15 s.
  const gateway = testGateway({ queryTimeoutMs: 60_000 });
  let server: TestServer;
  let types: Map<string, IntroType>;
  let queryFields: IntroField[];
  let f: Fixture;
  let callers: Caller[];
  let unmasked: TestClient;
  let analyst: TestClient;
  const hiddenIds = new Set<string>();
  const hiddenTexts = new Set<string>();
  const victimTexts = new Set<string>();
  const chartIds: string[] = [];
  const anonymous: TestClient = {
    authorization: '',
    async graphql(query, variables) {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return { status: res.status, ...((await res.json()) as Json) } as GraphQLResponse<never>;
    },
  };

  beforeAll(async () => {
    // Probes ask every field four levels down: far past the limits a caller gets (server/graphql/limits.ts),
    // which are not what this suite tests.
    server = await startTestServer({ gateway, limits: { maxCost: 10_000_000, maxDepth: 20, ratePerMinute: 100_000, maxTokens: 200_000, maxAliases: 10_000, maxValidationMs: 30_000, maxFieldsPerSelection: 10_000 } });

    // Ground truth from the store.
    const [truth] = await runOffline(gateway, 'testing/matrix-truth', { demo: demoEntityIds() });
    const entities = truth!.entities as Json[];
    const visibleTexts = new Set(entities.filter((e) => e.shareable).flatMap((e) => identifying(e, { dates: false })));
    const otherTexts = new Set(entities.filter((e) => !e.victim).flatMap((e) => identifying(e, { dates: true })));
    for (const e of entities) {
      if (!e.shareable) {
        hiddenIds.add(String(e.id));
        for (const s of identifying(e, { dates: false })) if (!visibleTexts.has(s) && ![...visibleTexts].some((t) => t.includes(s))) hiddenTexts.add(s);
      }
      if (e.victim) for (const s of identifying(e, { dates: true })) if (!otherTexts.has(s)) victimTexts.add(s);
    }
    for (const id of truth!.hiddenLinks as string[]) hiddenIds.add(id);

    const [a] = await runOffline(gateway, 'testing/access-fixture', { demo: demoEntityIds() });
    const [victim] = await runOffline(gateway, 'testing/victim-fixture', { shareable: false, demo: demoEntityIds() });
    analyst = server;
    unmasked = await server.as('analyst', { needToKnow: true, unmask: 'Matrix test: the saver of charts' });

    // Where the victim works or stays, and a hidden link, as an unmasked analyst sees them.
    const around = await unmasked.graphql<{ neighbourhood: Graph; link: Graph }>(String(NEIGHBOURHOOD), { ids: [victim!.id, a!.a], hops: 1, limit: 500 });
    expect(around.errors).toBeUndefined();
    const g = around.data!.neighbourhood;
    const victimPlaces = g.nodes.filter((n) => n.type === 'PREMISES' && g.edges.some((e) => (e.source === victim!.id && e.target === n.id) || (e.target === victim!.id && e.source === n.id))).map((n) => n.id).slice(0, 2);
    const hiddenLink = g.edges.find((e) => e.source === a!.h || e.target === a!.h)!.id;
    const operation = entities.find((e) => e.type === 'OPERATION' && e.shareable);

    // Charts saved by the unmasked analyst as the old workspace saved them: every label and subtitle in them.
    const sub = await unmasked.graphql<{ subgraph: Graph }>(String(SUBGRAPH), { ids: [...new Set([...g.nodes.map((n) => n.id), a!.h, a!.y])] });
    expect(sub.errors).toBeUndefined();
    const document = toSaved(addGraph(EMPTY_DOC, sub.data!.subgraph), null);
    expect(JSON.stringify(document)).toContain(String(victim!.fullName));
    const stamp = `${process.pid}-${Date.now()}`;
    const chart = { shared: `Matrix shared ${stamp}`, sharedId: '', unshared: `Matrix not shared ${stamp}`, legacy: `Matrix stored before views ${stamp}` };
    const save = 'mutation($name: String!, $document: JSON!, $shared: Boolean) { saveChart(name: $name, document: $document, sharedWithPartners: $shared) { id } }';
    for (const [name, shared] of [[chart.shared, true], [chart.unshared, false]] as const) {
      const r = await unmasked.graphql<{ saveChart: { id: string } }>(save, { name, document, shared });
      expect(r.errors).toBeUndefined();
      chartIds.push(r.data!.saveChart.id);
    }
    chart.sharedId = chartIds[0]!;
    // A chart stored before charts were views: the document with its labels, straight into the store.
    const legacyId = `chart-matrix-legacy-${stamp}`;
    await gateway.write('chart/save', { id: legacyId, name: chart.legacy, document: JSON.stringify(document), nodeIds: document.elements.nodes.map((n) => n.id), edgeIds: document.elements.edges.map((e) => e.id), sharedWithPartners: true });
    chartIds.push(legacyId);

    // Snapshots of the shared chart: one masked (by an analyst), one unmasked (with a reason).
    const create = 'mutation($input: CreateSnapshotInput!) { createSnapshot(input: $input) { id } }';
    const m = await analyst.graphql<{ createSnapshot: { id: string } }>(create, { input: { title: `Matrix masked ${stamp}`, purpose: 'matrix test', selection: { chart: chart.shared } } });
    const u = await unmasked.graphql<{ createSnapshot: { id: string } }>(create, { input: { title: `Matrix unmasked ${stamp}`, purpose: 'matrix test', selection: { chart: chart.shared }, unmaskReason: 'Matrix test: NRM follow-up' } });
    expect(m.errors).toBeUndefined();
    expect(u.errors).toBeUndefined();

    f = {
      a: String(a!.a), v: String(a!.v), h: String(a!.h), hLabel: String(a!.hLabel), y: String(a!.y),
      victim: { id: String(victim!.id), fullName: String(victim!.fullName), dateOfBirth: String(victim!.dateOfBirth) },
      victimPlaces, hiddenLink, operationId: operation ? String(operation.id) : null, chart,
      snapshots: { masked: m.data!.createSnapshot.id, unmasked: u.data!.createSnapshot.id },
    };

    const intro = await server.graphql<{ __schema: { queryType: { name: string }; types: IntroType[] } }>(getIntrospectionQuery());
    expect(intro.errors).toBeUndefined();
    types = new Map(intro.data!.__schema.types.map((t) => [t.name, t]));
    queryFields = types.get(intro.data!.__schema.queryType.name)!.fields!;
    // Risk factor and indicator names are Lantern's published rules, the same words as some records'
    // labels; the model's allowed values (entityTypes: UNLICENSED, ...) are named in typed exports.
    let vocabulary = '';
    for (const name of ['riskRules', 'indicators', 'entityTypes']) vocabulary += textOf((await server.graphql(probeQuery(queryFields.find((q) => q.name === name)!, {}))).data);
    for (const s of [...hiddenTexts]) if (vocabulary.includes(s)) hiddenTexts.delete(s);

    const as = async (role: Role, needToKnow = false): Promise<TestClient> => server.as(role, { needToKnow });
    callers = [
      { name: 'anonymous', role: null, needToKnow: false, partner: false, client: anonymous },
      { name: 'viewer', role: 'viewer', needToKnow: false, partner: false, client: await as('viewer') },
      { name: 'partner', role: 'partner', needToKnow: false, partner: true, client: await as('partner') },
      { name: 'analyst', role: 'analyst', needToKnow: false, partner: false, client: analyst },
      { name: 'need-to-know analyst', role: 'analyst', needToKnow: true, partner: false, client: await as('analyst', true) },
      { name: 'admin', role: 'admin', needToKnow: true, partner: false, client: await as('admin', true) },
    ];
  });

  afterAll(async () => {
    for (const id of chartIds) await gateway.write('chart/delete', { id });
    await server?.close();
    await gateway.close();
  });

  function probeQuery(field: IntroField, vars: Vars): string {
    const args = field.args.filter((a) => a.name in vars);
    const defs = args.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ');
    const call = args.length > 0 ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    return `query Probe${defs ? `(${defs})` : ''} { ${field.name}${call} ${selection(types, named(field.type), 4)} }`;
  }

  /**
   * What in a response a caller should not have received. `unmasked`: the caller may see victims'
   * identities here (they unmasked, or they may unmask and read a snapshot made unmasked with a
   * recorded reason, which records the read as an unmask).
   */
  function leaks(c: { partner: boolean; unmasked?: boolean; ids?: boolean }, text: string, o: { asked?: Vars; data?: string } = {}): string[] {
    const found: string[] = [];
    // An id the caller sent may come back in an error naming it as not found (as an id that does
    // not exist would): it is judged only in the data of the answer.
    const asked = new Set(JSON.stringify(o.asked ?? {}).match(/[\w-]+/g) ?? []);
    if (c.partner) {
      if (c.ids !== false) {
        for (const id of hiddenIds) {
          const where = asked.has(id) ? (o.data ?? text) : text;
          if (where.includes(id) && new RegExp(`(?<![\\w-])${escapeRe(id)}(?![\\w-])`).test(where)) found.push(`hidden id ${id}`);
        }
      }
      for (const s of hiddenTexts) if (text.includes(s)) found.push(`hidden text ${JSON.stringify(s)}`);
    }
    if (!c.unmasked) for (const s of victimTexts) if (text.includes(s)) found.push(`victim's ${DATE.test(s) ? 'date of birth' : 'name'} ${JSON.stringify(s)}`);
    return found;
  }

  /** A caller who may unmask (admin or analyst with need-to-know) reading the snapshot made unmasked. */
  const readsUnmaskedSnapshot = (c: Caller, vars: Vars) =>
    c.needToKnow && (c.role === 'admin' || c.role === 'analyst') && Object.values(vars).includes(f.snapshots.unmasked);

  it('knows the hidden records and the victims of the demo', () => {
    expect(hiddenIds.size).toBeGreaterThan(10);
    expect(hiddenTexts.size).toBeGreaterThan(10);
    expect(victimTexts).toContain(f.victim.fullName);
    expect(victimTexts).toContain(f.victim.dateOfBirth);
    expect(hiddenIds).toContain(f.h);
    expect(f.victimPlaces.length).toBeGreaterThan(0);
  });

  it('exercises every read field of the schema, or says why not', () => {
    const p = probes(f);
    const names = queryFields.map((q) => q.name);
    expect(names.filter((n) => !(n in p) && !(n in NOT_EXERCISED)), 'Query fields neither probed nor listed in NOT_EXERCISED').toEqual([]);
    expect([...Object.keys(p), ...Object.keys(NOT_EXERCISED)].filter((n) => !names.includes(n)), 'probes of fields the schema no longer has').toEqual([]);
    console.info(`[matrix] ${names.length - Object.keys(NOT_EXERCISED).length} of ${names.length} Query fields, ${Object.values(p).flat().length} probes, ${callers.length} callers`);
  });

  it('checks what it should: the checks find a victim\'s name and a hidden id when they are there', () => {
    expect(leaks({ partner: true }, JSON.stringify({ label: f.victim.fullName, id: f.h }))).toEqual(
      expect.arrayContaining([`hidden id ${f.h}`, `victim's name ${JSON.stringify(f.victim.fullName)}`]),
    );
    expect(leaks({ partner: false }, `born ${f.victim.dateOfBirth}`)).toEqual([`victim's date of birth ${JSON.stringify(f.victim.dateOfBirth)}`]);
    expect(leaks({ partner: true }, `${f.h}0 is another id`)).toEqual([]);
  });

  const FIELD_NAMES = Object.keys(probes({ a: '', v: '', h: '', hLabel: '', y: '', victim: { id: '', fullName: '', dateOfBirth: '' }, victimPlaces: [''], hiddenLink: '', operationId: null, chart: { shared: '', sharedId: '', unshared: '', legacy: '' }, snapshots: { masked: '', unmasked: '' } }));

  for (const fieldName of FIELD_NAMES) {
    it(`${fieldName}: no partner gets a hidden record, no one without an unmask a victim's identity`, async () => {
      const field = queryFields.find((q) => q.name === fieldName)!;
      const found: string[] = [];
      let answered = 0;
      let adminError = '';
      for (const [i, vars] of probes(f)[fieldName]!.entries()) {
        const query = probeQuery(field, vars);
        for (const c of callers) {
          const r = await c.client.graphql(query, vars);
          if (c.role === null) expect(r.status, `anonymous ${fieldName}`).toBe(401);
          if (c.name === 'admin' && !r.errors) answered += 1;
          if (c.name === 'admin' && r.errors) adminError ||= JSON.stringify(r.errors[0]).slice(0, 400);
          for (const l of leaks({ partner: c.partner, unmasked: readsUnmaskedSnapshot(c, vars) }, textOf(r), { asked: vars, data: textOf(r.data ?? null) })) found.push(`${c.name} ${fieldName}#${i}: ${l}`);
        }
      }
      expect(found).toEqual([]);
      // Each field answers someone: the probe is a working query, not one refused for its own mistakes.
      if (fieldName !== 'importJob' && fieldName !== 'matchDecision') expect(answered, `admin answers to ${fieldName}: ${adminError}`).toBeGreaterThan(0);

      // The probes reach what the checks look for.
      const all = await Promise.all(probes(f)[fieldName]!.map(async (vars) => [textOf(await analyst.graphql(probeQuery(field, vars), vars)), textOf(await unmasked.graphql(probeQuery(field, vars), vars))]));
      if (REACHES_HIDDEN.includes(fieldName)) expect(all.some(([t]) => leaks({ partner: true }, t!).some((l) => l.startsWith('hidden'))), `an analyst's ${fieldName} shows a hidden record`).toBe(true);
      if (REACHES_VICTIM.includes(fieldName)) expect(all.some(([, t]) => t!.includes(f.victim.fullName)), `an unmasked analyst's ${fieldName} shows the victim's name`).toBe(true);
    });
  }

  it('lists to a partner only the charts shared with partners, and opens no other, as if it did not exist', async () => {
    const partner = callers.find((c) => c.partner)!.client;
    const list = await partner.graphql<{ charts: { name: string; nodeCount: number; edgeCount: number }[] }>('{ charts { name nodeCount edgeCount } }');
    const names = list.data!.charts.map((c) => c.name);
    expect(names).toContain(f.chart.shared);
    expect(names).not.toContain(f.chart.unshared);
    const none = await partner.graphql('query($n: String) { chart(name: $n) { id } }', { n: f.chart.unshared });
    const missing = await partner.graphql('query($n: String) { chart(name: $n) { id } }', { n: `no such chart ${Date.now()}` });
    expect(none).toEqual(missing);
    const exp = await partner.graphql('query($c: String) { exportSelection(format: GRAPHML, selection: { chart: $c }) { entityCount } }', { c: f.chart.unshared });
    expect(exp.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('counts in the chart list only what each caller may see of a chart', async () => {
    const q = '{ charts { name nodeCount edgeCount } }';
    const of = async (c: TestClient) => (await c.graphql<{ charts: { name: string; nodeCount: number; edgeCount: number }[] }>(q)).data!.charts.find((x) => x.name === f.chart.shared)!;
    const partner = await of(callers.find((c) => c.partner)!.client);
    const full = await of(analyst);
    const opened = await callers.find((c) => c.partner)!.client.graphql<{ chart: { nodeCount: number; edgeCount: number; document: { elements: { nodes: unknown[]; edges: unknown[] } } } }>(
      'query($n: String) { chart(name: $n) { nodeCount edgeCount document } }',
      { n: f.chart.shared },
    );
    expect(partner.nodeCount).toBeLessThan(full.nodeCount);
    expect(partner).toMatchObject({ nodeCount: opened.data!.chart.document.elements.nodes.length, edgeCount: opened.data!.chart.document.elements.edges.length });
  });

  it('opens a chart for the unmasked analyst who saved it with its labels read again', async () => {
    const r = await unmasked.graphql<{ chart: { document: { elements: { nodes: { id: string; label: string; subtitle: string | null }[] } } } }>('query($n: String) { chart(name: $n) { document } }', { n: f.chart.shared });
    const node = r.data!.chart.document.elements.nodes.find((n) => n.id === f.victim.id);
    expect(node).toMatchObject({ label: f.victim.fullName, subtitle: expect.stringContaining(f.victim.dateOfBirth) });
  });

  it('serves briefing files (HTML) to no partner with a hidden record and to no one without an unmask with a victim\'s identity', async () => {
    const found: string[] = [];
    let served = 0;
    for (const id of [f.snapshots.masked, f.snapshots.unmasked]) {
      for (const c of callers) {
        const res = await fetch(`${server.url}/snapshots/${id}/briefing.html`, { headers: c.client.authorization ? { authorization: c.client.authorization } : {} });
        if (res.status === 200) served += 1;
        const text = decodeEntities(await res.text());
        for (const l of leaks({ partner: c.partner, unmasked: readsUnmaskedSnapshot(c, { id }) }, text)) found.push(`${c.name} ${id}: ${l}`);
      }
    }
    expect(found).toEqual([]);
    expect(served).toBeGreaterThan(2);
  });

  it('leaves nothing of a label in a stored chart, and the migration strips charts stored before', async () => {
    const stored = async (name: string) => String((await gateway.read('chart/by-name', { name }))[0]!.document);
    // Ids stay (a chart is ids and layout); no text of any record does.
    for (const name of [f.chart.shared, f.chart.unshared]) expect(leaks({ partner: true, ids: false }, await stored(name))).toEqual([]);
    expect(await stored(f.chart.legacy)).toContain(f.victim.fullName);
    await migrateChartViews(gateway);
    expect(leaks({ partner: true, ids: false }, await stored(f.chart.legacy))).toEqual([]);
    const again = await stored(f.chart.legacy);
    await migrateChartViews(gateway);
    expect(await stored(f.chart.legacy)).toBe(again);
  });
});
