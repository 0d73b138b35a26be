import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness.ts';
import { runOffline } from '../../testing/statements.ts';
import { up as backfillCards } from '../../../cypher/schema/042_chart_card.ts';

const TAG = 'edit';
const provenance = (over: Record<string, unknown> = {}) => ({
  source: `test-${TAG}`,
  recordKey: 'r-1',
  sourceEvaluation: 'UNTESTED',
  intelligenceAssessment: 'C',
  handlingCode: 'P',
  ...over,
});
const ENTITY = `id type label properties { name value } grading { code handlingCode handlingConditions classification }
  sources { source recordKey grading { code } }
  ... on Person { givenName familyName fullName aliases dateOfBirth suspect potentialVictim safeguarded }
  ... on Phone { e164 }
  ... on Premises { postcode }
  annotations { text author }
  links(first: 10) { totalCount edges { node { id type role validFrom } other { id } } }`;
const CREATE = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { ${ENTITY} } }`;
const CREATE_LINK = `mutation ($input: CreateLinkInput!) { createLink(input: $input) { id type role validFrom validTo source { id } target { id label } grading { code } sources { recordKey } } }`;
const GET = `query ($id: ID!) { entity(id: $id) { ${ENTITY} } }`;

type E = Record<string, unknown> & { id: string; label: string; properties: { name: string; value: string }[] };

// In this order even when tests are shuffled (`--sequence.shuffle`): the recording times are read
// from the person and links the test before creates.
describe('editing and reading entities and links', { shuffle: false }, () => {
  let server: TestServer;
  const created: string[] = [];
  const id = (type: string, key: string) => `${type}-${TAG}-${key}`;
  const create = async (type: string, key: string, properties: Record<string, string | null>, prov = provenance()) => {
    const res = await server.graphql<{ createEntity: E }>(CREATE, {
      input: { id: id(type === 'PERSON' ? 'person' : type === 'PHONE' ? 'phone' : type === 'PREMISES' ? 'premises' : type.toLowerCase(), key), type, properties: Object.entries(properties).map(([name, value]) => ({ name, value })), provenance: prov },
    });
    if (res.data?.createEntity) created.push(res.data.createEntity.id);
    return res;
  };
  const link = (input: Record<string, unknown>) => server.graphql<{ createLink: Record<string, unknown> & { id: string } }>(CREATE_LINK, { input: { provenance: provenance(), ...input } });
  const get = async (entityId: string) => (await server.graphql<{ entity: E | null }>(GET, { id: entityId })).data?.entity;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await runOffline(server.gateway, 'testing/remove-fixture', { ids: created, prefix: `src-${TAG}-`, source: `test-${TAG}` });
    await server.close();
  });

  it('creates a typed entity with shaped properties, provenance and grading, and reads it back', async () => {
    const res = await create('PERSON', 'iva', { givenName: 'Iva', familyName: 'Petrovska', aliases: 'Ivka, Iva P', dateOfBirth: '1999-02-03' });
    expect(res.errors).toBeUndefined();
    const e = await get(id('person', 'iva'));
    expect(e).toMatchObject({
      type: 'PERSON', label: 'Iva Petrovska', givenName: 'Iva', fullName: 'Iva Petrovska', aliases: ['Ivka', 'Iva P'], dateOfBirth: '1999-02-03',
      suspect: false, grading: { code: '2-C-P', handlingCode: 'P', classification: 'OFFICIAL' }, sources: [{ source: `test-${TAG}`, recordKey: 'r-1', grading: { code: '2-C-P' } }],
    });
    expect(e!.properties).toContainEqual({ name: 'dateOfBirth', value: '1999-02-03' });
    // Phone numbers are unique in the store: this suite's are Leeds drama numbers, which neither the demo nor another suite uses.
    const phone = await create('PHONE', 'p1', { number: '+44 113 496 0555' });
    expect(phone.data?.createEntity).toMatchObject({ e164: '+441134960555', label: '0113 496 0555' });
  });

  it('names the bad field of a bad entity', async () => {
    const cases: [string, Record<string, string | null>, string][] = [
      ['PREMISES', { name: 'X', postcode: 'NOT A POSTCODE' }, 'input.properties.postcode'],
      ['PERSON', { givenName: 'A', dateOfBirth: '03/02/1999' }, 'input.properties.dateOfBirth'],
      ['PERSON', { givenName: 'A', shoeSize: '9' }, 'input.properties.shoeSize'],
      ['PHONE', { e164: 'call me' }, 'input.properties.e164'],
      ['PREMISES', { name: 'X', kind: 'CASINO' }, 'input.properties.kind'],
    ];
    for (const [type, props, argument] of cases) {
      const res = await create(type, `bad${argument.length}`, props);
      expect(res.errors?.[0]?.extensions, argument).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    const noConditions = await create('PERSON', 'cond', { givenName: 'A' }, provenance({ handlingCode: 'C' }));
    expect(noConditions.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.provenance.handlingConditions' });
    const badId = await server.graphql(CREATE, { input: { id: 'phone-x', type: 'PERSON', properties: [{ name: 'givenName', value: 'A' }], provenance: provenance() } });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
  });

  it('refuses a duplicate identity as a CONFLICT', async () => {
    expect((await create('PHONE', 'dup1', { e164: '0113 496 0556' })).errors).toBeUndefined();
    const res = await create('PHONE', 'dup2', { e164: '+441134960556' });
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0]?.message).toBe("That would duplicate an existing record: a Phone with e164 '+441134960556' already exists.");
  });

  it('updates an entity, re-shaping its label and keeping the best grading of its sources', async () => {
    await create('PERSON', 'upd', { givenName: 'Olek', familyName: 'Nowak', aliases: 'ON' }, provenance({ sourceEvaluation: 'NOT_RELIABLE', intelligenceAssessment: 'D', recordKey: 'r-upd' }));
    const q = `mutation ($id: ID!, $properties: [PropertyInput!]!, $provenance: ProvenanceInput!) { updateEntity(id: $id, properties: $properties, provenance: $provenance) { ${ENTITY} } }`;
    const res = await server.graphql<{ updateEntity: E }>(q, {
      id: id('person', 'upd'),
      properties: [{ name: 'familyName', value: 'Nowakowski' }, { name: 'aliases', value: null }],
      provenance: provenance({ sourceEvaluation: 'RELIABLE', intelligenceAssessment: 'B', handlingCode: 'C', handlingConditions: 'Not for disclosure', recordKey: 'r-upd-2', classification: 'OFFICIAL_SENSITIVE' }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateEntity).toMatchObject({
      label: 'Olek Nowakowski', aliases: [],
      grading: { code: '1-B-C', handlingConditions: 'Not for disclosure', classification: 'OFFICIAL_SENSITIVE' },
    });
    expect((res.data!.updateEntity.sources as unknown[]).length).toBe(2);
    const search = await server.graphql<{ search: { edges: { node: { id: string } }[] } }>(`{ search(text: "Nowakowski Olek") { edges { node { id } } } }`);
    expect(search.data!.search.edges[0]?.node.id).toBe(id('person', 'upd'));
    const missing = await server.graphql(q, { id: 'person-edit-nobody', properties: [{ name: 'givenName', value: 'X' }], provenance: provenance() });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('stores the chart card when an entity is written and follows each edit of the properties it shows', async () => {
    const q = `mutation ($id: ID!, $properties: [PropertyInput!]!, $provenance: ProvenanceInput!) { updateEntity(id: $id, properties: $properties, provenance: $provenance) { id } }`;
    const chart = async (entityId: string) =>
      (await server.graphql<{ neighbourhood: { nodes: { id: string; label: string; subtitle: string | null; kind: string | null }[] } }>(
        `query ($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 1) { nodes { id label subtitle kind } } }`,
        { ids: [entityId] },
      )).data!.neighbourhood.nodes.find((n) => n.id === entityId);
    await create('PREMISES', 'card', { name: 'Rose Nails', kind: 'NAIL_BAR', town: 'Slough' });
    expect(await chart(id('premises', 'card'))).toMatchObject({ label: 'Rose Nails', subtitle: 'nail bar, Slough', kind: 'NAIL_BAR' });
    const edited = await server.graphql(q, { id: id('premises', 'card'), properties: [{ name: 'kind', value: 'CAR_WASH' }, { name: 'town', value: 'Reading' }], provenance: provenance({ recordKey: 'r-card-2' }) });
    expect(edited.errors).toBeUndefined();
    expect(await chart(id('premises', 'card'))).toMatchObject({ subtitle: 'car wash, Reading', kind: 'CAR_WASH' });
    await create('PERSON', 'card', { givenName: 'Rita', familyName: 'Kask', nationalities: 'EE' });
    expect((await chart(id('person', 'card')))?.subtitle).toBe('EE');
    await server.graphql(q, { id: id('person', 'card'), properties: [{ name: 'dateOfBirth', value: '2001-05-06' }], provenance: provenance({ recordKey: 'r-card-3' }) });
    expect((await chart(id('person', 'card')))?.subtitle).toBe('born 2001-05-06, EE');
    // The card's parts are bookkeeping, not the entity's own properties.
    const names = (await get(id('person', 'card')))!.properties.map((p) => p.name);
    expect(names).not.toContain('subtitle');
    expect(names).not.toContain('cardKind');
    // An entity stored before cards were (no subtitle, no kind) gets its card from migration 042.
    await server.gateway.runScript('MATCH (n:Entity) WHERE n.id IN $ids REMOVE n.subtitle, n.cardKind', { ids: [id('premises', 'card'), id('person', 'card')] });
    expect(await chart(id('premises', 'card'))).toMatchObject({ subtitle: null, kind: null });
    await backfillCards(server.gateway);
    expect(await chart(id('premises', 'card'))).toMatchObject({ subtitle: 'car wash, Reading', kind: 'CAR_WASH' });
    expect((await chart(id('person', 'card')))?.subtitle).toBe('born 2001-05-06, EE');
  });

  it('creates links whose ends and roles fit their type, and sets person flags', async () => {
    await create('PERSON', 'vic', { givenName: 'Rosa', familyName: 'Marin' });
    await create('PREMISES', 'spa', { name: 'Jade Rooms', postcode: 'SW1A 1AA' });
    await create('OFFENCE', 'off', { category: 'MODERN_SLAVERY', occurredOn: '2024-05-01' });
    await create('REFERRAL', 'ref', { kind: 'NRM', referredOn: '2024-05-02' });
    const works = await link({ type: 'WORKS_AT', source: id('person', 'vic'), target: id('premises', 'spa'), validFrom: '2024-01-01', validTo: '2024-06-30' });
    expect(works.errors).toBeUndefined();
    expect(works.data!.createLink).toMatchObject({ type: 'WORKS_AT', validFrom: '2024-01-01', validTo: '2024-06-30', source: { id: id('person', 'vic') }, target: { label: 'Jade Rooms, SW1A 1AA' }, grading: { code: '2-C-P' } });
    expect((await link({ type: 'INVOLVED_IN', source: id('person', 'vic'), target: id('offence', 'off'), role: 'VICTIM' })).errors).toBeUndefined();
    expect((await link({ type: 'REFERRAL_FOR', source: id('referral', 'ref'), target: id('person', 'vic') })).errors).toBeUndefined();
    const person = await get(id('person', 'vic'));
    expect(person).toMatchObject({ potentialVictim: true, safeguarded: true, suspect: false });
    expect((person!.links as { totalCount: number }).totalCount).toBe(3);

    const wrongEnd = await link({ type: 'WORKS_AT', source: id('premises', 'spa'), target: id('person', 'vic') });
    expect(wrongEnd.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.source' });
    const wrongRole = await link({ type: 'INVOLVED_IN', source: id('person', 'vic'), target: id('offence', 'off'), role: 'BYSTANDER' });
    expect(wrongRole.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.role' });
    const roleless = await link({ type: 'LIVES_AT', source: id('person', 'vic'), target: id('premises', 'spa'), role: 'OWNER' });
    expect(roleless.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.role' });
    const dates = await link({ type: 'LIVES_AT', source: id('person', 'vic'), target: id('premises', 'spa'), validFrom: '2024-02-01', validTo: '2024-01-01' });
    expect(dates.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.validTo' });
    const unknownEnd = await link({ type: 'LIVES_AT', source: id('person', 'nobody'), target: id('premises', 'spa') });
    expect(unknownEnd.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.source' });
    const callCount = await link({ type: 'WORKS_AT', source: id('person', 'vic'), target: id('premises', 'spa'), lastAt: '2024-05-01T10:00:00Z' });
    expect(callCount.errors?.[0]).toMatchObject({ message: expect.stringContaining('belongs to CALLED links only'), extensions: { code: 'BAD_USER_INPUT', argument: 'input.lastAt' } });
    const badType = await link({ type: 'OWNS_PET', source: id('person', 'vic'), target: id('premises', 'spa') });
    expect(badType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives an entity’s and a link’s recording time as the same text in their details and on the chart', async () => {
    // Chart queries return dates and times as Cypher's text; details convert the driver's values.
    const vic = id('person', 'vic');
    const details = await server.graphql<{ entity: { recordedAt: string; links: { edges: { node: { id: string; type: string; recordedAt: string } }[] } } }>(
      `query ($id: ID!) { entity(id: $id) { recordedAt links(first: 10) { edges { node { id type recordedAt } } } } }`,
      { id: vic },
    );
    const chart = await server.graphql<{ neighbourhood: { nodes: { id: string; recordedAt: string }[]; edges: { id: string; recordedAt: string }[] } }>(
      `query ($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id recordedAt } edges { id recordedAt } } }`,
      { ids: [vic] },
    );
    const entity = details.data!.entity;
    const works = entity.links.edges.find((e) => e.node.type === 'WORKS_AT')!.node;
    // Recorded now, so with a fraction of a second (unless it fell on a whole millisecond's zeros).
    expect(entity.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*[1-9])?Z$/);
    expect(chart.data!.neighbourhood.nodes.find((n) => n.id === vic)!.recordedAt).toBe(entity.recordedAt);
    expect(chart.data!.neighbourhood.edges.find((e) => e.id === works.id)!.recordedAt).toBe(works.recordedAt);
  });

  it('reads and updates a link by id, annotates, and retires links and entities so they vanish from reads', async () => {
    await create('PERSON', 'sus', { givenName: 'Dario', familyName: 'Kessel' });
    await create('OFFENCE', 'off2', { category: 'TRAFFICKING' });
    await create('PREMISES', 'flat', { name: 'Flat 2', postcode: 'SW1A 2AA' });
    const inv = (await link({ type: 'INVOLVED_IN', source: id('person', 'sus'), target: id('offence', 'off2'), role: 'WITNESS' })).data!.createLink.id;
    const lives = (await link({ type: 'LIVES_AT', source: id('person', 'sus'), target: id('premises', 'flat') })).data!.createLink.id;

    const readLink = await server.graphql<{ link: { id: string; role: string; source: { id: string } } | null }>(`query ($id: ID!) { link(id: $id) { id role source { id } } }`, { id: inv });
    expect(readLink.data!.link).toEqual({ id: inv, role: 'WITNESS', source: { id: id('person', 'sus') } });

    const upd = `mutation ($id: ID!, $input: UpdateLinkInput!, $provenance: ProvenanceInput!) { updateLink(id: $id, input: $input, provenance: $provenance) { id role validFrom grading { code } } }`;
    const updated = await server.graphql<{ updateLink: { role: string; validFrom: string } }>(upd, { id: inv, input: { role: 'SUSPECT', validFrom: '2024-03-01' }, provenance: provenance({ sourceEvaluation: 'RELIABLE', intelligenceAssessment: 'A', recordKey: 'r-link' }) });
    expect(updated.data!.updateLink).toMatchObject({ role: 'SUSPECT', validFrom: '2024-03-01', grading: { code: '1-A-P' } });
    expect(await get(id('person', 'sus'))).toMatchObject({ suspect: true });
    const badRole = await server.graphql(upd, { id: lives, input: { role: 'SUSPECT' }, provenance: provenance() });
    expect(badRole.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.role' });

    const ann = `mutation ($targetId: ID!, $text: String!) { annotate(targetId: $targetId, text: $text) { id targetId text author } }`;
    expect((await server.graphql(ann, { targetId: id('person', 'sus'), text: 'Seen at <script>alert(1)</script> the flat' })).errors).toBeUndefined();
    expect((await server.graphql(ann, { targetId: inv, text: 'Witness statement changed' })).errors).toBeUndefined();
    expect((await get(id('person', 'sus')))!.annotations).toEqual([{ text: 'Seen at <script>alert(1)</script> the flat', author: expect.stringMatching(/^token:test-analyst-/) }]);
    expect((await server.graphql(ann, { targetId: 'person-edit-nobody', text: 'x' })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'targetId' });
    expect((await server.graphql(ann, { targetId: inv, text: '  ' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });

    const retireLink = `mutation ($id: ID!, $reason: String!) { retireLink(id: $id, reason: $reason) }`;
    expect((await server.graphql(retireLink, { id: lives, reason: 'Wrong address' })).data).toEqual({ retireLink: true });
    expect((await server.graphql<{ link: unknown }>(`query ($id: ID!) { link(id: $id) { id } }`, { id: lives })).data!.link).toBeNull();
    expect((await server.graphql(retireLink, { id: lives, reason: 'again' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const retire = `mutation ($id: ID!, $reason: String!) { retireEntity(id: $id, reason: $reason) }`;
    expect((await server.graphql(retire, { id: id('offence', 'off2'), reason: '' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    expect((await server.graphql(retire, { id: id('offence', 'off2'), reason: 'Duplicate report' })).data).toEqual({ retireEntity: true });
    expect(await get(id('offence', 'off2'))).toBeNull();
    expect(((await get(id('person', 'sus')))!.links as { totalCount: number }).totalCount).toBe(0);
    const nb = await server.graphql<{ neighbourhood: { nodes: { id: string }[] } }>(`query ($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id } } }`, { ids: [id('person', 'sus')] });
    expect(nb.data!.neighbourhood.nodes.map((n) => n.id)).toEqual([id('person', 'sus')]);
    expect((await server.graphql(retire, { id: id('offence', 'off2'), reason: 'again' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('reads several entities in order, pages links with cursors, and lists link types', async () => {
    const hub = 'premises-edit-hub';
    await create('PREMISES', 'hub', { name: 'Hub House', postcode: 'SW1A 3AA' });
    for (let i = 0; i < 5; i += 1) {
      await create('PERSON', `w${i}`, { givenName: `W${i}`, familyName: 'Hubworker' });
      await link({ type: 'WORKS_AT', source: id('person', `w${i}`), target: hub });
    }
    const many = await server.graphql<{ entities: { id: string }[] }>(`query ($ids: [ID!]!) { entities(ids: $ids) { id } }`, { ids: [id('person', 'w3'), 'person-edit-none', id('person', 'w1')] });
    expect(many.data!.entities.map((e) => e.id)).toEqual([id('person', 'w3'), id('person', 'w1')]);
    const q = `query ($id: ID!, $after: String) { entity(id: $id) { links(first: 2, after: $after, types: [WORKS_AT], entityTypes: [PERSON]) { totalCount pageInfo { hasNextPage endCursor } edges { cursor other { id } } } } }`;
    type L = { entity: { links: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { other: { id: string } }[] } } };
    const seen: string[] = [];
    let after: string | undefined;
    for (let pageNo = 0; pageNo < 3; pageNo += 1) {
      const p = (await server.graphql<L>(q, { id: hub, after })).data!.entity.links;
      expect(p.totalCount).toBe(5);
      seen.push(...p.edges.map((e) => e.other.id));
      expect(p.pageInfo.hasNextPage).toBe(pageNo < 2);
      after = p.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(5);
    expect((await server.graphql(q, { id: hub, after: 'bogus' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(await get('person-edit-nobody')).toBeNull();
    const types = await server.graphql<{ linkTypes: { name: string; from: string[]; to: string[]; roles: string[] }[] }>(`{ linkTypes { name from to roles } }`);
    expect(types.data!.linkTypes.find((t) => t.name === 'ENCOUNTERED')).toMatchObject({ from: ['VISIT'], to: ['PERSON'], roles: expect.arrayContaining(['POTENTIAL_VICTIM']) });
  });
});
