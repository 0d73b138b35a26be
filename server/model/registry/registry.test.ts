/**
 * The registry as the one place a type is defined: adding a property to a type is one edit of
 * its definition, and input checking, the GraphQL SDL and docs/model.md all follow; the
 * checked-in generated files are current; a bad types file is refused naming its entry.
 */
import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CORE_ENTITY_TYPES, CORE_LINK_TYPES } from './core.ts';
import { buildRegistry, CORE_REGISTRY, labelFromRule, propertyKinds, RegistryError, subtitleFromRule } from './registry.ts';
import { coreTypesFile, typesSdl } from './sdl.ts';
import { typesMarkdown, withTypesSection } from './docs.ts';
import { registryFromTypesText } from './deployment.ts';

/** Enough of the rest of the schema for the generated types to build on their own. */
const CONTEXT = `scalar Date scalar DateTime type Query { x: Int } interface Entity { id: ID! type: EntityType! label: String! properties: [Property!]! sources: [SourceRecord!]! grading: Grading! recordedAt: DateTime updatedAt: DateTime retired: Boolean! degree: Int! annotations: [Annotation!]! links(types: [LinkType!], entityTypes: [EntityType!], first: Int, after: String): LinkConnection! }
type Property { name: String! } type SourceRecord { id: ID! } type Grading { code: String! } type Annotation { id: ID! } type LinkConnection { totalCount: Int! }`;

describe('the type registry', () => {
  it('adds a property to a type with one edit of its definition: validation, SDL and docs follow', () => {
    const entityTypes = CORE_ENTITY_TYPES.map((t) =>
      t.name === 'VEHICLE' ? { ...t, properties: [...t.properties, { name: 'fuelType', kind: 'enum' as const, values: ['PETROL', 'DIESEL', 'ELECTRIC'], description: 'What the vehicle runs on.' }] } : t,
    );
    const edited = buildRegistry({}, { entityTypes, linkTypes: CORE_LINK_TYPES });

    expect(propertyKinds(CORE_REGISTRY).VEHICLE).not.toHaveProperty('fuelType');
    expect(propertyKinds(edited).VEHICLE!.fuelType).toEqual(['PETROL', 'DIESEL', 'ELECTRIC']);

    const sdl = typesSdl(edited);
    expect(sdl).toMatch(/type Vehicle implements Entity \{[^}]*"What the vehicle runs on\."\n {2}fuelType: String\n/);
    expect(typesSdl(CORE_REGISTRY)).not.toContain('fuelType');
    expect(() => buildSchema(`${CONTEXT}\n${sdl}`)).not.toThrow();

    expect(typesMarkdown(edited)).toContain('| `fuelType` | enum: `PETROL`, `DIESEL`, `ELECTRIC` |  | What the vehicle runs on. |');
  });

  it('keeps the generated GraphQL types and docs/model.md current (npm run model:generate)', () => {
    expect(fs.readFileSync('server/modules/entity/entity.types.graphql', 'utf8')).toBe(coreTypesFile(CORE_REGISTRY));
    const doc = fs.readFileSync('docs/model.md', 'utf8');
    expect(doc).toBe(withTypesSection(doc, CORE_REGISTRY));
  });

  it('writes the chart label and subtitle by each type\'s rules', () => {
    const person = CORE_REGISTRY.entity('PERSON')!;
    expect(subtitleFromRule(person, { dateOfBirth: '1990-02-03', nationalities: ['ROU', 'MDA'] })).toBe('born 1990-02-03, ROU/MDA');
    const premises = CORE_REGISTRY.entity('PREMISES')!;
    expect(subtitleFromRule(premises, { kind: 'MASSAGE_PARLOUR', town: 'Reading' })).toBe('massage parlour, Reading');
    expect(labelFromRule(premises, { name: 'Lotus Spa', postcode: 'RG1 2AB' })).toBe('Lotus Spa, RG1 2AB');
    expect(subtitleFromRule(CORE_REGISTRY.entity('EMAIL')!, { address: 'a@b.c' })).toBeNull();
  });

  it('derives extension SDL for declared types, links and properties that builds onto the core', () => {
    const r = buildRegistry({
      entityTypes: [{ name: 'VESSEL', label: 'Vessel', idPrefix: 'vessel', displayName: 'Vessel', plural: 'Vessels', description: 'A boat.', colour: '#1f6f8b', labelFrom: { properties: ['name'], description: 'Name.' }, properties: [{ name: 'name', kind: 'string', required: true, description: 'Name.' }] }],
      linkTypes: [{ name: 'CREWS', from: ['PERSON'], to: ['VESSEL'], description: 'crews a vessel', verb: 'crews', colour: '#1f6f8b' }],
      properties: { PERSON: [{ name: 'seamanBookNumber', kind: 'string', description: 'Discharge book number.' }] },
    });
    const extra = typesSdl(r, 'extra');
    expect(extra).toContain('extend enum EntityType {\n  "A boat."\n  VESSEL\n}');
    expect(extra).toContain('extend enum LinkType {\n  "crews a vessel"\n  CREWS\n}');
    expect(extra).toContain('extend type Person {\n  "Discharge book number."\n  seamanBookNumber: String\n}');
    expect(() => buildSchema(`${CONTEXT}\n${typesSdl(CORE_REGISTRY)}\n${extra}`)).not.toThrow();
    expect(propertyKinds(r).PERSON!.seamanBookNumber).toBe('text');
  });
});

describe('a types file', () => {
  const vessel = `version: 1
entityTypes:
  - name: VESSEL
    description: A boat.
    labelFrom: { properties: [name], description: Name. }
    properties:
      - { name: name, kind: string, description: Name. }
`;

  it('takes a minimal declaration, filling in label, id prefix, names and colour', () => {
    const t = registryFromTypesText(vessel, 'types.yaml').entity('VESSEL')!;
    expect(t).toMatchObject({ label: 'Vessel', idPrefix: 'vessel', displayName: 'Vessel', plural: 'Vessels', colour: '#6b7785' });
  });

  it.each([
    ['an unknown version', vessel.replace('version: 1', 'version: 2'), 'types.yaml: version: must be 1'],
    ['a clash with a core type', vessel.replace('name: VESSEL', 'name: PERSON'), 'types.yaml: entityTypes[0] (PERSON): the name PERSON is already used by core entityTypes[0] (PERSON)'],
    ['a clash with a core label', vessel.replace('name: VESSEL', 'name: VESSEL\n    label: Phone'), 'entityTypes[0] (VESSEL): the label Phone is already used by core entityTypes[2] (PHONE)'],
    ['a bad property kind', vessel.replace('kind: string', 'kind: word'), 'types.yaml: entityTypes[0] (VESSEL).properties[0].kind: Invalid option'],
    ['a label from a missing property', vessel.replace('properties: [name]', 'properties: [title]'), 'entityTypes[0] (VESSEL).labelFrom.properties[0]: labelFrom names title, which is not a property of VESSEL'],
    ['a link to an unknown type', `${vessel}linkTypes:\n  - { name: CREWS, from: [PERSON], to: [BOAT], description: crews }\n`, 'types.yaml: linkTypes[0] (CREWS).to[0]: BOAT is not an entity type'],
    ['a property a core type has', `${vessel}properties:\n  PERSON:\n    - { name: pncId, kind: string, description: again }\n`, 'types.yaml: properties.PERSON[0] (pncId): PERSON already has a property pncId'],
    ['a property on an unknown type', `${vessel}properties:\n  BOAT:\n    - { name: x, kind: string, description: x }\n`, 'types.yaml: properties.BOAT: BOAT is not an entity type'],
    ['text that is not YAML', 'version: [1', 'types.yaml: is not YAML or JSON'],
  ])('refuses %s, naming the entry', (_what, text, message) => {
    expect(() => registryFromTypesText(text, 'types.yaml')).toThrow(RegistryError);
    expect(() => registryFromTypesText(text, 'types.yaml')).toThrow(message);
  });
});
