/**
 * The MSHT indicator library through GraphQL against the real Neo4j: for each indicator a small
 * fixture where it fires and one where it must not (ids tagged `ind`, so the demo and other suites
 * are undisturbed), each hit with its evidence, sources and a chart-ready graph; the flagged list
 * sorted, filtered and paged; and the library itself with its published sources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixture } from '../../testing/fixture.ts';
import { startTestServer, testGateway, type TestServer } from '../../testing/harness.ts';

const f = new Fixture('ind');
let phones = 0;
const phone = () => f.entity('PHONE', { number: `+44207946${String(++phones).padStart(4, '0')}` });
const person = (given: string, family = 'Fixture', extra: Record<string, unknown> = {}) => f.entity('PERSON', { givenName: given, familyName: family, ...extra });
const premises = (name: string) => f.entity('PREMISES', { name, kind: 'MASSAGE_PARLOUR', town: 'Reading' });
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const stay = (type: 'WORKS_AT' | 'LIVES_AT', from: string, to: string, validFrom: string, validTo?: string) => f.link({ type, from, to, validFrom, ...(validTo ? { validTo } : {}) });

// 1 shared-phone: two parlours give the same number; a third was advertised on a number only
// before another premises took it on (a recycled number).
const sp1 = premises('Shared Phone One');
const sp2 = premises('Shared Phone Two');
const spPhone = phone();
const spLink1 = f.link({ type: 'PREMISES_PHONE', from: sp1, to: spPhone });
f.link({ type: 'PREMISES_PHONE', from: sp2, to: spPhone });
const spRecycledA = premises('Recycled Number Old');
const spRecycledB = premises('Recycled Number New');
const spOld = phone();
const spAd = f.entity('ADVERT', { site: 'fixture.example', title: 'Grand opening', postedOn: '2025-03-02', contentHash: 'ind-hash-recycled', obscuredNumber: false });
f.link({ type: 'ADVERT_LOCATED_AT', from: spAd, to: spRecycledA });
f.link({ type: 'ADVERT_LISTS_PHONE', from: spAd, to: spOld, validFrom: '2025-03-02', validTo: '2025-03-20' });
f.link({ type: 'PREMISES_PHONE', from: spRecycledB, to: spOld, validFrom: '2025-04-01' });

// 2 many-workers: five workers within two months at one place; five spread over five years at another.
const mwBusy = premises('Many Workers Busy');
const mwSteady = premises('Many Workers Steady');
for (let i = 0; i < 5; i++) {
  stay('WORKS_AT', person(`Busy${i}`), mwBusy, addDays('2025-04-01', i * 10), addDays('2025-04-01', i * 10 + 8));
  stay('WORKS_AT', person(`Steady${i}`), mwSteady, `${2019 + i}-01-01`, `${2019 + i}-03-01`);
}

// 3 lives-at-work: works and lives there at once; or lives there only after the job ended.
const lwPlace = premises('Lives At Work');
const lwWorker = person('Livein');
stay('WORKS_AT', lwWorker, lwPlace, '2025-04-01', '2025-06-30');
stay('LIVES_AT', lwWorker, lwPlace, '2025-04-10');
const lwLater = premises('Lives Later');
const lwTenant = person('Tenant');
stay('WORKS_AT', lwTenant, lwLater, '2024-01-01', '2024-03-01');
stay('LIVES_AT', lwTenant, lwLater, '2024-06-01');

// 4 rotating-workers: two workers moved between three parlours within two months; one who changed
// jobs once a year.
const [rw1, rw2, rw3] = [premises('Rotation A'), premises('Rotation B'), premises('Rotation C')];
const rotA = person('Rota');
const rotB = person('Rotb');
for (const [i, p] of [rw1, rw2, rw3].entries()) {
  stay('WORKS_AT', rotA, p!, `2025-06-${String(1 + i * 10).padStart(2, '0')}`, `2025-06-${String(9 + i * 10).padStart(2, '0')}`);
  stay('WORKS_AT', rotB, p!, `2025-07-${String(1 + i * 10).padStart(2, '0')}`, `2025-07-${String(9 + i * 10).padStart(2, '0')}`);
}
const rotSlow = person('Slowmover');
for (const [i, p] of [premises('Yearly A'), premises('Yearly B'), premises('Yearly C')].entries()) stay('WORKS_AT', rotSlow, p, `${2021 + i}-01-01`, `${2021 + i}-06-01`);

// 5 advert-number: an advert that hides its number; another that lists its own number plainly.
const anHidden = premises('Advert Hidden Number');
const anAd = f.entity('ADVERT', { site: 'fixture.example', title: 'Call 07seven...', postedOn: '2025-05-05', contentHash: 'ind-hash-hidden', obscuredNumber: true });
f.link({ type: 'ADVERT_LOCATED_AT', from: anAd, to: anHidden });
const anPlain = premises('Advert Plain Number');
const anPlainPhone = phone();
const anPlainAd = f.entity('ADVERT', { site: 'fixture.example', title: 'Therapeutic massage', postedOn: '2025-05-05', contentHash: 'ind-hash-plain', obscuredNumber: false });
f.link({ type: 'ADVERT_LOCATED_AT', from: anPlainAd, to: anPlain });
f.link({ type: 'ADVERT_LISTS_PHONE', from: anPlainAd, to: anPlainPhone });
f.link({ type: 'PREMISES_PHONE', from: anPlain, to: anPlainPhone });

// 6 suspect-or-offence: a trafficking offence at a parlour, its suspect, and a worker he controls;
// against: a trafficking report that ended in no further action, and an associate of a drug dealer.
const soPlace = premises('Offence Here');
const soOffence = f.entity('OFFENCE', { category: 'TRAFFICKING', status: 'UNDER_INVESTIGATION', occurredOn: '2024-02-02' });
const soAt = f.link({ type: 'OCCURRED_AT', from: soOffence, to: soPlace });
const soSuspect = person('Suspect');
f.link({ type: 'INVOLVED_IN', from: soSuspect, to: soOffence, role: 'SUSPECT' });
const soControlled = person('Controlled');
f.link({ type: 'ASSOCIATE_OF', from: soSuspect, to: soControlled, role: 'CONTROLS' });
const soNfaPlace = premises('Offence Dropped');
const soNfa = f.entity('OFFENCE', { category: 'TRAFFICKING', status: 'NFA', occurredOn: '2024-02-02' });
f.link({ type: 'OCCURRED_AT', from: soNfa, to: soNfaPlace });
const soDealer = person('Dealer');
const soDrugs = f.entity('OFFENCE', { category: 'DRUG_SUPPLY', status: 'CHARGED', occurredOn: '2024-02-02' });
f.link({ type: 'INVOLVED_IN', from: soDealer, to: soDrugs, role: 'SUSPECT' });
const soFriend = person('Friend');
f.link({ type: 'ASSOCIATE_OF', from: soFriend, to: soDealer, role: 'ASSOCIATE' });

// 7 multi-premises-controller: a controller of two parlours; a landlord of two; an owner of one.
const [mc1, mc2] = [premises('Controlled One'), premises('Controlled Two')];
const mcBoss = person('Boss');
f.link({ type: 'OPERATES', from: mcBoss, to: mc1, role: 'CONTROLLER' });
f.link({ type: 'OPERATES', from: mcBoss, to: mc2, role: 'CONTROLLER' });
const [ml1, ml2] = [premises('Let One'), premises('Let Two')];
const mcLandlord = person('Landlord');
f.link({ type: 'OPERATES', from: mcLandlord, to: ml1, role: 'LANDLORD' });
f.link({ type: 'OPERATES', from: mcLandlord, to: ml2, role: 'LANDLORD' });
const mcOwner = person('Owner');
const mcOwned = premises('Owned Alone');
f.link({ type: 'OPERATES', from: mcOwner, to: mcOwned, role: 'OWNER' });

// 8 nrm-history: a potential victim with an NRM referral who worked at a parlour; a worker whose
// only referral is to Victims First.
const nrPlace = premises('Referral History');
const nrVictim = person('Victima', 'Realname', { potentialVictim: true });
stay('WORKS_AT', nrVictim, nrPlace, '2025-06-01', '2025-06-20');
const nrReferral = f.entity('REFERRAL', { kind: 'NRM', referredOn: '2025-06-21' });
f.link({ type: 'REFERRAL_FOR', from: nrReferral, to: nrVictim });
const nrOther = premises('Support Only');
const nrSupported = person('Supported');
stay('WORKS_AT', nrSupported, nrOther, '2025-06-01', '2025-06-20');
const nrSupport = f.entity('REFERRAL', { kind: 'VICTIMS_FIRST', referredOn: '2025-06-21' });
f.link({ type: 'REFERRAL_FOR', from: nrSupport, to: nrSupported });

const HITS = `query ($id: ID!) { indicatorHits(entityId: $id) {
  indicatorId indicatorVersion title entityId entityType label score summary entityIds linkIds
  evidence { summary entityIds linkIds grading { code } sourceIds sources { id source } from to }
} }`;
interface Hit {
  indicatorId: string;
  indicatorVersion: number;
  entityId: string;
  label: string;
  score: number;
  summary: string;
  entityIds: string[];
  linkIds: string[];
  evidence: { summary: string; entityIds: string[]; linkIds: string[]; grading: { code: string }; sourceIds: string[]; sources: { id: string; source: string }[] }[];
}

let server: TestServer;
const hits = async (id: string): Promise<Hit[]> => {
  const r = await server.graphql<{ indicatorHits: Hit[] }>(HITS, { id });
  expect(r.errors).toBeUndefined();
  return r.data!.indicatorHits;
};
const fired = async (id: string) => (await hits(id)).map((h) => h.indicatorId);

beforeAll(async () => {
  // Whole-graph reads on a 2-core machine shared with other work: a longer per-query limit than the default 15 s.
  server = await startTestServer({ gateway: testGateway({ queryTimeoutMs: 90_000 }) });
  await f.write(server.gateway);
}, 120_000);
afterAll(async () => {
  await f.remove(server.gateway);
  await server.close();
});

describe('the indicator library', () => {
  it('lists every rule with its version, rationale and published sources', async () => {
    const r = await server.graphql<{ indicators: { version: string; indicators: { id: string; version: number; rationale: string; appliesTo: string[]; references: { title: string; publisher: string }[] }[] } }>(
      `{ indicators { version indicators { id version rationale appliesTo references { title publisher year } parameters { name value } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.indicators.version).toBe('msht-indicators.v1');
    expect(r.data!.indicators.indicators.map((i) => i.id)).toEqual(['shared-phone', 'many-workers', 'lives-at-work', 'rotating-workers', 'advert-number', 'suspect-or-offence', 'multi-premises-controller', 'nrm-history']);
    for (const i of r.data!.indicators.indicators) {
      expect(i.rationale.length).toBeGreaterThan(50);
      expect(i.references.length).toBeGreaterThan(0);
    }
    expect(r.data!.indicators.indicators.flatMap((i) => i.references.map((x) => x.publisher))).toContain('Home Office');
  });
});

describe('each indicator fires where it should and not where it must not', () => {
  it('shared-phone: fires on premises giving the same number at once, not on a number recycled later', async () => {
    const h = (await hits(sp1)).find((x) => x.indicatorId === 'shared-phone')!;
    expect(h).toBeDefined();
    expect(h.entityIds).toEqual(expect.arrayContaining([sp1, spPhone, sp2]));
    expect(h.linkIds).toContain(spLink1);
    expect(h.evidence[0]!.sources.map((s) => s.source)).toContain('test-ind');
    expect(h.evidence[0]!.grading.code).toBe('1-B-P');
    expect(await fired(spRecycledA)).not.toContain('shared-phone');
    expect(await fired(spRecycledB)).not.toContain('shared-phone');
  });

  it('many-workers: fires on five workers within six months, not on five spread over five years', async () => {
    const h = (await hits(mwBusy)).find((x) => x.indicatorId === 'many-workers')!;
    expect(h.summary).toMatch(/^5 different workers within 180 days/);
    expect(h.evidence).toHaveLength(5);
    expect(await fired(mwSteady)).not.toContain('many-workers');
  });

  it('lives-at-work: fires on working and living there at once, not on living there after the job', async () => {
    expect(await fired(lwPlace)).toContain('lives-at-work');
    expect(await fired(lwWorker)).toContain('lives-at-work');
    expect(await fired(lwLater)).not.toContain('lives-at-work');
    expect(await fired(lwTenant)).not.toContain('lives-at-work');
  });

  it('rotating-workers: fires on a worker at three parlours in two months and on a parlour with two such workers, not on yearly job changes', async () => {
    const h = (await hits(rotA)).find((x) => x.indicatorId === 'rotating-workers')!;
    expect(h.entityIds).toEqual(expect.arrayContaining([rotA, rw1, rw2, rw3]));
    expect(h.linkIds).toHaveLength(3);
    expect(await fired(rw2)).toContain('rotating-workers');
    expect(await fired(rotSlow)).not.toContain('rotating-workers');
  });

  it('advert-number: fires on an advert hiding its number, not on one listing its own number', async () => {
    const h = (await hits(anHidden)).find((x) => x.indicatorId === 'advert-number')!;
    expect(h.entityIds).toContain(anAd);
    expect(await fired(anPlain)).not.toContain('advert-number');
  });

  it('suspect-or-offence: fires on a trafficking offence at the premises and on a person its suspect controls, not on NFA or drug-only associates', async () => {
    const h = (await hits(soPlace)).find((x) => x.indicatorId === 'suspect-or-offence')!;
    expect(h.linkIds).toContain(soAt);
    expect(h.entityIds).toEqual(expect.arrayContaining([soOffence]));
    const c = (await hits(soControlled)).find((x) => x.indicatorId === 'suspect-or-offence')!;
    expect(c.entityIds).toEqual(expect.arrayContaining([soSuspect, soOffence]));
    expect(await fired(soNfaPlace)).not.toContain('suspect-or-offence');
    expect(await fired(soFriend)).not.toContain('suspect-or-offence');
  });

  it('multi-premises-controller: fires on a controller of two parlours and on those parlours, not on a landlord or a single owner', async () => {
    expect(await fired(mcBoss)).toContain('multi-premises-controller');
    const h = (await hits(mc2)).find((x) => x.indicatorId === 'multi-premises-controller')!;
    expect(h.entityIds).toEqual(expect.arrayContaining([mc2, mcBoss, mc1]));
    expect(await fired(mcLandlord)).not.toContain('multi-premises-controller');
    expect(await fired(ml1)).not.toContain('multi-premises-controller');
    expect(await fired(mcOwner)).not.toContain('multi-premises-controller');
  });

  it('nrm-history: fires on a person with an NRM referral and where she worked, masked; not on a Victims First referral alone', async () => {
    const own = (await hits(nrVictim)).find((x) => x.indicatorId === 'nrm-history')!;
    expect(own.label).toMatch(/^Protected person /);
    expect(own.entityIds).toContain(nrReferral);
    const at = (await hits(nrPlace)).find((x) => x.indicatorId === 'nrm-history')!;
    expect(at.entityIds).toEqual(expect.arrayContaining([nrVictim, nrReferral]));
    expect(JSON.stringify(at)).not.toContain('Realname');
    expect(await fired(nrSupported)).not.toContain('nrm-history');
    expect(await fired(nrOther)).not.toContain('nrm-history');
  });
});

describe('evidence on the chart and the flagged list', () => {
  it('gives each hit its evidence as a chart-ready graph in one field', async () => {
    const r = await server.graphql<{ indicatorHits: { indicatorId: string; entityIds: string[]; graph: { nodes: { id: string }[]; edges: { id: string }[] } }[] }>(
      `query ($id: ID!) { indicatorHits(entityId: $id) { indicatorId entityIds graph { nodes { id } edges { id } } } }`,
      { id: sp1 },
    );
    expect(r.errors).toBeUndefined();
    const h = r.data!.indicatorHits.find((x) => x.indicatorId === 'shared-phone')!;
    expect(h.graph.nodes.map((n) => n.id).sort()).toEqual([...h.entityIds].sort());
    expect(h.graph.edges.map((e) => e.id)).toContain(spLink1);
  });

  it('lists flagged people and premises filtered by indicator and type, sorted and paged', async () => {
    const Q = `query ($filter: FlaggedFilter, $sort: FlaggedSort, $first: Int, $after: String) { flagged(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id type label score indicatorScore indicatorIds hits { indicatorId } } } } }`;
    type F = { flagged: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; type: string; label: string; score: number; indicatorIds: string[] } }[] } };
    const all = await server.graphql<F>(Q, { filter: { indicatorIds: ['multi-premises-controller'], types: ['PREMISES'] }, sort: { field: 'LABEL' }, first: 500 });
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.flagged.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining([mc1, mc2]));
    expect(nodes.map((n) => n.id)).not.toContain(ml1);
    expect(nodes.every((n) => n.type === 'PREMISES' && n.indicatorIds.includes('multi-premises-controller'))).toBe(true);
    const labels = nodes.map((n) => n.label.toLowerCase());
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    // Paging: two pages of one give the first two.
    const p1 = await server.graphql<F>(Q, { filter: { indicatorIds: ['multi-premises-controller'], types: ['PREMISES'] }, sort: { field: 'LABEL' }, first: 1 });
    const p2 = await server.graphql<F>(Q, { filter: { indicatorIds: ['multi-premises-controller'], types: ['PREMISES'] }, sort: { field: 'LABEL' }, first: 1, after: p1.data!.flagged.pageInfo.endCursor });
    expect([p1.data!.flagged.edges[0]!.node.id, p2.data!.flagged.edges[0]!.node.id]).toEqual(nodes.slice(0, 2).map((n) => n.id));
    expect(p1.data!.flagged.totalCount).toBe(nodes.length);
    // By score, highest first.
    const byScore = await server.graphql<F>(Q, { filter: { types: ['PREMISES'] }, first: 50 });
    const scores = byScore.data!.flagged.edges.map((e) => e.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const bad = await server.graphql(Q, { filter: { indicatorIds: ['no-such-rule'] } });
    expect(bad.errors?.[0]?.message).toMatch(/filter\.indicatorIds\[0\]: "no-such-rule" is not an indicator/);
  });
});
