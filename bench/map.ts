/**
 * The map and the occupancy view opening on an operation's premises (issue 26: "within 1 s"):
 * the built workspace, served against a bench Neo4j holding the demo, in headless Chromium
 * (playwright-core, as bench/render/workspace.ts drives it). A saved chart of Operation Harrier
 * (the operation, its visits, the 57 premises they went to and the people met there, with their
 * dated stays: the two-hop neighbourhood of the operation, as e2e/map.e2e.test.ts makes it) is
 * opened in a fresh browser context each round (nothing cached), then:
 *
 * - chart_open_ms (the same-run baseline): from navigating to the chart until it is drawn and idle;
 * - map_open_ms: from the Map button's click until the outline is drawn and every premises is
 *   placed (a pin or a cluster holding it), the lazy chunk, the places' query and the outline file
 *   included;
 * - occupancy_open_ms: the map closed again and the 57 premises selected on the chart, from the Occupancy button's click
 *   until every stay of the people who stayed at them is a bar.
 *
 * Each is timed in the page (performance.now, checked every animation frame), p50 and p95 of the
 * rounds. Where the time goes, per round (p50 of the rounds in the result):
 *
 * - when each request the map makes (its lazy chunk, /map-settings, the places' query, the
 *   outline file) and the occupancy's stays queries started and answered, from the click, and
 *   the bytes that came over the wire (the outline's, as sent: compressed when the server can);
 * - draw: the page's own measures (performance.measure 'lantern:map …': the outline's layers,
 *   the markers) and the time from the last answer to the map being ready (decoding, layers,
 *   clustering, painting);
 * - query: the places' and stays' GraphQL operations alone, from Node, without a browser.
 *
 *   npm run build && npx tsx bench/map.ts [--rounds 9]
 *
 * The store is kept in .data/bench-map (the demo, loaded once). Writes bench/results/map.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { chromium, type Page, type Request } from 'playwright-core';
import { arg, machine, openBenchDb, printMachine, quantile, root, round, writeResult } from './lib.ts';
import { CHROMIUM_ARGS } from './render/browser.ts';
import { seedDemoIfEmpty } from '../seed/demo/index.ts';
import { startTestServer } from '../server/testing/harness.ts';
import { saveHarrierChart } from '../e2e/support/harrier.ts';
import { cypher } from '../server/db/cypher.ts';

const ROUNDS = Number(arg('rounds', '9'));
const STAYS = new Set(['WORKS_AT', 'LIVES_AT']);
// The workspace's own documents, as the map (client/src/map/places.ts) and the occupancy view (client/src/occupancy/api.ts) send them.
const PLACES = 'query MapPlaces($ids: [ID!]!) { entities(ids: $ids) { id ... on Premises { latitude longitude } } }';
const STAYS_QUERY = 'query OccupancyStays($ids: [ID!]!, $asKnownOn: Date, $follow: Boolean) { stays(ids: $ids, asKnownOn: $asKnownOn, followPeople: $follow) { id type validFrom validTo person { id label } premises { id label } } }';

/** One request the page made: what it was, when it started and answered (epoch ms), and the bytes of its answer as sent. */
interface Seen {
  what: string;
  start: number;
  end: number;
  bytes: number;
  encoding: string;
}

/** What a request is, for the breakdown: the map's chunk, settings, outline, or a GraphQL operation by name. */
function kindOf(r: Request): string | null {
  const url = r.url();
  if (/MapView-[^/]*\.js$/.test(url)) return 'chunk';
  if (/OccupancyView-[^/]*\.js$/.test(url)) return 'occupancy chunk';
  if (/\/map-settings$/.test(url)) return 'settings';
  if (/countries-50m[^/]*\.json$/.test(url)) return 'outline';
  if (/\/graphql$/.test(url)) {
    const query = (JSON.parse(r.postData() ?? '{}') as { query?: string }).query ?? '';
    return /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'graphql';
  }
  return null;
}

if (!fs.existsSync(path.join(root, 'dist/client/index.html'))) throw new Error('Build the workspace first: npm run build');

const db = await openBenchDb('map', { heap: '1g', pageCache: '512m', startTimeoutMs: 600_000 });
await seedDemoIfEmpty(db, { info: (a: unknown, b?: string) => process.stdout.write(`${b ?? String(a)}\n`) } as never);
const server = await startTestServer({ gateway: db.gateway });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

try {
  const { id: chartId, graph: g } = await saveHarrierChart(server, `Map bench ${process.pid}`);
  const premises = g.nodes.filter((n) => n.type === 'PREMISES').map((n) => n.id);
  // What the occupancy view draws for the 57 premises selected: everyone the server knows stayed at
  // them (on the chart or not), and every dated stay of theirs, as the view reads them.
  type Stay = { id: string; person: { id: string } };
  const at = await server.graphql<{ stays: Stay[] }>(STAYS_QUERY, { ids: premises, asKnownOn: null });
  if (at.errors) throw new Error(`stays: ${JSON.stringify(at.errors)}`);
  const staying = new Set(at.data!.stays.map((s) => s.person.id));
  const theirs = await server.graphql<{ stays: Stay[] }>(STAYS_QUERY, { ids: [...staying], asKnownOn: null });
  if (theirs.errors) throw new Error(`stays: ${JSON.stringify(theirs.errors)}`);
  const bars = theirs.data!.stays.length;
  // The view asks for both in one request (followPeople): the same stays.
  const followed = await server.graphql<{ stays: Stay[] }>(STAYS_QUERY, { ids: premises, asKnownOn: null, follow: true });
  if (followed.errors || followed.data!.stays.length !== bars) throw new Error(`stays(followPeople): ${JSON.stringify(followed.errors) ?? `${followed.data!.stays.length} stays, not ${bars}`}`);
  if (premises.length !== 57) throw new Error(`expected Operation Harrier's 57 premises on the chart, found ${premises.length}`);
  const m = machine(db.neo4jVersion);
  printMachine(m);
  console.log(`Chart: ${g.nodes.length} entities, ${g.edges.length} links; ${premises.length} premises; ${staying.size} people stayed at them, ${bars} dated stays`);

  /** Runs `act` in the page and returns the milliseconds until `ready` holds, checked every animation frame. */
  const timed = (page: Page, act: string, ready: string, arg: unknown): Promise<number> =>
    page.evaluate(
      ([act, ready, arg]) =>
        new Promise<number>((resolve, reject) => {
          const done = new Function('arg', `return (${ready})(arg)`) as (a: unknown) => boolean;
          const t0 = performance.now();
          (window as unknown as { benchStart: number }).benchStart = t0;
          (new Function('arg', `return (${act})(arg)`) as (a: unknown) => void)(arg);
          const check = () => {
            if (done(arg)) resolve(performance.now() - t0);
            else if (performance.now() - t0 > 60_000) {
              const text = (sel: string) => document.querySelector(sel)?.textContent ?? '(none)';
              const seen = `map: ${text('[data-testid="map-counts"]')}; occupancy: ${text('[data-testid="occupancy-counts"]')}, ${document.querySelectorAll('.occupancy-pane rect.stay').length} bars`;
              reject(new Error(`not ready after 60 s: ${ready} (${seen})`));
            }
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      [act, ready, arg] as const,
    );

  const chartMs: number[] = [];
  const mapMs: number[] = [];
  const occupancyMs: number[] = [];
  // Where the openings go, per round: ms from the click (started, answered), bytes, draw.
  const parts: Record<string, number[]> = {};
  const part = (name: string, v: number | undefined) => {
    if (v !== undefined && Number.isFinite(v)) (parts[name] ??= []).push(v);
  };
  for (let i = 0; i < ROUNDS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, extraHTTPHeaders: { authorization: server.authorization } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    const seen: Seen[] = [];
    page.on('requestfinished', (r) => {
      const what = kindOf(r);
      if (!what) return;
      const t = r.timing();
      void Promise.all([r.sizes(), r.response()])
        .then(([z, res]) => seen.push({ what, start: t.startTime, end: t.startTime + t.responseEnd, bytes: z.responseBodySize, encoding: res?.headers()['content-encoding'] ?? 'identity' }))
        // A request still being read when the round's context closes is not part of a figure.
        .catch(() => undefined);
    });
    await page.addInitScript(() => sessionStorage.setItem('lantern.purpose', 'map benchmark'));
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    // Baseline: the chart view opening on the same chart (the app loaded, the chart read, drawn as saved, idle), from navigation start.
    await page.goto(`${server.url}/#chart=${encodeURIComponent(chartId)}`);
    chartMs.push(
      await page.evaluate(
        (n) =>
          new Promise<number>((resolve) => {
            const check = () => {
              const ready = !!document.querySelector('[data-testid="counts"]')?.textContent?.startsWith(`${n} entities`) && !!document.querySelector('.stage[aria-busy="false"]');
              if (ready) resolve(performance.now());
              else requestAnimationFrame(check);
            };
            check();
          }),
        g.nodes.length,
      ),
    );
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    await page.evaluate(() => performance.clearMeasures());

    mapMs.push(
      await timed(
        page,
        `() => [...document.querySelectorAll('button.view-toggle')].find((b) => b.textContent.trim() === 'Map').click()`,
        `(n) => {
          const counts = document.querySelector('[data-testid="map-counts"]')?.textContent ?? '';
          const map = document.querySelector('[data-testid="map"]');
          return counts.startsWith(n + ' placed') && !!map?.querySelector('.leaflet-overlay-pane canvas')
            && (window.lanternMap?.points().length ?? 0) === n && map.querySelectorAll('.map-pin, .map-cluster').length > 0;
        }`,
        premises.length,
      ),
    );
    // The click as a wall-clock time, to place the requests Playwright saw.
    const mapClick = await page.evaluate(() => performance.timeOrigin + (window as unknown as { benchStart: number }).benchStart);
    const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((e) => ({ name: e.name, duration: e.duration })));
    await page.waitForTimeout(500);
    const after = (what: string, from: number) => seen.filter((r) => r.what === what && r.start >= from - 5);
    const mapRequests: string[] = [];
    let lastAnswer = 0;
    for (const [what, key] of [['chunk', 'chunk'], ['settings', 'settings'], ['MapPlaces', 'places'], ['outline', 'outline']] as const) {
      const r = after(what, mapClick)[0];
      if (!r) continue;
      part(`map_${key}_started_ms`, r.start - mapClick);
      part(`map_${key}_answered_ms`, r.end - mapClick);
      lastAnswer = Math.max(lastAnswer, r.end - mapClick);
      if (key === 'outline') {
        part('map_outline_bytes', r.bytes);
        part('map_outline_download_ms', r.end - r.start);
      }
      if (key === 'places') part('map_places_request_ms', r.end - r.start);
      mapRequests.push(`${key} ${Math.round(r.start - mapClick)}→${Math.round(r.end - mapClick)} ms${key === 'outline' ? ` (${Math.round(r.bytes / 1024)} kB ${r.encoding})` : ''}`);
    }
    const measured = (name: string) => measures.filter((m) => m.name === name).reduce((a, m) => a + m.duration, 0);
    part('map_draw_outline_layers_ms', measured('lantern:map outline layers'));
    part('map_draw_markers_ms', measured('lantern:map markers'));
    part('map_after_last_answer_ms', mapMs.at(-1)! - lastAnswer);

    // The map closed again, so that the occupancy's figure is its own (an open map redraws its outline when the stage resizes).
    await page.locator('button.view-toggle', { hasText: 'Map' }).click();
    await page.getByTestId('map').waitFor({ state: 'detached' });
    await page.evaluate((ids) => window.lanternChart!.select(ids), premises);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    occupancyMs.push(
      await timed(
        page,
        `() => [...document.querySelectorAll('button.view-toggle')].find((b) => b.textContent.trim() === 'Occupancy').click()`,
        `(n) => document.querySelectorAll('.occupancy-pane rect.stay').length === n`,
        bars,
      ),
    );
    const occClick = await page.evaluate(() => performance.timeOrigin + (window as unknown as { benchStart: number }).benchStart);
    await page.waitForTimeout(500);
    const occRequests: string[] = [];
    const staysReads = after('OccupancyStays', occClick);
    staysReads.forEach((r, k) => {
      part(`occupancy_stays_${k + 1}_started_ms`, r.start - occClick);
      part(`occupancy_stays_${k + 1}_answered_ms`, r.end - occClick);
      occRequests.push(`stays ${Math.round(r.start - occClick)}→${Math.round(r.end - occClick)} ms`);
    });
    const chunk = after('occupancy chunk', occClick)[0];
    if (chunk) {
      part('occupancy_chunk_answered_ms', chunk.end - occClick);
      occRequests.push(`chunk →${Math.round(chunk.end - occClick)} ms`);
    }
    part('occupancy_after_last_answer_ms', occupancyMs.at(-1)! - Math.max(0, ...staysReads.map((r) => r.end - occClick), chunk ? chunk.end - occClick : 0));
    console.log(
      `round ${i + 1}: chart ${Math.round(chartMs.at(-1)!)} ms (from navigation); map ${Math.round(mapMs.at(-1)!)} ms [${mapRequests.join('; ')}; ` +
        `outline layers ${Math.round(measured('lantern:map outline layers'))} ms, markers ${Math.round(measured('lantern:map markers'))} ms]; ` +
        `occupancy ${Math.round(occupancyMs.at(-1)!)} ms [${occRequests.join('; ')}]`,
    );
    await context.close();
  }
  await server.graphql('mutation($id: ID!) { deleteChart(id: $id) }', { id: chartId });

  // The two reads alone, from Node over HTTP (authentication, GraphQL, Neo4j; no browser): what the server spends on them.
  const people = [...staying];
  const timedQuery = async (query: string, variables: Record<string, unknown>) => {
    const xs: number[] = [];
    for (let k = 0; k < 15; k += 1) {
      const t0 = performance.now();
      const r = await server.graphql(query, variables);
      if (r.errors) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(r.errors)}`);
      xs.push(performance.now() - t0);
    }
    return xs;
  };
  /** The named statement under PROFILE, as an analyst's scope runs it: its database hits and operators. */
  const profile = async (name: string, params: Record<string, unknown>) => {
    const session = db.gateway.driver.session({ defaultAccessMode: 'READ' });
    try {
      // The statement is the named file's own text; only the PROFILE prefix is added.
      const r = await session.run('PROFILE ' + cypher(name), { ...params, scope: { shareAll: true, mask: false } });
      type Step = { operatorType: string; dbHits: number; children: Step[] };
      const ops: string[] = [];
      let hits = 0;
      const walk = (p: Step) => {
        ops.push(p.operatorType.replace(/@.*$/, ''));
        hits += p.dbHits;
        p.children.forEach(walk);
      };
      walk(r.summary.profile as unknown as Step);
      console.log(`PROFILE ${name}: ${r.records.length} rows, ${hits} db hits; ${ops.join(' < ')}`);
      return hits;
    } finally {
      await session.close();
    }
  };
  const placesDbHits = await profile('entity/by-ids', { ids: premises });
  const staysDbHits = await profile('stays/of', { ids: premises, linkTypes: [...STAYS], limit: neo4j.int(20_001) });
  const placesQueryMs = await timedQuery(PLACES, { ids: premises });
  const staysQueryMs = await timedQuery(STAYS_QUERY, { ids: premises, asKnownOn: null });
  const staysPeopleQueryMs = await timedQuery(STAYS_QUERY, { ids: people, asKnownOn: null });
  const staysFollowQueryMs = await timedQuery(STAYS_QUERY, { ids: premises, asKnownOn: null, follow: true });

  const q = (xs: number[], p: number) => round(quantile(xs, p), 0);
  const breakdown = Object.fromEntries(Object.entries(parts).map(([k, xs]) => [`${k}_p50`, q(xs, 0.5)]));
  const figures = {
    map_open_ms_p50: q(mapMs, 0.5),
    map_open_ms_p95: q(mapMs, 0.95),
    occupancy_open_ms_p50: q(occupancyMs, 0.5),
    occupancy_open_ms_p95: q(occupancyMs, 0.95),
    map_baseline_chart_open_ms_p50: q(chartMs, 0.5),
    map_baseline_chart_open_ms_p95: q(chartMs, 0.95),
    ...breakdown,
    map_places_query_ms_p50: q(placesQueryMs, 0.5),
    map_places_db_hits: placesDbHits,
    occupancy_stays_db_hits: staysDbHits,
    occupancy_stays_query_ms_p50: q(staysQueryMs, 0.5),
    occupancy_stays_people_query_ms_p50: q(staysPeopleQueryMs, 0.5),
    occupancy_stays_follow_query_ms_p50: q(staysFollowQueryMs, 0.5),
    map_premises: premises.length,
    occupancy_people: staying.size,
    occupancy_bars: bars,
  };
  console.log(figures);
  const file = writeResult({
    name: 'map',
    machine: { ...m, loadAverage: machine().loadAverage },
    figures,
    notes: {
      what: "Operation Harrier's chart (the operation's two-hop neighbourhood in the demo: 57 premises) opened in the built workspace in headless Chromium, a fresh context each round (nothing cached); map_open_ms: Map clicked until the outline is drawn and all 57 premises are placed (pins or clusters); occupancy_open_ms: the map closed, the 57 premises selected, Occupancy clicked until every dated stay of the people who stayed at them is a bar; baseline: the chart view opening on the same chart, from navigation start until it is drawn and idle; timed in the page every animation frame",
      breakdown:
        'p50 of the rounds: *_started_ms / *_answered_ms: when each request began and was answered, from the click; map_outline_bytes: the outline as sent (brotli when the server has it); map_draw_*: the page\'s own performance.measure of building the outline layers and adding the markers; *_after_last_answer_ms: from the last answer to ready (decoding, layers, clustering, painting); *_query_ms: the GraphQL operation alone from Node over HTTP (15 runs)',
      rounds: ROUNDS,
      chart: { entities: g.nodes.length, links: g.edges.length },
      goal: 'map and occupancy open within 1000 ms',
    },
  });
  console.log(`Wrote ${path.relative(root, file)}`);
} finally {
  await browser.close();
  await server.close();
  await db.close();
}
