/**
 * Red-team (docs/security.md, "Attacks tried"): a source record's summary is free text that may
 * name the person it is about (an analyst's provenance, an import mapping's summary template, an
 * FtM record's "Person <name>"). Exports and briefings withheld the summary of a record cited by a
 * masked potential victim, or by a link touching one; the API gave it to anyone who asked for
 * `sources { summary }` of the victim or of such a link, so a viewer read the name that the
 * pseudonym hides. Analysts' notes on a victim were hidden, but not those on her links, in the API
 * and in masked snapshots. One rule (aboutMasked, withheldSources in entity.mapper.ts) now decides
 * all of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../../testing/harness.ts';
import { runOffline } from '../../testing/statements.ts';

const TAG = 'rtsrc';
const NAME = 'Zofia Redteamska';
let records = 0;
const provenance = (summary: string) => ({ source: `test-${TAG}-${process.pid}`, recordKey: `r-${(records += 1)}`, sourceEvaluation: 'RELIABLE', intelligenceAssessment: 'B', handlingCode: 'P', summary });

describe('source records and notes of a masked potential victim', () => {
  let server: TestServer;
  let viewer: TestClient;
  let unmasked: TestClient;
  const person = `person-${TAG}-${process.pid}`;
  const premises = `premises-${TAG}-${process.pid}`;
  const offence = `offence-${TAG}-${process.pid}`;
  let worksAt = '';

  beforeAll(async () => {
    server = await startTestServer();
    [viewer, unmasked] = await Promise.all([server.as('viewer'), server.as('analyst', { needToKnow: true, unmask: 'Red-team test: the summaries are there' })]);
    const create = 'mutation($i: CreateEntityInput!) { createEntity(input: $i) { id } }';
    const link = 'mutation($i: CreateLinkInput!) { createLink(input: $i) { id } }';
    const made = [
      await server.graphql(create, { i: { id: person, type: 'PERSON', properties: [{ name: 'givenName', value: 'Zofia' }, { name: 'familyName', value: 'Redteamska' }], provenance: provenance(`NRM referral for ${NAME}`) } }),
      await server.graphql(create, { i: { id: premises, type: 'PREMISES', properties: [{ name: 'name', value: 'Red Team Rooms' }, { name: 'postcode', value: 'SW1A 2AA' }], provenance: provenance('Premises licence') } }),
      await server.graphql(create, { i: { id: offence, type: 'OFFENCE', properties: [{ name: 'category', value: 'MODERN_SLAVERY' }, { name: 'occurredOn', value: '2024-05-01' }], provenance: provenance('Crime recorded') } }),
    ];
    for (const m of made) expect(m.errors).toBeUndefined();
    // The VICTIM role makes her a potential victim; the stay's record names her.
    expect((await server.graphql(link, { i: { type: 'INVOLVED_IN', source: person, target: offence, role: 'VICTIM', provenance: provenance('Victim of the offence') } })).errors).toBeUndefined();
    const works = await server.graphql<{ createLink: { id: string } }>(link, { i: { type: 'WORKS_AT', source: person, target: premises, validFrom: '2024-01-01', provenance: provenance(`${NAME} seen working at the rooms`) } });
    expect(works.errors).toBeUndefined();
    worksAt = works.data!.createLink.id;
    const note = await server.graphql('mutation($t: ID!, $x: String!) { annotate(targetId: $t, text: $x) { id } }', { t: worksAt, x: `${NAME} says she is not paid` });
    expect(note.errors).toBeUndefined();
  });

  afterAll(async () => {
    await runOffline(server.gateway, 'testing/remove-fixture', { ids: [person, premises, offence], prefix: `src-${TAG}-`, source: `test-${TAG}-${process.pid}` });
    await server?.close();
  });

  const PERSON = `query($id: ID!) { entity(id: $id) { label ... on Person { potentialVictim } sources { recordKey summary } } }`;
  const AROUND = `query($id: ID!, $link: ID!) {
    entity(id: $id) { links(first: 10) { edges { node { id sources { recordKey summary } annotations { text } } } } }
    link(id: $link) { sources { recordKey summary } annotations { text } source { label } }
  }`;

  it('gives a caller who has not unmasked her records, and the records of her links, without their summaries', async () => {
    for (const c of [viewer, server]) {
      const own = await c.graphql<{ entity: { label: string; potentialVictim: boolean; sources: { recordKey: string; summary: string | null }[] } }>(PERSON, { id: person });
      expect(own.errors).toBeUndefined();
      expect(own.data!.entity).toMatchObject({ label: expect.stringMatching(/^Protected person /), potentialVictim: true });
      // The records are still listed (with their keys and gradings), only the summary is withheld.
      expect(own.data!.entity.sources.length).toBeGreaterThan(0);
      const around = await c.graphql(AROUND, { id: premises, link: worksAt });
      expect(around.errors).toBeUndefined();
      expect(JSON.stringify([own, around])).not.toContain('Redteamska');
    }
  });

  it('leaves the notes on her links out of a masked snapshot, and their records\' summaries', async () => {
    const made = await server.graphql<{ createSnapshot: { masked: boolean; content: unknown } }>(
      'mutation($i: CreateSnapshotInput!) { createSnapshot(input: $i) { masked content } }',
      { i: { title: `Red-team ${TAG} ${process.pid}`, purpose: 'red-team test', selection: { ids: [premises], hops: 1 } } },
    );
    expect(made.errors).toBeUndefined();
    expect(made.data!.createSnapshot.masked).toBe(true);
    const content = JSON.stringify(made.data!.createSnapshot.content);
    expect(content).toContain(worksAt);
    expect(content).not.toContain('Redteamska');
  });

  it('gives an unmasked analyst the summaries, and the premises\' own record to everyone', async () => {
    const own = await unmasked.graphql(PERSON, { id: person });
    const around = await unmasked.graphql(AROUND, { id: premises, link: worksAt });
    expect(JSON.stringify(own)).toContain(`NRM referral for ${NAME}`);
    expect(JSON.stringify(around)).toContain(`${NAME} seen working at the rooms`);
    expect(JSON.stringify(around)).toContain(`${NAME} says she is not paid`);
    const premisesOwn = await viewer.graphql<{ entity: { sources: { summary: string | null }[] } }>(PERSON, { id: premises });
    expect(premisesOwn.data!.entity.sources.map((s) => s.summary)).toContain('Premises licence');
  });
});
