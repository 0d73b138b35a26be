/**
 * What each role sees on each read path, on the demo data: partners only facts with handling code P
 * and classification OFFICIAL (hidden facts cannot be reached through paths either); potential
 * victims masked for everyone without need-to-know and an unmask reason; writes for analysts and
 * admins; the audit log for admins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../db/scope.ts';
import { startTestServer, testGateway, type TestClient, type TestServer } from '../../testing/harness.ts';
import { runOffline } from '../../testing/statements.ts';
import { demoEntityIds } from '../../testing/test-data.ts';

interface Fixture { a: string; v: string; h: string; hLabel: string; hType: string; y: string }
interface Victim { id: string; fullName: string; label: string; dateOfBirth: string }

type Ids = { nodes: { id: string; label: string }[]; edges: { id: string; source: string; target: string }[] };

describe('access by role on every read path', () => {
  const gateway = testGateway();
  let server: TestServer;
  let f: Fixture;
  let victim: Victim;
  let shareableVictim: Victim | undefined;
  const as: Record<string, TestClient> = {};

  beforeAll(async () => {
    server = await startTestServer({ gateway });
    f = (await runOffline(gateway, 'testing/access-fixture', { demo: demoEntityIds() }))[0] as unknown as Fixture;
    victim = (await runOffline(gateway, 'testing/victim-fixture', { shareable: false, demo: demoEntityIds() }))[0] as unknown as Victim;
    shareableVictim = (await runOffline(gateway, 'testing/victim-fixture', { shareable: true, demo: demoEntityIds() }))[0] as unknown as Victim | undefined;
    as.admin = await server.as('admin');
    as.analyst = server;
    as.viewer = await server.as('viewer');
    as.partner = await server.as('partner');
  });
  afterAll(async () => {
    await server.close();
    await gateway.close();
  });

  it('has a fixture: a shareable entity with a hidden neighbour on a two-link path', () => {
    expect(f).toBeDefined();
    expect(victim).toBeDefined();
  });

  const ROLES = ['admin', 'analyst', 'viewer', 'partner'] as const;
  const seesAll = (role: string) => role !== 'partner';

  for (const role of ROLES) {
    describe(`as ${role}`, () => {
      it(`entity: ${seesAll(role) ? 'finds' : 'does not find'} the hidden entity; finds the shareable one`, async () => {
        const r = await as[role]!.graphql<{ h: { id: string } | null; a: { id: string } | null }>(
          'query($h: ID!, $a: ID!) { h: entity(id: $h) { id } a: entity(id: $a) { id } }',
          { h: f.h, a: f.a },
        );
        expect(r.errors).toBeUndefined();
        expect(r.data?.a?.id).toBe(f.a);
        expect(r.data?.h?.id ?? null).toBe(seesAll(role) ? f.h : null);
      });

      it(`search: ${seesAll(role) ? 'finds' : 'does not find'} the hidden entity by its name`, async () => {
        const r = await as[role]!.graphql<{ search: { edges: { node: { id: string } }[] } }>(
          'query($t: String!) { search(text: $t, first: 100) { edges { node { id } } } }',
          { t: f.hLabel },
        );
        expect(r.errors).toBeUndefined();
        expect(r.data!.search.edges.some((e) => e.node.id === f.h)).toBe(seesAll(role));
      });

      it(`neighbourhood and entity links: the hidden neighbour ${seesAll(role) ? 'appears' : 'and its link are left out'}`, async () => {
        const r = await as[role]!.graphql<{ neighbourhood: Ids; entity: { links: { edges: { other: { id: string } }[] } } }>(
          'query($a: ID!) { neighbourhood(ids: [$a], hops: 1, limit: 500) { nodes { id label } edges { id source target } } entity(id: $a) { links(first: 200) { edges { other { id } } } } }',
          { a: f.a },
        );
        expect(r.errors).toBeUndefined();
        const ids = r.data!.neighbourhood.nodes.map((n) => n.id);
        expect(ids).toContain(f.v);
        expect(ids.includes(f.h)).toBe(seesAll(role));
        expect(r.data!.neighbourhood.edges.some((e) => e.source === f.h || e.target === f.h)).toBe(seesAll(role));
        expect(r.data!.entity.links.edges.some((e) => e.other.id === f.h)).toBe(seesAll(role));
      });

      it(`paths: ${seesAll(role) ? 'go through' : 'never go through'} the hidden entity`, async () => {
        const r = await as[role]!.graphql<{ paths: Ids }>('query($a: ID!, $y: ID!) { paths(from: $a, to: $y, maxLength: 2, limit: 100) { nodes { id label } edges { id source target } } }', {
          a: f.a,
          y: f.y,
        });
        expect(r.errors).toBeUndefined();
        expect(r.data!.paths.nodes.some((n) => n.id === f.h)).toBe(seesAll(role));
        if (!seesAll(role)) {
          const hidden = r.data!.paths.nodes.filter((n) => n.id !== f.a && n.id !== f.y);
          for (const n of hidden) expect((await as.partner!.graphql<{ entity: unknown }>('query($id: ID!) { entity(id: $id) { id } }', { id: n.id })).data?.entity).not.toBeNull();
        }
      });

      it(`subgraph, connecting network, common neighbours and timeline ${seesAll(role) ? 'include' : 'leave out'} the hidden entity`, async () => {
        const r = await as[role]!.graphql<{ subgraph: Ids; connectingNetwork: Ids; commonNeighbours: { node: { id: string } }[]; timeline: { entityIds: string[] }[] }>(
          `query($a: ID!, $v: ID!, $y: ID!) {
             subgraph(ids: [$a, $v]) { nodes { id label } edges { id source target } }
             connectingNetwork(ids: [$a, $y], maxLength: 2) { nodes { id label } edges { id source target } }
             commonNeighbours(ids: [$a, $y], minShared: 1, limit: 200) { node { id } }
             timeline(ids: [$a], limit: 2000) { entityIds }
           }`,
          { a: f.a, v: f.v, y: f.y },
        );
        expect(r.errors).toBeUndefined();
        const d = r.data!;
        expect(d.subgraph.nodes.map((n) => n.id).sort()).toEqual([f.a, f.v].sort());
        expect(d.connectingNetwork.nodes.some((n) => n.id === f.h)).toBe(seesAll(role));
        expect(d.commonNeighbours.some((c) => c.node.id === f.h)).toBe(seesAll(role));
        if (!seesAll(role)) expect(d.timeline.flatMap((t) => t.entityIds)).not.toContain(f.h);
      });

      it('asking for the hidden entity by id answers exactly as for an id that does not exist', async () => {
        const q = 'query($id: ID!) { subgraph(ids: [$id]) { nodes { id } } }';
        const hidden = await as[role]!.graphql(q, { id: f.h });
        const missing = await as[role]!.graphql(q, { id: 'person-does-not-exist' });
        if (seesAll(role)) expect(hidden.errors).toBeUndefined();
        else expect(hidden.errors?.[0]?.extensions?.code).toBe(missing.errors?.[0]?.extensions?.code);
      });

      it('sees potential victims masked: pseudonym, year of birth only, no identifiers', async () => {
        if (role === 'partner' && !shareableVictim) {
          // No potential victim in the demo is shareable with partners: a partner sees none, masked or not.
          const r = await as[role]!.graphql<{ entity: unknown }>('query($id: ID!) { entity(id: $id) { id label } }', { id: victim.id });
          expect(r.errors).toBeUndefined();
          expect(r.data!.entity).toBeNull();
          return;
        }
        const v = role === 'partner' ? shareableVictim! : victim;
        const r = await as[role]!.graphql<{ entity: Record<string, unknown> }>(
          'query($id: ID!) { entity(id: $id) { id label ... on Person { fullName dateOfBirth birthYear masked aliases passportNumber niNumber } } }',
          { id: v.id },
        );
        expect(r.errors).toBeUndefined();
        expect(r.data!.entity).toMatchObject({
          label: pseudonym(server.pseudonymKey, v.id),
          fullName: pseudonym(server.pseudonymKey, v.id),
          dateOfBirth: null,
          birthYear: Number(v.dateOfBirth.slice(0, 4)),
          masked: true,
          aliases: [],
          passportNumber: null,
          niNumber: null,
        });
        expect(JSON.stringify(r.data)).not.toContain(v.fullName);
      });

      it(`${['admin', 'analyst'].includes(role) ? 'may' : 'may not'} write`, async () => {
        const r = await as[role]!.graphql<{ ping: boolean }>('mutation { ping }');
        if (['admin', 'analyst'].includes(role)) expect(r.data?.ping).toBe(true);
        else expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      });

      it(`${role === 'admin' ? 'may' : 'may not'} read the audit log, users and tokens`, async () => {
        const r = await as[role]!.graphql<{ auditLog: { entries: unknown[] } }>('{ auditLog(first: 5) { entries { seq actor } } }');
        if (role === 'admin') expect(r.errors).toBeUndefined();
        else expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const u = await as[role]!.graphql('{ users { id } apiTokens { id } }');
        if (role === 'admin') expect(u.errors).toBeUndefined();
        else expect(u.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      });

      it('is told what it may do in me { capabilities }, which the workspace reads instead of the role', async () => {
        const expected = { admin: ['read', 'readUnshareable', 'write', 'administer'], analyst: ['read', 'readUnshareable', 'write'], viewer: ['read', 'readUnshareable'], partner: ['read'] }[role];
        const r = await as[role]!.graphql<{ me: { role: string; capabilities: string[] } }>('{ me { role capabilities } }');
        expect(r.data?.me).toEqual({ role, capabilities: expected });
      });
    });
  }

  describe('unmasking', () => {
    const q = 'query($id: ID!) { entity(id: $id) { label ... on Person { fullName dateOfBirth masked } } me { unmasked } }';

    it('is refused to a viewer or partner, even with need-to-know', async () => {
      for (const role of ['viewer', 'partner'] as const) {
        const c = await server.as(role, { needToKnow: true, unmask: 'Case 17: safeguarding review' });
        const r = await c.graphql(q, { id: victim.id });
        expect(r.status).toBe(403);
        expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('is refused to an analyst without need-to-know', async () => {
      const c = await server.as('analyst', { unmask: 'curious' });
      expect((await c.graphql(q, { id: victim.id })).status).toBe(403);
    });

    it('lists unmask among the capabilities of a need-to-know analyst, and of no need-to-know viewer', async () => {
      const me = '{ me { capabilities } }';
      const analyst = await (await server.as('analyst', { needToKnow: true })).graphql<{ me: { capabilities: string[] } }>(me);
      expect(analyst.data?.me.capabilities).toContain('unmask');
      const viewer = await (await server.as('viewer', { needToKnow: true })).graphql<{ me: { capabilities: string[] } }>(me);
      expect(viewer.data?.me.capabilities).not.toContain('unmask');
    });

    it('keeps victims masked for a need-to-know analyst until they give a reason', async () => {
      const c = await server.as('analyst', { needToKnow: true });
      const r = await c.graphql<{ entity: { label: string; masked: boolean } }>(q, { id: victim.id });
      expect(r.data?.entity).toMatchObject({ label: pseudonym(server.pseudonymKey, victim.id), masked: true });
    });

    it('shows a need-to-know analyst who gives a reason the identity', async () => {
      const c = await server.as('analyst', { needToKnow: true, unmask: 'OP-KESTREL NRM referral follow-up' });
      const r = await c.graphql<{ entity: { label: string; fullName: string; dateOfBirth: string; masked: boolean }; me: { unmasked: boolean } }>(q, { id: victim.id });
      expect(r.errors).toBeUndefined();
      expect(r.data).toMatchObject({ entity: { fullName: victim.fullName, dateOfBirth: victim.dateOfBirth, masked: false }, me: { unmasked: true } });
    });

    it('keeps victims out of name search while masked, and finds them when unmasked', async () => {
      const s = 'query($t: String!) { search(text: $t, first: 50) { edges { node { id label } } } }';
      const masked = await server.graphql<{ search: { edges: { node: { id: string; label: string } }[] } }>(s, { t: victim.fullName });
      expect(masked.data!.search.edges.map((e) => e.node.id)).not.toContain(victim.id);
      expect(JSON.stringify(masked.data)).not.toMatch(new RegExp(pseudonym(server.pseudonymKey, victim.id)));
      const c = await server.as('analyst', { needToKnow: true, unmask: 'Case 17' });
      const open = await c.graphql<{ search: { edges: { node: { id: string } }[] } }>(s, { t: victim.fullName });
      expect(open.data!.search.edges.map((e) => e.node.id)).toContain(victim.id);
    });

    it('masks victims in neighbourhoods and timelines, not only in entity reads', async () => {
      const r = await server.graphql<{ neighbourhood: Ids; timeline: { description: string }[] }>(
        'query($id: ID!) { neighbourhood(ids: [$id], hops: 1, limit: 500) { nodes { id label } edges { id source target } } timeline(ids: [$id]) { description } }',
        { id: victim.id },
      );
      expect(r.errors).toBeUndefined();
      expect(JSON.stringify(r.data)).not.toContain(victim.fullName);
      expect(r.data!.neighbourhood.nodes.find((n) => n.id === victim.id)?.label).toBe(pseudonym(server.pseudonymKey, victim.id));
    });
  });
});
