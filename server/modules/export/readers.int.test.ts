/**
 * Every export format of a demo chart, opened with the tools analysts use: NetworkX and igraph
 * for GraphML, NetworkX for GEXF, the FollowTheMoney model for FtM, and i2 ANX's documented
 * structure (IBM publishes no schema). Each reader's counts of entities and links are compared
 * with the chart as the workspace draws it: its entities and every link among them. And a victim
 * on it carries one pseudonym in the workspace's answers, the CSV, the FtM file and the briefing.
 *
 * The readers run in Python (readers/read_export.py, pinned in readers/requirements.txt; .ci/run
 * installs them into tmp/python). Without them this suite fails, saying how to install them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../db/scope.ts';
import type { Gateway } from '../../db/gateway.ts';
import { startTestServer, testGateway, type TestServer } from '../../testing/harness.ts';
import { NEIGHBOURHOOD } from '../../kernel/documents.ts';
import { addGraph, EMPTY_DOC, toSaved } from '../../../client/src/state/chartDoc.ts';
import type { Graph, GraphEdge } from '../../../client/src/model/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const READER = path.join(import.meta.dirname, 'readers/read_export.py');
const PYTHON = process.env.LANTERN_PYTHON ?? path.join(ROOT, 'tmp/python/bin/python');
const INSTALL = 'python3 -m venv tmp/python && tmp/python/bin/pip install -r server/modules/export/readers/requirements.txt (or set LANTERN_PYTHON)';

// Demo scenario (seed/demo): network 1's first parlour and one of its controllers.
const PARLOUR = 'premises-000001';
const CONTROLLER = 'person-000003';

const EXPORT = `query Export($format: ExportFormat!, $selection: SelectionInput!) {
  exportSelection(format: $format, selection: $selection) { encoding content entityCount linkCount maskedCount }
}`;
interface ExportFile { encoding: 'UTF8' | 'BASE64'; content: string; entityCount: number; linkCount: number; maskedCount: number }
interface Read {
  networkx?: { nodes: number; edges: number; directed: boolean; undirectedLinks: number };
  igraph?: { nodes: number; edges: number; directed: boolean };
  entities?: number;
  links?: number;
  problems?: string[];
  dramaPhones?: string[];
  graph?: { nodes: number; edges: number };
  labels: string[];
}

function requireReaders(): void {
  try {
    execFileSync(PYTHON, ['-c', 'import networkx, igraph, followthemoney'], { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`The export readers (networkx, igraph, followthemoney) are not installed for ${PYTHON}: ${String((e as Error).message).split('\n')[0]}. Install them: ${INSTALL}`);
  }
}

let dir: string;
function read(format: string, content: string): Read {
  const file = path.join(dir, `export.${format}`);
  fs.writeFileSync(file, content);
  try {
    return JSON.parse(execFileSync(PYTHON, [READER, format, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Read;
  } catch (e) {
    throw new Error(`${format}: the reader refused the file: ${String((e as { stderr?: string }).stderr ?? e)}`);
  }
}

describe('exports in the tools analysts use', () => {
  let server: TestServer;
  let gateway: Gateway;
  let chartId: string;
  const chart = { entities: 0, linksSaved: 0, linksAmong: 0, victim: { id: '', label: '' } };
  // Every export, and the briefing, made up front: a request after a reader's pause of some
  // seconds can meet a keep-alive connection the server has just closed.
  const files = new Map<string, ExportFile>();
  let briefing: { nodeCount: number; edgeCount: number; content: { nodes: { id: string; label: string }[] } };

  beforeAll(async () => {
    requireReaders();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-readers-'));
    // A cold database's first reads can outlast the default query timeout on a loaded machine.
    gateway = testGateway({ queryTimeoutMs: 60_000 });
    server = await startTestServer({ gateway });
    // A chart as an analyst leaves it after expanding the parlour and adding the controller's
    // network without expanding it: saved with the parlour's own links only.
    const hood = async (id: string) => {
      const res = await server.graphql<{ neighbourhood: Graph }>(String(NEIGHBOURHOOD), { ids: [id], hops: 1, limit: 500 });
      expect(res.errors).toBeUndefined();
      return res.data!.neighbourhood;
    };
    const a = await hood(PARLOUR);
    const b = await hood(CONTROLLER);
    const nodes = [...new Map([...a.nodes, ...b.nodes].map((n) => [n.id, n])).values()];
    const saved = toSaved(addGraph(EMPTY_DOC, { nodes, edges: a.edges }), null);
    const r = await server.graphql<{ saveChart: { id: string } }>('mutation($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id } }', {
      name: `Readers ${process.pid}`,
      document: saved,
    });
    expect(r.errors).toBeUndefined();
    chartId = r.data!.saveChart.id;
    // What the workspace draws on opening it: every link among its entities, in one read.
    const among = await server.graphql<{ linksAmong: GraphEdge[] }>('query($ids: [ID!]!) { linksAmong(ids: $ids) { id source target } }', { ids: nodes.map((n) => n.id) });
    expect(among.errors).toBeUndefined();
    chart.entities = nodes.length;
    chart.linksSaved = saved.elements.edges.length;
    chart.linksAmong = among.data!.linksAmong.length;
    chart.victim = nodes.find((n) => n.potentialVictim)!;
    for (const format of ['GRAPHML', 'GEXF', 'ANX', 'CSV', 'FTM']) {
      const f = await server.graphql<{ exportSelection: ExportFile }>(EXPORT, { format, selection: { chart: chartId } });
      expect(f.errors).toBeUndefined();
      files.set(format, f.data!.exportSelection);
    }
    const snap = await server.graphql<{ createSnapshot: typeof briefing }>('mutation($input: CreateSnapshotInput!) { createSnapshot(input: $input) { nodeCount edgeCount content } }', {
      input: { title: `Readers ${process.pid}`, purpose: 'test', selection: { chart: chartId } },
    });
    expect(snap.errors).toBeUndefined();
    briefing = snap.data!.createSnapshot;
  });

  afterAll(async () => {
    if (chartId) await server.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id: chartId });
    await server?.close();
    await gateway?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const exported = async (format: string): Promise<ExportFile> => files.get(format)!;

  it('exports the chart with every link among its entities, more than were saved on it', async () => {
    expect(chart.linksAmong).toBeGreaterThan(chart.linksSaved);
    const f = await exported('CSV');
    expect({ entities: f.entityCount, links: f.linkCount }).toEqual({ entities: chart.entities, links: chart.linksAmong });
    console.info(`readers: chart of ${chart.entities} entities, ${chart.linksSaved} links saved, ${chart.linksAmong} links among them`);
  });

  it('writes GraphML that NetworkX and igraph load as one directed graph with every entity and link', async () => {
    const f = await exported('GRAPHML');
    const r = read('graphml', f.content);
    expect(r.networkx).toMatchObject({ nodes: chart.entities, edges: chart.linksAmong, directed: true });
    expect(r.igraph).toMatchObject({ nodes: chart.entities, edges: chart.linksAmong, directed: true });
    // Links whose type has no direction (associate of, uses phone) say so as data.
    expect(r.networkx!.undirectedLinks).toBeGreaterThan(0);
    console.info(`readers: GraphML networkx ${JSON.stringify(r.networkx)}, igraph ${JSON.stringify(r.igraph)}`);
  });

  it('writes GEXF that NetworkX loads as one directed graph with every entity and link', async () => {
    const f = await exported('GEXF');
    const r = read('gexf', f.content);
    expect(r.networkx).toMatchObject({ nodes: chart.entities, edges: chart.linksAmong, directed: true });
    expect(r.networkx!.undirectedLinks).toBeGreaterThan(0);
    console.info(`readers: GEXF networkx ${JSON.stringify(r.networkx)}`);
  });

  it('writes FollowTheMoney entities the FtM model accepts, every reference resolved, one per entity and link', async () => {
    const f = await exported('FTM');
    const r = read('ftm', f.content);
    expect(r.problems).toEqual([]);
    expect({ entities: r.entities, links: r.links }).toEqual({ entities: chart.entities, links: chart.linksAmong });
    expect(r.graph!.nodes).toBeGreaterThanOrEqual(chart.entities);
    // The demo's phones are in Ofcom's drama ranges, which FtM's phone type refuses (real ones pass).
    console.info(`readers: FtM ${r.entities} entities, ${r.links} links; followthemoney.graph ${JSON.stringify(r.graph)}; ${r.dramaPhones!.length} drama-range phone numbers FtM would drop`);
  });

  it('writes ANX with i2 structure: unique ids, link ends that exist, allowed values, declared types', async () => {
    const f = await exported('ANX');
    const r = read('anx', f.content);
    expect(r.problems).toEqual([]);
    expect({ entities: r.entities, links: r.links }).toEqual({ entities: chart.entities, links: chart.linksAmong });
    console.info(`readers: ANX ${r.entities} entities, ${r.links} links`);
  });

  it('the structure check refuses a broken ANX file, naming what is wrong', () => {
    const broken = '<Chart><ChartItemCollection><ChartItem Label="a"><Link End1Id="x" End2Id="y"><LinkStyle ArrowStyle="Sideways" MlStyle="MultiplicityMultiple" Type="T"/></Link></ChartItem></ChartItemCollection></Chart>';
    const r = read('anx', broken);
    expect(r.problems).toEqual(expect.arrayContaining([
      'a: End1Id x is no entity on the chart',
      expect.stringMatching(/^a: ArrowStyle Sideways is not one of/),
      'a: link type T is not declared',
    ]));
  });

  it('names a victim on the chart by one pseudonym in the workspace, the CSV, the FtM file and the briefing', async () => {
    const { id, label } = chart.victim;
    expect(label).toBe(pseudonym(server.pseudonymKey, id));
    const csv = await exported('CSV');
    const zip = unzipSync(Buffer.from(csv.content, 'base64'));
    const entities = parse(strFromU8(zip['entities.csv']!), { bom: true, columns: true }) as Record<string, string>[];
    expect(entities.find((e) => e.lantern_id === id)?.label).toBe(label);
    const ftm = (await exported('FTM')).content.trim().split('\n').map((l) => JSON.parse(l) as { id: string; properties: Record<string, string[]> });
    expect(ftm.find((e) => e.id === id)?.properties.name).toEqual([label]);
    expect(read('graphml', (await exported('GRAPHML')).content).labels).toContain(label);
    expect(briefing.content.nodes.find((n) => n.id === id)?.label).toBe(label);
    // The briefing shows what the chart and its exports show.
    expect(briefing).toMatchObject({ nodeCount: chart.entities, edgeCount: chart.linksAmong });
  });
});
