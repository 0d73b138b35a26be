/**
 * Briefing snapshots through the API, as callers see them: made from a selection with victims
 * masked, stored with a hash that still verifies, superseded but never edited, compared, scoped
 * for partners, unmasked only with need-to-know and a reason (recorded), and rendered as PDF,
 * HTML and PNG by Chromium. Build first (npm run build): the renders use dist/client/briefing.html.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../db/scope.ts';
import { startTestServer, testGateway, testLog, TEST_AUDIT_KEY, type TestClient, type TestServer, cliEnv } from '../../testing/harness.ts';
import { AuditLog } from '../audit/audit.service.ts';
import * as auditRepo from '../audit/audit.repository.ts';
import { writeExportScenario } from '../../testing/scenarios/export.ts';
import { contentHash, type SnapshotContent } from './snapshot.content.ts';
import type { StoredSnapshot } from './snapshot.service.ts';

const TAG = 'snap';
const FIELDS = `id title version supersedes supersededBy classification handlingCode marking masked unmaskReason nodeCount edgeCount hash verified
  findings { id text elementIds } content files { html pdf png }`;
const CREATE = `mutation($input: CreateSnapshotInput!) { createSnapshot(input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { snapshot(id: $id) { ${FIELDS} } }`;

type Snap = Omit<StoredSnapshot, 'content'> & {
  content: SnapshotContent;
  findings: { id: string; text: string; elementIds: string[] }[];
  files: { html: string; pdf: string; png: string };
};

let server: TestServer;
let s: Awaited<ReturnType<typeof writeExportScenario>>;
const gateway = testGateway({ queryTimeoutMs: 60_000 });
const audit = new AuditLog({ gateway, key: Buffer.from(TEST_AUDIT_KEY), log: testLog, flushMs: 20 });
// Where the test server keeps renders when it is given no data directory.
const renders = path.join(os.tmpdir(), `lantern-${process.pid}`);

async function create(client: TestClient, input: Record<string, unknown>): Promise<Snap> {
  const r = await client.graphql<{ createSnapshot: Snap }>(CREATE, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.createSnapshot;
}

async function file(client: TestClient, url: string): Promise<Response> {
  return fetch(`${server.url}${url}`, { headers: { authorization: client.authorization } });
}

beforeAll(async () => {
  if (!fs.existsSync('dist/client/briefing.html')) throw new Error('Build the client first: npm run build');
  s = await writeExportScenario(gateway, TAG);
  server = await startTestServer({ gateway, audit });
});

afterAll(async () => {
  await server?.close();
  await audit.close();
  await s?.fixture.remove(gateway);
  await gateway.close();
  fs.rmSync(renders, { recursive: true, force: true });
});

describe('making a snapshot', () => {
  let first: Snap;

  beforeAll(async () => {
    first = await create(server, {
      title: 'Snapshot test: Velvet Touch',
      purpose: 'Tasking meeting, case 44/2025',
      selection: { ids: [s.ids.parlour], hops: 1 },
      findings: [{ text: 'Two women work at the parlour the suspect controls.', elementIds: [s.ids.parlour, s.links.victimWorks] }],
    });
  });

  it('stores the elements with positions, grading and provenance, victims under pseudonyms, and a hash that verifies', async () => {
    expect(first).toMatchObject({ version: 1, supersedes: null, masked: true, unmaskReason: null, verified: true });
    const ids = first.content.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([s.ids.parlour, s.ids.victim, s.ids.victim2, s.ids.suspect, s.ids.phone, s.ids.hidden]));
    expect(first.nodeCount).toBe(ids.length);
    for (const n of first.content.nodes) expect(Number.isFinite(n.position.x) && Number.isFinite(n.position.y)).toBe(true);
    const victims = first.content.nodes.filter((n) => n.potentialVictim);
    // The one pseudonym each victim has everywhere (db/scope.ts), the one the workspace shows.
    expect(victims.map((n) => n.label).sort()).toEqual([s.ids.victim, s.ids.victim2].map((id) => pseudonym(server.pseudonymKey, id)).sort());
    const works = first.content.edges.find((e) => e.id === s.links.victimWorks)!;
    expect(works).toMatchObject({ validFrom: '2025-03-01', validTo: '2025-06-30', grading: { code: expect.stringMatching(/^\d-[A-E]-[PC]$/) } });
    expect(works.sources.length).toBeGreaterThan(0);
    expect(works.sources[0]).toMatchObject({ source: `test-${TAG}`, grading: { code: expect.any(String) } });
    const text = JSON.stringify(first);
    for (const name of Object.values(s.names)) expect(text).not.toContain(name);
    // The hash is SHA-256 over the canonical record, recomputed here from what the API returns.
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(first.content)).toBe(first.hash);
    const again = await server.graphql<{ snapshot: Snap }>(GET, { id: first.id });
    expect(again.data?.snapshot).toMatchObject({ hash: first.hash, verified: true });
  });

  it('is marked with the most restrictive classification and handling of what it shows', () => {
    // The scenario has an entity with handling code C and an OFFICIAL-SENSITIVE link beside the parlour.
    expect(first).toMatchObject({ classification: 'OFFICIAL-SENSITIVE', handlingCode: 'C' });
    expect(first.marking).toMatch(/^OFFICIAL-SENSITIVE · Handling code C/);
    expect(first.findings).toEqual([{ id: 'F1', text: 'Two women work at the parlour the suspect controls.', elementIds: [s.ids.parlour, s.links.victimWorks] }]);
  });

  it('refuses bad input, naming it, and stores nothing', async () => {
    const bad = async (input: Record<string, unknown>, argument: RegExp) => {
      const r = await server.graphql(CREATE, { input });
      expect(r.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
      expect(JSON.stringify(r.errors?.[0])).toMatch(argument);
    };
    await bad({ title: ' ', selection: { ids: [s.ids.parlour] } }, /title/);
    await bad({ title: 'Snapshot test x', asKnownOn: '2025-13-01', selection: { ids: [s.ids.parlour] } }, /asKnownOn/);
    await bad({ title: 'Snapshot test x', selection: { ids: [`no-such-${TAG}`] } }, /no-such-snap/);
    await bad({ title: 'Snapshot test x', selection: { ids: [s.ids.parlour] }, findings: [{ text: 'x', elementIds: ['elsewhere-1'] }] }, /findings\[0\]\.elementIds/);
    await bad({ title: 'Snapshot test x' }, /selection/);
    const list = await server.graphql<{ snapshots: { title: string }[] }>('{ snapshots(first: 200, title: "Snapshot test x") { title } }');
    expect(list.data?.snapshots).toEqual([]);
  });

  it('leaves out what was recorded after the "as known on" day', async () => {
    const past = await create(server, { title: 'Snapshot test: as known on', asKnownOn: '2025-06-15', selection: { ids: [s.ids.parlour], hops: 1 } });
    // The victim's WORKS_AT link was recorded on 2025-07-01.
    expect(past.content.edges.map((e) => e.id)).not.toContain(s.links.victimWorks);
    expect(first.content.edges.map((e) => e.id)).toContain(s.links.victimWorks);
    expect(past.content.asKnownOn).toBe('2025-06-15');
  });

  it('is superseded by a new version, compared with it, and has no way to be edited', async () => {
    const second = await create(server, {
      title: 'Snapshot test: Velvet Touch (corrected)',
      selection: { ids: [s.ids.parlour], hops: 2 },
      findings: [{ text: 'Two women work at the parlour; the suspect controls one of them.' }, { text: 'A second finding.' }],
      supersedes: first.id,
    });
    expect(second).toMatchObject({ version: 2, supersedes: first.id });
    const old = await server.graphql<{ snapshot: Snap }>(GET, { id: first.id });
    expect(old.data?.snapshot).toMatchObject({ supersededBy: second.id, hash: first.hash, verified: true, title: first.title });
    // Only the latest version can be superseded.
    const again = await server.graphql(CREATE, { input: { title: 'Snapshot test: fork', selection: { ids: [s.ids.parlour] }, supersedes: first.id } });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const diff = await server.graphql<{ snapshotDiff: Record<string, unknown[]> }>(
      `query($a: ID!, $b: ID!) { snapshotDiff(from: $a, to: $b) { addedNodes removedNodes addedEdges removedEdges changedNodes changedEdges
        addedFindings { id text } removedFindings { id } changedFindings { id before { text } after { text } } } }`,
      { a: first.id, b: second.id },
    );
    expect(diff.errors).toBeUndefined();
    const d = diff.data!.snapshotDiff;
    const added = second.content.nodes.map((n) => n.id).filter((id) => !first.content.nodes.some((n) => n.id === id));
    expect(added.length).toBeGreaterThan(0);
    expect(d.addedNodes).toEqual(added);
    expect(d.removedNodes).toEqual([]);
    expect(d.addedFindings).toEqual([{ id: 'F2', text: 'A second finding.' }]);
    expect(d.changedFindings).toEqual([{ id: 'F1', before: { text: first.findings[0]!.text }, after: { text: 'Two women work at the parlour; the suspect controls one of them.' } }]);
    // The API has one snapshot mutation that makes one, and it makes new ones; the only other
    // names a snapshot to file it in a case (cases module), which leaves its content as it is.
    const schema = await server.graphql<{ __schema: { mutationType: { fields: { name: string; args: { name: string }[] }[] } } }>('{ __schema { mutationType { fields { name args { name } } } } }');
    const touching = schema.data!.__schema.mutationType.fields.filter((f) => /snapshot/i.test(f.name));
    expect(touching.map((f) => f.name).sort()).toEqual(['attachSnapshot', 'createSnapshot']);
    expect(touching.find((f) => f.name === 'attachSnapshot')!.args.map((a) => a.name).sort()).toEqual(['caseId', 'snapshotId']);
  });

  it('serves a PDF whose text holds the title, marking, hash and pseudonyms and not the masked names', async () => {
    const res = await file(server, first.files.pdf);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-pdf-'));
    fs.writeFileSync(path.join(dir, 'b.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Snapshot test: Velvet Touch');
    expect(flat.toUpperCase()).toContain(first.marking.toUpperCase());
    expect(flat).toContain(first.hash);
    expect(flat).toContain(pseudonym(server.pseudonymKey, s.ids.victim));
    expect(flat).toContain(pseudonym(server.pseudonymKey, s.ids.victim2));
    expect(flat).toMatch(/Page 1 of \d+/);
    // Each handling condition is written out in full (the line on every page may only point to them).
    expect(first.content.marking.handlingConditions.length).toBeGreaterThan(0);
    for (const h of first.content.marking.handlingConditions) expect(flat).toContain(h);
    for (const name of Object.values(s.names)) expect(flat).not.toContain(name);
    // Every page carries the marking (header and footer).
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect(p.toUpperCase()).toContain('OFFICIAL-SENSITIVE · HANDLING CODE C');
  });

  it('serves one self-contained HTML file with no script, a strict CSP and hostile text shown as text', async () => {
    const res = await file(server, first.files.html);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/(src|href)="(?!data:)[^"#]/);
    expect(html).toContain('data:image/svg+xml');
    expect(html).toContain(first.hash);
    // The suspect's name has markup in it: escaped, never markup.
    expect(html).toContain('O\'Kestrel &lt;b&gt;&amp;amp;&lt;/b&gt;');
    for (const name of Object.values(s.names)) expect(html).not.toContain(name);
  });

  it('serves the cover as a PNG, and nothing without credentials', async () => {
    const res = await file(server, first.files.png);
    expect(res.status).toBe(200);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width
    expect((await fetch(`${server.url}${first.files.pdf}`)).status).toBe(401);
    expect((await file(server, `/snapshots/${first.id}/other.txt`)).status).toBe(404);
  });
});

/** The HTML file's pictures' own text: the map's SVG (a data: URL) decoded, and the page around it. */
function withPicturesDecoded(html: string): string {
  return html.replace(/data:image\/svg\+xml;charset=utf-8,([^"]+)/g, (_m, body: string) => decodeURIComponent(body.replace(/&amp;/g, '&')));
}

describe('a snapshot with the map and the occupancy', () => {
  let pictured: Snap;

  beforeAll(async () => {
    pictured = await create(server, { title: 'Snapshot test: map and occupancy', selection: { ids: [s.ids.parlour], hops: 1 }, pictures: { map: true, occupancy: true } });
  });

  it('records the places of the premises and what to draw, and the hash covers them', () => {
    expect(pictured.content.pictures).toEqual({ map: true, occupancy: true });
    expect(pictured.content.nodes.find((n) => n.id === s.ids.parlour)?.place).toEqual({ lat: 51.45, lon: -0.97 });
    // People have no place, and a masked victim carries nothing more than before.
    expect(pictured.content.nodes.filter((n) => n.type === 'PERSON').every((n) => n.place === undefined)).toBe(true);
    expect(contentHash(pictured.content)).toBe(pictured.hash);
    // Without pictures asked for, the record is as it always was.
    expect(pictured.content.nodes.length).toBeGreaterThan(0);
  });

  it('draws both pictures with their legends in the HTML, asking for nothing, victims under pseudonyms', async () => {
    const res = await file(server, pictured.files.html);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(?!data:)[^"#]/);
    // The map: an SVG picture with the outline, the parlour's pin, a scale bar and the corners' coordinates; its legend.
    expect(html).toMatch(/data-testid="map-image"[^>]*src="data:image\/svg\+xml|src="data:image\/svg\+xml[^"]*"[^>]*data-testid="map-image"/);
    const decoded = withPicturesDecoded(html);
    expect(decoded).toContain('fill="#f3f1e7"'); // land from the Natural Earth outline
    // A lone premises at 51.45 N, 0.97 W: the view is the least width (0.3°) around it.
    expect(decoded).toMatch(/NW 51\.\d{4}° N, 1\.12\d{2}° W/);
    expect(decoded).toMatch(/SE 51\.\d{4}° N, 0\.82\d{2}° W/);
    expect(decoded).toMatch(/>\d+ k?m</);
    expect(decoded).toContain(`Velvet Touch ${TAG}`);
    expect(decoded).not.toMatch(/href="(?!#|data:)/);
    expect(html).toContain('data-testid="map-legend"');
    expect(html).toMatch(/Scale bar \d+ k?m · 1 entity placed/);
    // The occupancy: one row per person with a dated stay, under the pseudonym, and its key.
    expect(html).toContain('data-testid="occupancy-image"');
    expect(html).toContain('data-testid="occupancy-legend"');
    expect(html).toContain(pseudonym(server.pseudonymKey, s.ids.victim));
    expect(html).toContain(pseudonym(server.pseudonymKey, s.ids.victim2));
    expect(html).toMatch(/Mar 2025|Apr 2025/);
    for (const name of Object.values(s.names)) expect(decoded).not.toContain(name);
  });

  it('draws them in the PDF and the PNG too', async () => {
    const pdf = Buffer.from(await (await file(server, pictured.files.pdf)).arrayBuffer());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-pdf-'));
    fs.writeFileSync(path.join(dir, 'b.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'b.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    fs.rmSync(dir, { recursive: true });
    expect(text).toContain('Map');
    expect(text).toMatch(/Scale bar \d+ k?m/);
    expect(text).toContain('Occupancy: who stayed where, when');
    expect(text).toContain(pseudonym(server.pseudonymKey, s.ids.victim2));
    for (const name of Object.values(s.names)) expect(text).not.toContain(name);
    const png = Buffer.from(await (await file(server, pictured.files.png)).arrayBuffer());
    const plain = await file(server, (await create(server, { title: 'Snapshot test: no pictures', selection: { ids: [s.ids.parlour], hops: 1 } })).files.png);
    const plainPng = Buffer.from(await plain.arrayBuffer());
    // The same cover with the two pictures under the chart is taller.
    expect(png.readUInt32BE(20)).toBeGreaterThan(plainPng.readUInt32BE(20) + 400);
  });
});

describe('who sees which snapshot', () => {
  let sensitive: Snap;
  let shareable: Snap;

  beforeAll(async () => {
    sensitive = await create(server, { title: 'Snapshot test: sensitive', selection: { ids: [s.ids.parlour], hops: 1 } });
    shareable = await create(server, { title: 'Snapshot test: shareable', selection: { ids: [s.ids.suspect, s.ids.car], hops: 0 } });
  });

  it('lets partners see only OFFICIAL, handling P snapshots, through the API and the files', async () => {
    expect(shareable).toMatchObject({ classification: 'OFFICIAL', handlingCode: 'P' });
    const partner = await server.as('partner');
    expect((await partner.graphql<{ snapshot: Snap | null }>(GET, { id: sensitive.id })).data?.snapshot).toBeNull();
    expect((await partner.graphql<{ snapshot: Snap | null }>(GET, { id: shareable.id })).data?.snapshot?.hash).toBe(shareable.hash);
    const list = await partner.graphql<{ snapshots: { id: string }[] }>('{ snapshots(first: 200) { id } }');
    const ids = list.data!.snapshots.map((x) => x.id);
    expect(ids).toContain(shareable.id);
    expect(ids).not.toContain(sensitive.id);
    expect((await file(partner, sensitive.files.pdf)).status).toBe(404);
    // Partners and viewers read; they cannot make snapshots.
    for (const role of ['partner', 'viewer'] as const) {
      const r = await (await server.as(role)).graphql(CREATE, { input: { title: 'Snapshot test: refused', selection: { ids: [s.ids.car], hops: 0 } } });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('unmasks only for need-to-know analysts with a reason, records both, and hides the result from others', async () => {
    const reason = `Safeguarding strategy meeting ${Date.now()}`;
    const plain = await server.graphql(CREATE, { input: { title: 'Snapshot test: unmask refused', selection: { ids: [s.ids.parlour] }, unmaskReason: reason } });
    expect(plain.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const cleared = await server.as('analyst', { needToKnow: true });
    const unmasked = await create(cleared, { title: 'Snapshot test: unmasked', selection: { ids: [s.ids.parlour], hops: 1 }, unmaskReason: reason });
    expect(unmasked).toMatchObject({ masked: false, unmaskReason: reason, verified: true });
    expect(unmasked.content.masking).toMatchObject({ masked: false, reason, unmaskedBy: { role: 'analyst' } });
    expect(JSON.stringify(unmasked.content)).toContain(s.names.victimFamily);
    for (const role of ['viewer', 'partner'] as const) {
      expect((await (await server.as(role)).graphql<{ snapshot: Snap | null }>(GET, { id: unmasked.id })).data?.snapshot).toBeNull();
    }
    expect((await server.graphql<{ snapshot: Snap | null }>(GET, { id: unmasked.id })).data?.snapshot).toBeNull(); // analyst without need-to-know
    await audit.flush();
    const entries = await auditRepo.search(gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 500, actor: null, operation: null, from: null, to: null });
    const mine = entries.filter((e) => e.variables.includes(reason));
    expect(mine.map((e) => e.kind)).toEqual(expect.arrayContaining(['unmask', 'snapshot']));
    expect(mine.find((e) => e.kind === 'snapshot')?.recordIds).toEqual(expect.arrayContaining([s.ids.victim, s.links.victimWorks]));
  });
});

describe('lantern snapshot', () => {
  const env = () => ({
    ...cliEnv(),
    LANTERN_AUDIT_KEY: TEST_AUDIT_KEY,
    LANTERN_DATA_DIR: path.join(renders, 'cli'),
  });
  const lantern = (args: string[]) => spawnSync(process.execPath, ['bin/lantern.js', 'snapshot', ...args], { env: env(), encoding: 'utf8', timeout: 120_000 });

  it('exits 1 with a clear message on bad input', () => {
    const out = path.join(renders, 'x.pdf');
    const cases: [string[], RegExp][] = [
      [['--out', path.join(renders, 'x.docx'), '--ids', s.ids.parlour], /--out must end in \.pdf, \.html or \.png/],
      [['--out', out], /bad SELECTION: .*give either ids/],
      [['--out', out, '--ids', s.ids.parlour, '--chart', 'x'], /not both/],
      [['--out', out, '--ids', s.ids.parlour, '--hops', '9'], /hops.*0 to 3/],
      [['--out', out, '--ids', `nothing-${TAG}`], /No entity with id "nothing-snap"/],
      [['--out', out, '--ids', s.ids.parlour, '--as-known-on', 'yesterday'], /asKnownOn: .*YYYY-MM-DD/],
      [['--out', '/no/such/folder/x.pdf', '--ids', s.ids.parlour], /folder of --out does not exist/],
    ];
    for (const [args, message] of cases) {
      const r = lantern(args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(fs.existsSync(out)).toBe(false);
    // Seven runs of the command, each loading the app and connecting to Neo4j.
  }, 300_000);

  it('makes a snapshot, prints progress, and writes the file', () => {
    fs.mkdirSync(renders, { recursive: true });
    const out = path.join(renders, 'velvet.html');
    const r = lantern(['--out', out, '--ids', s.ids.parlour, '--hops', '1', '--title', 'Snapshot test: from the command line', '--finding', 'Made unattended', '--json']);
    expect(r.stderr).toMatch(/Reading the selection as admin…[\s\S]*Rendering HTML with Chromium…/);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { id: string; hash: string; masked: boolean };
    expect(result).toMatchObject({ id: expect.stringMatching(/^snapshot-/), hash: expect.stringMatching(/^[0-9a-f]{64}$/), masked: true });
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Snapshot test: from the command line');
    expect(html).toContain(result.hash);
    expect(html).toContain('Made unattended');
    for (const name of Object.values(s.names)) expect(html).not.toContain(name);
  }, 180_000);

  it('draws the map and the occupancy with --map --occupancy, in a partner\'s view as in the chart, victims masked', () => {
    fs.mkdirSync(renders, { recursive: true });
    const out = path.join(renders, 'partner.html');
    const r = lantern(['--out', out, '--ids', s.ids.parlour, '--hops', '1', '--role', 'partner', '--map', '--occupancy', '--title', 'Snapshot test: partner pictures', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const raw = fs.readFileSync(out, 'utf8');
    expect(raw).not.toMatch(/(src|href)="(?!data:)[^"]/);
    const html = withPicturesDecoded(raw);
    expect(html).toContain('data-testid="map-legend"');
    expect(html).toContain('data-testid="occupancy-legend"');
    expect(html).toContain(`Velvet Touch ${TAG}`);
    // The victims under the same pseudonyms as on the chart; nothing a partner may not see.
    expect(html).toContain(pseudonym(server.pseudonymKey, s.ids.victim2));
    for (const name of Object.values(s.names)) expect(html).not.toContain(name);
    expect(html).not.toContain(`Shadow Lettings ${TAG}`);
  }, 180_000);
});
