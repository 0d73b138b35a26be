/**
 * Exports as callers get them through GraphQL, judged by the tools that read them: xmllint with
 * the GraphML and GEXF schemas, an XML parser for ANX, the FollowTheMoney model for FtM, csv-parse
 * for the CSV zip. Plus what each role may see, masking, unmasking and its audit.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Gateway } from '../../db/gateway.ts';
import { pseudonym } from '../../db/scope.ts';
import { startTestServer, testGateway, testLog, TEST_AUDIT_KEY, type TestClient, type TestServer } from '../../testing/harness.ts';
import { AuditLog } from '../audit/audit.service.ts';
import * as auditRepo from '../audit/audit.repository.ts';
import { HOSTILE, writeExportScenario } from '../../testing/scenarios/export.ts';
import { datasetsDir } from '../../../bench/datasets/location.ts';

const DATASETS = datasetsDir;
const EXPORT = `query Export($format: ExportFormat!, $selection: SelectionInput!, $unmaskReason: String) {
  exportSelection(format: $format, selection: $selection, unmaskReason: $unmaskReason) {
    filename mediaType encoding content entityCount linkCount masked maskedCount truncated truncation
  }
}`;
interface ExportFile { filename: string; mediaType: string; encoding: 'UTF8' | 'BASE64'; content: string; entityCount: number; linkCount: number; masked: boolean; maskedCount: number; truncated: boolean }
const FORMATS = ['GRAPHML', 'GEXF', 'ANX', 'CSV', 'FTM'] as const;

/** The file's text as a reader gets it (the CSV zip's files joined). */
function text(f: ExportFile): string {
  if (f.encoding === 'UTF8') return f.content;
  return Object.values(unzipSync(Buffer.from(f.content, 'base64'))).map((b) => strFromU8(b)).join('\n');
}

function xmllint(schema: string, content: string): { ok: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-export-'));
  const file = path.join(dir, 'export.xml');
  fs.writeFileSync(file, content);
  try {
    const output = execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(DATASETS, schema), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, output };
  } catch (e) {
    return { ok: false, output: String((e as { stderr?: string }).stderr ?? e) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Xml = Record<string, unknown>;
/** A conforming parser (entities decoded once), attributes as `@name`, text as `#text`, values as strings. */
const xml = (text: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: false }).parse(text) as Xml;
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('exports', () => {
  let gateway: Gateway;
  let audit: AuditLog;
  let server: TestServer;
  let s: Awaited<ReturnType<typeof writeExportScenario>>;
  const as: Record<string, TestClient> = {};
  const run = async (client: TestClient, format: string, selection: Record<string, unknown>, unmaskReason?: string) =>
    client.graphql<{ exportSelection: ExportFile }>(EXPORT, { format, selection, ...(unmaskReason ? { unmaskReason } : {}) });
  const file = async (client: TestClient, format: string, selection: Record<string, unknown>) => {
    const r = await run(client, format, selection);
    expect(r.errors).toBeUndefined();
    return r.data!.exportSelection;
  };

  beforeAll(async () => {
    gateway = testGateway({ queryTimeoutMs: 60_000 });
    audit = new AuditLog({ gateway, key: Buffer.from(TEST_AUDIT_KEY), log: testLog, flushMs: 20 });
    server = await startTestServer({ gateway, audit });
    s = await writeExportScenario(gateway, 'exp');
    as.analyst = server;
    as.partner = await server.as('partner');
    as.viewer = await server.as('viewer');
    as.trusted = await server.as('analyst', { needToKnow: true });
  });
  afterAll(async () => {
    await s.fixture.remove(gateway);
    await server.close();
    await audit.close();
    await gateway.close();
  });

  const around = () => ({ ids: [s.ids.parlour, s.ids.suspect], hops: 1 });

  it('writes GraphML that the GraphML schema accepts, with every entity, link and hostile string', async () => {
    const f = await file(as.analyst!, 'GRAPHML', around());
    expect(f).toMatchObject({ mediaType: 'application/graphml+xml', encoding: 'UTF8', masked: true, maskedCount: 2 });
    expect(f.filename).toMatch(/^lantern-premises-exp-parlour-\d{4}-\d{2}-\d{2}\.graphml$/);
    const v = xmllint('graphml-xsd/graphml.xsd', f.content);
    expect(v.output).toBe('');
    expect(v.ok).toBe(true);
    const doc = xml(f.content);
    const graph = (doc.graphml as Xml).graph as Xml;
    expect(list(graph.node)).toHaveLength(f.entityCount);
    expect(list(graph.edge)).toHaveLength(f.linkCount);
    expect(f.entityCount).toBe(11);
    // Markup and entity-like text in names come back exactly as they were stored.
    const data = (n: Xml) => list(n.data as Xml[]).map((d) => d['#text']);
    const suspect = list(graph.node as Xml[]).find((n) => n['@id'] === s.ids.suspect)!;
    expect(data(suspect)).toEqual(expect.arrayContaining([HOSTILE.suspectFamily, `${HOSTILE.suspectGiven} ${HOSTILE.suspectFamily}`]));
    const parlour = list(graph.node as Xml[]).find((n) => n['@id'] === s.ids.parlour)!;
    expect(data(parlour)).toContain(HOSTILE.address);
  });

  it('writes GEXF 1.3 that its schema accepts, with chart positions and type colours', async () => {
    const f = await file(as.analyst!, 'GEXF', around());
    const v = xmllint('gexf-xsd/gexf.xsd', f.content);
    expect(v.output).toBe('');
    expect(v.ok).toBe(true);
    const doc = xml(f.content);
    const nodes = list<Xml>(((doc.gexf as Xml).graph as Xml).nodes as Xml).flatMap((n) => list(n.node as Xml[]));
    expect(nodes).toHaveLength(f.entityCount);
    const parlour = nodes.find((n) => n['@id'] === s.ids.parlour)!;
    expect(parlour.color).toEqual({ '@r': '139', '@g': '94', '@b': '52' });
    expect(Number((parlour.position as Xml)['@x'])).not.toBeNaN();
    expect(list((parlour.attvalues as Xml).attvalue as Xml[]).map((a) => a['@value'])).toContain(HOSTILE.address);
    const edges = list<Xml>(((doc.gexf as Xml).graph as Xml).edges as Xml).flatMap((e) => list(e.edge as Xml[]));
    expect(edges.find((e) => e['@id'] === s.links.victimWorks)).toMatchObject({ '@start': '2025-03-01', '@end': '2025-06-30', '@kind': 'WORKS_AT' });
  });

  it('writes ANX that parses into the right entities and links, with ANB icons, grades, dates and sources', async () => {
    const f = await file(as.analyst!, 'ANX', around());
    const chart = (xml(f.content)).Chart as Xml;
    const items = list((chart.ChartItemCollection as Xml).ChartItem as Xml[]);
    const ends = items.filter((i) => i.End);
    const links = items.filter((i) => i.Link);
    expect(ends).toHaveLength(f.entityCount);
    expect(links).toHaveLength(f.linkCount);
    const entityIds = new Set(ends.map((i) => ((i.End as Xml).Entity as Xml)['@EntityId']));
    expect(entityIds.size).toBe(ends.length);
    for (const l of links) {
      expect(entityIds).toContain((l.Link as Xml)['@End1Id']);
      expect(entityIds).toContain((l.Link as Xml)['@End2Id']);
    }
    const suspectItem = ends.find((i) => ((i.End as Xml).Entity as Xml)['@EntityId'] === s.ids.suspect)!;
    expect(suspectItem['@Label']).toBe(`${HOSTILE.suspectGiven} ${HOSTILE.suspectFamily}`);
    const types = list((chart.EntityTypeCollection as Xml).EntityType as Xml[]);
    expect(types).toEqual(expect.arrayContaining([{ '@Name': 'Person', '@IconFile': 'Person' }, { '@Name': 'Vehicle', '@IconFile': 'Car' }]));
    const controls = links.find((l) => JSON.stringify(l).includes(s.links.controls))!;
    // Graded 2-C-P: GradeOne index 1 (untested), GradeTwo index 2 (C), GradeThree index 0 (P).
    expect(controls).toMatchObject({ '@Label': 'associate of (controls)', '@GradeOneIndex': '1', '@GradeTwoIndex': '2', '@GradeThreeIndex': '0', '@SourceType': 'test-exp' });
    const works = links.find((l) => JSON.stringify(l).includes(s.links.victimWorks))!;
    expect(works).toMatchObject({ '@DateTime': '2025-03-01T00:00:00', '@DateSet': 'true' });
    const lowGrade = links.find((l) => JSON.stringify(l).includes(s.links.suspectPhone))!;
    expect(((lowGrade.Link as Xml).LinkStyle as Xml)['@Strength']).toBe('Unconfirmed');
    expect(list(((chart.GradeTwo as Xml).StringCollection as Xml).String as Xml[])).toHaveLength(5);
  });

  it('writes FollowTheMoney entities that the FtM model accepts: schemata, properties, required ones and references', async () => {
    const model = JSON.parse(fs.readFileSync(path.join(DATASETS, 'ftm/defaultModel.json'), 'utf8')) as {
      schemata: Record<string, { extends?: string[]; abstract?: boolean; required?: string[]; properties?: Record<string, { type?: string; range?: string }> }>;
    };
    const schemaProps = (name: string): Record<string, { type?: string; range?: string }> =>
      Object.assign({}, ...(model.schemata[name]!.extends ?? []).map(schemaProps), model.schemata[name]!.properties ?? {});
    const required = (name: string): string[] => [...(model.schemata[name]!.required ?? []), ...(model.schemata[name]!.extends ?? []).flatMap(required)];
    const isA = (name: string, ancestor: string): boolean => name === ancestor || (model.schemata[name]!.extends ?? []).some((p) => isA(p, ancestor));
    const f = await file(as.analyst!, 'FTM', around());
    const entities = f.content.trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    expect(entities).toHaveLength(f.entityCount + f.linkCount);
    const byId = new Map(entities.map((e) => [e.id, e]));
    for (const e of entities) {
      expect(model.schemata[e.schema], e.schema).toBeDefined();
      expect(model.schemata[e.schema]!.abstract ?? false).toBe(false);
      const props = schemaProps(e.schema);
      for (const [k, values] of Object.entries(e.properties)) {
        expect(props[k], `${e.schema}.${k}`).toBeDefined();
        expect(values.every((v) => typeof v === 'string' && v !== '')).toBe(true);
        if (props[k]!.type === 'entity') for (const ref of values) expect(isA(byId.get(ref)!.schema, props[k]!.range!), `${e.schema}.${k} -> ${ref}`).toBe(true);
        if (props[k]!.type === 'date') for (const d of values) expect(d).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        if (props[k]!.type === 'country') for (const c of values) expect(c).toMatch(/^[a-z]{2}$/);
      }
      for (const r of required(e.schema)) expect(e.properties[r], `${e.schema} needs ${r}`).toBeDefined();
    }
    expect(byId.get(s.links.controls)).toMatchObject({ schema: 'Associate', properties: { person: [s.ids.suspect], associate: [s.ids.victim], relationship: ['controls'] } });
    expect(byId.get(s.links.director)).toMatchObject({ schema: 'Directorship', properties: { director: [s.ids.suspect], organization: [s.ids.company], startDate: ['2019-05-05'] } });
    expect(byId.get(s.links.keeper)?.schema).toBe('Ownership');
    expect(byId.get(s.ids.suspect)?.properties.phone).toEqual([s.e164]);
    // Lantern's GBR as FtM's country code; a masked victim's nationality is withheld with the rest.
    expect(byId.get(s.ids.suspect)?.properties.nationality).toEqual(['gb']);
    expect(byId.get(s.ids.victim)?.properties.nationality).toBeUndefined();
    expect(byId.get(s.ids.company)).toMatchObject({ schema: 'Company', properties: { addressEntity: [s.ids.parlour] } });
    expect(byId.get(s.ids.parlour)).toMatchObject({ schema: 'Address', properties: { postalCode: ['RG1 2AB'], country: ['gb'] } });
    expect(byId.get(s.ids.victim)).toMatchObject({ schema: 'Person', properties: { name: [pseudonym(server.pseudonymKey, s.ids.victim)], birthDate: ['1999'] } });
  });

  it('writes a CSV zip whose files round-trip through csv-parse with hostile strings intact and formulas disarmed', async () => {
    const f = await file(as.analyst!, 'CSV', around());
    expect(f).toMatchObject({ encoding: 'BASE64', mediaType: 'application/zip' });
    const files = unzipSync(Buffer.from(f.content, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'columns.csv', 'entities.csv', 'links.csv', 'sources.csv']);
    const rows = (name: string) => parse(strFromU8(files[name]!), { bom: true, columns: true }) as Record<string, string>[];
    const entities = rows('entities.csv');
    const links = rows('links.csv');
    expect(entities).toHaveLength(f.entityCount);
    expect(links).toHaveLength(f.linkCount);
    const suspect = entities.find((e) => e.lantern_id === s.ids.suspect)!;
    expect(suspect.givenName).toBe(`'${HOSTILE.suspectGiven}`);
    expect(suspect.familyName).toBe(HOSTILE.suspectFamily);
    expect(suspect.label).toBe(`'${HOSTILE.suspectGiven} ${HOSTILE.suspectFamily}`);
    expect(entities.find((e) => e.lantern_id === s.ids.parlour)!.addressLine).toBe(`'${HOSTILE.address}`);
    expect(entities.find((e) => e.lantern_id === s.ids.company)!.label).toBe(`'${HOSTILE.orgName}`);
    expect(entities.find((e) => e.lantern_id === s.ids.parlour)!.longitude).toBe('-0.97');
    // No cell a spreadsheet would evaluate.
    for (const r of [...entities, ...links]) for (const v of Object.values(r)) expect(/^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v), v).toBe(false);
    expect(links.find((l) => l.lantern_id === s.links.controls)).toMatchObject({ source: s.ids.suspect, target: s.ids.victim, target_label: pseudonym(server.pseudonymKey, s.ids.victim), grade: '2-C-P', role: 'CONTROLS' });
  });

  it('gives a partner nothing a partner may not see, in every format', async () => {
    for (const format of FORMATS) {
      const f = await file(as.partner!, format, around());
      const t = text(f);
      expect(t, format).not.toContain(s.ids.hidden);
      expect(t, format).not.toContain('Shadow Lettings');
      expect(t, format).not.toContain(s.links.hiddenOperates);
      expect(t, format).not.toContain(s.links.sensitive);
      expect(t, format).not.toContain('OFFICIAL-SENSITIVE');
      expect(t, format).toContain(s.links.operates);
    }
    // The analyst's export of the same selection has them.
    expect(text(await file(as.analyst!, 'GRAPHML', around()))).toContain(s.ids.hidden);
  }, 180_000);

  it('never shows masked names in any export unless a need-to-know analyst unmasks with a reason, which is audited', async () => {
    const secrets = [s.names.victim, s.names.victimFamily, s.names.victimAlias, s.names.victim2Family, s.names.passport, '1999-02-03'];
    for (const client of [as.analyst!, as.viewer!, as.partner!, as.trusted!]) {
      for (const format of FORMATS) {
        const t = text(await file(client, format, { ids: [s.ids.victim], hops: 1 }));
        for (const secret of secrets) expect(t, `${format} shows ${secret}`).not.toContain(secret);
        expect(t).toContain('Protected person');
      }
    }
    const refused = await run(as.viewer!, 'GRAPHML', { ids: [s.ids.victim] }, 'curious');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noNeed = await run(as.analyst!, 'GRAPHML', { ids: [s.ids.victim] }, 'Case OP-9');
    expect(noNeed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const reason = `Case OP-77 NRM ${process.pid}`;
    const r = await run(as.trusted!, 'FTM', { ids: [s.ids.victim], hops: 1 }, reason);
    expect(r.errors).toBeUndefined();
    expect(r.data!.exportSelection).toMatchObject({ masked: false, maskedCount: 0 });
    expect(r.data!.exportSelection.content).toContain(s.names.victimFamily);
    const unmasked = r.data!.exportSelection.content.trim().split('\n').map((l) => JSON.parse(l) as { id: string; properties: Record<string, string[]> });
    expect(unmasked.find((e) => e.id === s.ids.victim)?.properties).toMatchObject({ name: [s.names.victim], nationality: ['ro'] });
    await audit.flush();
    const entries = await auditRepo.search(gateway, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 50, actor: null, operation: null, from: null, to: null });
    const unmask = entries.find((e) => e.kind === 'unmask' && e.variables.includes(reason));
    expect(unmask).toMatchObject({ role: 'analyst', recordIds: expect.arrayContaining([s.ids.victim]) });
    const exported = entries.find((e) => e.kind === 'export' && e.variables.includes(reason));
    expect(exported).toMatchObject({ operation: 'export ftm', recordIds: expect.arrayContaining([s.ids.victim, s.links.controls]) });
  }, 240_000);

  it('names unknown ids and charts and refuses bad hops, as GraphQL errors', async () => {
    const unknown = await run(as.analyst!, 'GEXF', { ids: ['person-exp-nobody'] });
    expect(unknown.errors?.[0]).toMatchObject({ message: expect.stringContaining('person-exp-nobody'), extensions: { code: 'NOT_FOUND' } });
    const chart = await run(as.analyst!, 'GEXF', { chart: 'No chart exp' });
    expect(chart.errors?.[0]).toMatchObject({ message: expect.stringContaining('"No chart exp"'), extensions: { code: 'NOT_FOUND' } });
    const hops = await run(as.analyst!, 'GEXF', { ids: [s.ids.victim], hops: 9 });
    expect(hops.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'selection.hops' });
    const format = await run(as.analyst!, 'PDF', { ids: [s.ids.victim] });
    expect(format.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('lantern export', () => {
    const lantern = (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['bin/lantern.js', 'export', ...args], {
          env: {
            PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn',
            NEO4J_URI: inject('neo4jUri'), NEO4J_USERNAME: inject('neo4jUsername') || 'neo4j', NEO4J_PASSWORD: inject('neo4jPassword'),
            LANTERN_AUDIT_KEY: TEST_AUDIT_KEY, LANTERN_QUERY_TIMEOUT_MS: '60000',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-export-cli-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('writes a valid GraphML file, shows progress, and exits 0', async () => {
      const out = path.join(dir, 'net.graphml');
      const r = await lantern(['--format', 'graphml', '--out', out, '--ids', `${s.ids.parlour},${s.ids.suspect}`, '--hops', '1']);
      expect(r.stderr).toContain('Reading 2 entities');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Wrote .*net\.graphml \(graphml, [\d,]+ bytes\): 11 entities, \d+ links, \d+ source records; 2 potential victim\(s\) masked/);
      expect(xmllint('graphml-xsd/graphml.xsd', fs.readFileSync(out, 'utf8')).ok).toBe(true);
      expect(fs.readFileSync(out, 'utf8')).not.toContain(s.names.victimFamily);
    }, 120_000);

    it('exports what a partner may see with --as-role partner', async () => {
      const out = path.join(dir, 'partner.ftm.json');
      const r = await lantern(['--format', 'ftm', '--out', out, '--ids', s.ids.parlour, '--as-role', 'partner']);
      expect(r.code).toBe(0);
      const t = fs.readFileSync(out, 'utf8');
      expect(t).toContain(s.ids.parlour);
      expect(t).not.toContain(s.ids.hidden);
    }, 120_000);

    it('exits 1 with a message naming what is wrong', async () => {
      const out = path.join(dir, 'x.gexf');
      const cases: [string[], RegExp][] = [
        [['--format', 'pdf', '--out', out, '--ids', s.ids.parlour], /argument 'pdf' is invalid\. Allowed choices are graphml, gexf, anx, csv, ftm/],
        [['--format', 'gexf', '--out', out], /give --ids ID\[,ID\.\.\.\] \(with --hops N\) or --chart NAME/],
        [['--format', 'gexf', '--out', out, '--ids', s.ids.parlour, '--chart', 'x'], /give --ids/],
        [['--format', 'gexf', '--out', out, '--ids', s.ids.parlour, '--hops', '4'], /--hops: must be a whole number from 0 to 3 \(got 4\)/],
        [['--format', 'gexf', '--out', out, '--ids', 'person-exp-nobody'], /No entity with id "person-exp-nobody"/],
        [['--format', 'gexf', '--out', out, '--chart', 'No chart exp cli'], /No saved chart named "No chart exp cli"/],
        [['--format', 'gexf', '--out', path.join(dir, 'missing', 'x.gexf'), '--ids', s.ids.parlour], /--out: the folder .*missing does not exist/],
        [['--format', 'gexf', '--out', out, '--ids', s.ids.parlour, '--as-role', 'viewer', '--unmask', 'why'], /--unmask: a viewer may not unmask/],
        [['--format', 'gexf', '--out', out, '--ids', s.ids.parlour, '--as-role', 'boss'], /one of admin, analyst, viewer, partner/],
      ];
      for (const [args, message] of cases) {
        const r = await lantern(args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr, args.join(' ')).toMatch(message);
      }
      expect(fs.existsSync(out)).toBe(false);
    }, 300_000);
  });
});
