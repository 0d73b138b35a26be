/**
 * Risk profiles through GraphQL on the demo (loaded by the global setup): the list of people with
 * a combination of risk factors is exactly the demo's planted list, each profile is explained
 * factor by factor with its source records, and a partner's profiles rest only on what partners
 * may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../../seed/demo/index.ts';
import { startTestServer, testGateway, type TestServer } from '../../testing/harness.ts';

const { data, truth } = demo();
const demoPeople = new Set(data.entities.filter((e) => e.type === 'PERSON').map((e) => e.id));
// The eve of Operation Kestrel, when the demo's risk review was done.
const AS_OF = '2025-06-22';

const LIST = `query ($filter: RiskProfilesFilter, $asOf: Date, $first: Int, $after: String) { riskProfiles(filter: $filter, asOf: $asOf, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { personId label score combination distinctFactors factorKinds } } } }`;
type List = { riskProfiles: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { personId: string; score: number; combination: boolean; distinctFactors: number; factorKinds: string[] } }[] } };

const PROFILE = `query ($id: ID!, $asOf: Date) { riskProfile(personId: $id, asOf: $asOf) {
  personId label score combination distinctFactors explanation asOf rulesVersion rules { id met }
  factors { kind label score counted evidence { kind origin entityId linkId date ageDays weight gradeMultiplier statusMultiplier decay contribution counted note grading { code handlingCode } sourceIds sources { id source summary } } }
} }`;

let server: TestServer;
beforeAll(async () => {
  // Whole-graph reads on a 2-core machine shared with other work: a longer per-query limit than the default 15 s.
  server = await startTestServer({ gateway: testGateway({ queryTimeoutMs: 90_000 }) });
}, 120_000);
afterAll(async () => {
  await server.close();
});

async function all(client: Pick<TestServer, 'graphql'>, filter: Record<string, unknown>) {
  const out: List['riskProfiles']['edges'][number]['node'][] = [];
  let after: string | null = null;
  for (;;) {
    const r: { data?: List | null; errors?: unknown } = await client.graphql<List>(LIST, { filter, asOf: AS_OF, first: 100, after });
    expect(r.errors).toBeUndefined();
    out.push(...r.data!.riskProfiles.edges.map((e) => e.node));
    if (!r.data!.riskProfiles.pageInfo.hasNextPage) return out;
    after = r.data!.riskProfiles.pageInfo.endCursor;
  }
}

describe('risk profiles on the demo', () => {
  it('finds exactly the demo’s people with a combination of risk factors (84), highest score first', async () => {
    const found = await all(server, { combinationOnly: true });
    const ids = found.map((p) => p.personId).filter((id) => demoPeople.has(id)).sort();
    expect(ids).toHaveLength(84);
    expect(ids).toEqual(truth.riskFactorCombination);
    expect(found.every((p) => p.combination && p.distinctFactors >= 2)).toBe(true);
    const scores = found.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Everyone with a counted factor includes the 26 with a single one.
    const single = (await all(server, {})).filter((p) => demoPeople.has(p.personId) && !p.combination);
    expect(single.length).toBeGreaterThanOrEqual(26);
  });

  it('explains a controller’s score factor by factor, with grades, dates, contributions and source records', async () => {
    const id = truth.networks[0]!.controllerIds[0]!;
    const r = await server.graphql<{ riskProfile: Record<string, unknown> & { score: number; factors: { kind: string; score: number; counted: boolean; evidence: Record<string, unknown>[] }[]; explanation: string } }>(PROFILE, { id, asOf: '2025-10-01' });
    expect(r.errors).toBeUndefined();
    const p = r.data!.riskProfile;
    expect(p).toMatchObject({ personId: id, combination: true, asOf: '2025-10-01', rulesVersion: 'risk-rules.v1', rules: [{ id: 'two-or-more-distinct', met: true }] });
    const kinds = p.factors.map((f) => f.kind);
    expect(kinds).toContain('ORGANISED_CRIME');
    // The trafficking and controlling-prostitution offences of the June operation count as MSHT offending.
    expect(kinds).toContain('MSHT_OFFENDING');
    for (const f of p.factors) {
      for (const e of f.evidence) {
        expect((e.sources as unknown[]).length).toBeGreaterThan(0);
        expect(e.contribution).toBeCloseTo((e.weight as number) * (e.gradeMultiplier as number) * (e.statusMultiplier as number) * (e.decay as number), 3);
        expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(p.score).toBeCloseTo(p.factors.reduce((s, f) => s + f.score, 0), 3);
    expect(p.explanation).toMatch(/distinct factors: .*Meets two-or-more-distinct\./);
  });

  it('says nothing about a person it cannot find, and names a bad date', async () => {
    const none = await server.graphql<{ riskProfile: unknown }>(PROFILE, { id: 'person-no-such' });
    expect(none.errors).toBeUndefined();
    expect(none.data!.riskProfile).toBeNull();
    const bad = await server.graphql(PROFILE, { id: truth.riskFactorCombination[0], asOf: '2025-13-01' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rests a partner’s profiles only on what partners may see (no VRU register entries, handled C)', async () => {
    const partner = await server.as('partner');
    const analystList = await all(server, { combinationOnly: true });
    const partnerList = await all(partner, { combinationOnly: true });
    expect(partnerList.length).toBeLessThan(analystList.length);
    const id = partnerList.find((p) => demoPeople.has(p.personId))?.personId ?? truth.riskFactorCombination[0]!;
    const r = await partner.graphql<{ riskProfile: { factors: { evidence: { grading: { handlingCode: string } }[] }[] } | null }>(PROFILE, { id, asOf: AS_OF });
    expect(r.errors).toBeUndefined();
    for (const e of r.data!.riskProfile?.factors.flatMap((f) => f.evidence) ?? []) expect(e.grading.handlingCode).toBe('P');
  });

  it('publishes the rules in force', async () => {
    const r = await server.graphql<{ riskRules: { version: string; factors: { kind: string; weight: number; halfLifeDays: number }[]; combinations: { id: string; minDistinctFactors: number }[]; text: string } }>(
      `{ riskRules { version factors { kind label weight halfLifeDays maxAgeDays } combinations { id description minDistinctFactors anyOf minScore } text } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.riskRules.version).toBe('risk-rules.v1');
    expect(r.data!.riskRules.combinations).toContainEqual(expect.objectContaining({ id: 'two-or-more-distinct', minDistinctFactors: 2 }));
    expect(r.data!.riskRules.text).toContain('halfLifeDays');
  });
});
