/**
 * Stays and circuits through GraphQL on the demo: from the premises an operation visited, the
 * circuits finder finds a planted rotation (truth.rotations) with its stays as evidence; a
 * partner gets no stay, person or premises partners may not see; a caller without an unmask sees
 * potential victims by their pseudonyms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../../seed/demo/index.ts';
import { startTestServer, testGateway, type TestServer } from '../../testing/harness.ts';
import { runOffline } from '../../testing/statements.ts';
import { MAX_CIRCUIT_STAYS } from './stays.service.ts';

const { truth } = demo();
const ENTITY = 'id label ... on Person { fullName potentialVictim } grading { handlingCode classification }';
const STAY = `id type validFrom validTo person { ${ENTITY} } premises { ${ENTITY} } grading { handlingCode classification }`;
interface E { id: string; label: string; fullName?: string | null; potentialVictim?: boolean; grading: { handlingCode: string; classification: string } }
interface S { id: string; type: string; validFrom: string; validTo: string | null; person: E; premises: E; grading: E['grading'] }
interface CS { id: string; type: string; personId: string; premisesId: string; validFrom: string; validTo: string | null; grading: E['grading'] }
interface N { id: string; label: string; potentialVictim: boolean; grading: E['grading'] }
interface C { kind: string; people: N[]; premises: N[]; from: string; to: string | null; moves: number; stays: CS[] }
const NODE = 'id label potentialVictim grading { handlingCode classification }';
const CSTAY = 'id type personId premisesId validFrom validTo grading { handlingCode classification }';

const shareable = (g: E['grading']) => g.handlingCode === 'P' && g.classification === 'OFFICIAL';

let server: TestServer;
let premisesIds: string[];
const op = truth.operations[0]!;
beforeAll(async () => {
  server = await startTestServer({ gateway: testGateway({ queryTimeoutMs: 90_000 }) });
  const r = await server.graphql<{ operationDashboard: { premisesIds: string[] } }>(`query ($id: ID!) { operationDashboard(operationId: $id) { premisesIds } }`, { id: op.id });
  premisesIds = r.data!.operationDashboard.premisesIds;
}, 180_000);
afterAll(async () => {
  await server?.close();
});

describe(`stays and circuits from the premises ${op.name} visited`, () => {
  it('finds a planted rotation, with its stays as evidence', async () => {
    const analyst = await server.as('analyst', { needToKnow: true, unmask: 'Circuits test: matching the planted rotations' });
    const r = await analyst.graphql<{ circuits: C[] }>(`query ($ids: [ID!]!) { circuits(ids: $ids) { kind people { id } premises { id } from to moves stays { ${CSTAY} } } }`, { ids: premisesIds });
    expect(r.errors).toBeUndefined();
    const visited = new Set(premisesIds);
    const planted = truth.rotations.filter((t) => t.premisesIds.some((p) => visited.has(p)));
    expect(planted.length).toBeGreaterThan(0);
    const found = planted.filter((t) => r.data!.circuits.some((c) => c.kind === 'PERSON' && c.people[0]!.id === t.personId));
    expect(found.length / planted.length).toBeGreaterThanOrEqual(0.9);
    const t = found[0]!;
    const c = r.data!.circuits.find((c) => c.kind === 'PERSON' && c.people[0]!.id === t.personId)!;
    const plantedStays = new Set(t.stays.map((s) => `${s.premisesId}|${s.from}|${s.to}`));
    // Every stay of the circuit is one the scenario planted, in order, through two premises or more.
    expect(c.stays.length).toBeGreaterThanOrEqual(2);
    for (const s of c.stays) {
      expect(s.type).toBe('WORKS_AT');
      expect(s.personId).toBe(t.personId);
      expect(plantedStays.has(`${s.premisesId}|${s.validFrom}|${s.validTo}`), `${s.premisesId} ${s.validFrom}..${s.validTo}`).toBe(true);
    }
    expect(c.stays.map((s) => s.validFrom)).toEqual([...c.stays.map((s) => s.validFrom)].sort());
    expect(new Set(c.premises.map((p) => p.id))).toEqual(new Set(c.stays.map((s) => s.premisesId)));
    expect(c.premises.length).toBeGreaterThanOrEqual(2);
    expect(c.from).toBe(c.stays[0]!.validFrom);
  });

  it('gives the stays of a rotating worker in a date range, and refuses a range that ends before it begins', async () => {
    const t = truth.rotations[0]!;
    const s = t.stays[1]!;
    const r = await server.graphql<{ stays: S[] }>(`query ($ids: [ID!]!, $from: Date, $to: Date) { stays(ids: $ids, from: $from, to: $to) { ${STAY} } }`, { ids: [t.personId], from: s.from, to: s.to });
    expect(r.errors).toBeUndefined();
    const works = r.data!.stays.filter((x) => x.type === 'WORKS_AT');
    expect(works.some((x) => x.premises.id === s.premisesId && x.validFrom === s.from)).toBe(true);
    // The stays before and after only touch the range by a day, or not at all.
    for (const x of r.data!.stays) {
      expect(x.validFrom <= s.to).toBe(true);
      expect(x.validTo === null || x.validTo >= s.from).toBe(true);
    }
    const bad = await server.graphql(`{ stays(ids: ["${t.personId}"], from: "2025-09-01", to: "2025-01-01") { id } }`);
    expect(bad.errors?.[0]?.message).toMatch(/^from: 2025-09-01 is after to/);
  });

  it('gives the stays as known on a day: those recorded after it are left out', async () => {
    const Q = `query ($ids: [ID!]!, $asKnownOn: Date) { stays(ids: $ids, asKnownOn: $asKnownOn) { id recordedAt } }`;
    const ids = truth.rotations.slice(0, 6).map((r) => r.personId);
    const all = (await server.graphql<{ stays: { id: string; recordedAt: string | null }[] }>(Q, { ids })).data!.stays;
    const days = all.map((s) => s.recordedAt!.slice(0, 10)).sort();
    const day = days[Math.floor(days.length / 2)]!;
    const known = await server.graphql<{ stays: { id: string; recordedAt: string | null }[] }>(Q, { ids, asKnownOn: day });
    expect(known.errors).toBeUndefined();
    const expected = all.filter((s) => s.recordedAt!.slice(0, 10) <= day).map((s) => s.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(known.data!.stays.map((s) => s.id).sort()).toEqual(expected);
  });

  it('follows the people found at the premises to all their stays in one request (followPeople), as two reads would, within the caller\'s scope', async () => {
    const Q = `query ($ids: [ID!]!, $follow: Boolean) { stays(ids: $ids, followPeople: $follow) { id person { id } premises { id } } }`;
    type R = { stays: { id: string; person: { id: string }; premises: { id: string } }[] };
    for (const [who, caller] of [['analyst', await server.as('analyst')], ['partner', await server.as('partner')]] as const) {
      const at = await caller.graphql<R>(Q, { ids: premisesIds });
      expect(at.errors).toBeUndefined();
      const people = [...new Set(at.data!.stays.map((s) => s.person.id))];
      expect(people.length).toBeGreaterThan(0);
      const theirs = await caller.graphql<R>(Q, { ids: people });
      const followed = await caller.graphql<R>(Q, { ids: premisesIds, follow: true });
      expect(followed.errors).toBeUndefined();
      expect(followed.data!.stays.map((s) => s.id).sort()).toEqual(theirs.data!.stays.map((s) => s.id).sort());
      // The workers were followed to premises the operation did not visit (those an analyst sees).
      const visited = new Set(premisesIds);
      if (who === 'analyst') expect(followed.data!.stays.some((s) => !visited.has(s.premises.id))).toBe(true);
    }
    // People alone: their own stays, as without followPeople.
    const one = truth.rotations[0]!.personId;
    const own = await server.graphql<R>(Q, { ids: [one] });
    const same = await server.graphql<R>(Q, { ids: [one], follow: true });
    expect(same.data!.stays.map((s) => s.id)).toEqual(own.data!.stays.map((s) => s.id));
    // Nobody found: no stays, not an error.
    const none = await server.graphql<R>(Q, { ids: ['no-such-premises'], follow: true });
    expect(none.errors).toBeUndefined();
    expect(none.data!.stays).toEqual([]);
  });

  it('shows a partner no stay, person or premises partners may not see, and a viewer potential victims by pseudonym only', async () => {
    const Q = `query ($ids: [ID!]!) { stays(ids: $ids) { ${STAY} } circuits(ids: $ids) { people { ${NODE} } premises { ${NODE} } stays { ${CSTAY} } } }`;
    const analyst = await server.as('analyst', { needToKnow: true, unmask: 'Circuits test: what partners may not see' });
    const full = await analyst.graphql<{ stays: S[]; circuits: C[] }>(Q, { ids: premisesIds });
    const partner = await server.as('partner');
    const part = await partner.graphql<{ stays: S[]; circuits: C[] }>(Q, { ids: premisesIds });
    expect(full.errors).toBeUndefined();
    expect(part.errors).toBeUndefined();
    const hidden = full.data!.stays.filter((s) => !shareable(s.grading) || !shareable(s.person.grading) || !shareable(s.premises.grading));
    // The probe reaches stays partners may not see, so the check below means something.
    expect(hidden.length).toBeGreaterThan(0);
    const partStays = part.data!.stays;
    expect(partStays.length).toBeGreaterThan(0);
    for (const s of partStays) {
      expect(shareable(s.grading) && shareable(s.person.grading) && shareable(s.premises.grading), s.id).toBe(true);
    }
    for (const c of part.data!.circuits) {
      for (const e of [...c.people, ...c.premises]) expect(shareable(e.grading), e.id).toBe(true);
      for (const s of c.stays) expect(shareable(s.grading), s.id).toBe(true);
    }
    const text = JSON.stringify(part.data);
    for (const s of hidden) if (!shareable(s.grading)) expect(text).not.toContain(`"${s.id}"`);
    // Potential victims: pseudonyms and no name, for a caller without an unmask (a viewer:
    // partners see none of the demo's victims' stays at all).
    const viewer = await server.as('viewer');
    const seen = await viewer.graphql<{ stays: S[]; circuits: C[] }>(Q, { ids: premisesIds });
    expect(seen.errors).toBeUndefined();
    const victims = new Set(truth.potentialVictims.map((v) => v.personId));
    const people: { id: string; label: string; fullName?: string | null }[] = [...seen.data!.stays.map((s) => s.person), ...seen.data!.circuits.flatMap((c) => c.people)].filter((p) => victims.has(p.id));
    expect(people.length).toBeGreaterThan(0);
    const names = new Set(full.data!.stays.filter((s) => victims.has(s.person.id)).map((s) => s.person.fullName));
    for (const p of people) {
      expect(p.label).toMatch(/^Protected person [0-9A-F]{6}$/);
      expect(names.has(p.fullName ?? null)).toBe(false);
    }
    for (const n of names) if (n) expect(JSON.stringify(seen.data)).not.toContain(n);
  });
});

describe('a circuits query over more stays than it may weigh', () => {
  const prefix = `crowded-${process.pid}-`;
  const premisesId = `${prefix}premises`;
  const people = MAX_CIRCUIT_STAYS + 1;
  afterAll(async () => {
    await runOffline(server.gateway, 'testing/remove-fixture', { ids: [premisesId, ...Array.from({ length: people }, (_, i) => `${prefix}${i + 1}`)], prefix, source: prefix });
  });

  it('is refused at once, naming the bound, for a partner as for anyone (pairing them would hold the server)', async () => {
    await runOffline(server.gateway, 'testing/crowded-premises', { premisesId, prefix, people });
    const partner = await server.as('partner');
    const started = Date.now();
    const r = await partner.graphql(`query ($ids: [ID!]!) { circuits(ids: $ids, windowDays: 3660) { kind } }`, { ids: [premisesId] });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toBe(`ids: the people and premises given reach more than ${MAX_CIRCUIT_STAYS} stays: give fewer ids.`);
    expect(Date.now() - started).toBeLessThan(20_000);
    // Occupancy of the same premises is still answered (its own, larger bound).
    const stays = await partner.graphql<{ stays: { id: string }[] }>(`query ($ids: [ID!]!) { stays(ids: $ids) { id } }`, { ids: [premisesId] });
    expect(stays.errors).toBeUndefined();
    expect(stays.data!.stays).toHaveLength(people);
    // Following its 5001 people is refused, naming the bound on the people followed.
    const followed = await partner.graphql(`query ($ids: [ID!]!) { stays(ids: $ids, followPeople: true) { id } }`, { ids: [premisesId] });
    expect(followed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(followed.errors?.[0]?.message).toBe(`ids: the people and premises given reach ${people} people, more than 1000 to follow: give fewer ids.`);
  }, 120_000);
});
