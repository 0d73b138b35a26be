/**
 * A type the schema files never named (an installation's VESSEL and CREWS) gets its id
 * constraints from the registry when the database opens: a second link of one id is refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { testGateway, testLog } from '../testing/harness.ts';
import { CORE_REGISTRY } from '../model/registry/registry.ts';
import { registryFromTypesText } from '../model/registry/deployment.ts';
import { ensureTypeConstraints } from './type-constraints.ts';

const registry = registryFromTypesText(
  `
version: 1
entityTypes:
  - name: TEST_VESSEL
    displayName: Vessel
    description: A boat.
    colour: '#1f6f8b'
    glyph: '<rect x="4" y="4" width="16" height="16"/>'
    labelFrom: { properties: [name], description: Vessel name. }
    properties:
      - { name: name, kind: string, required: true, description: The name. }
linkTypes:
  - { name: TEST_CREWS, from: [PERSON], to: [TEST_VESSEL], description: crews a vessel, verb: crews, colour: '#1f6f8b' }
`,
  'types.yaml',
);

describe('id constraints from the registry', () => {
  const gateway = testGateway();
  afterAll(async () => {
    await gateway.runScript('MATCH (v:TestVessel) DETACH DELETE v');
    for (const name of ['test_vessel_id', 'test_crews_id']) await gateway.runScript(`DROP CONSTRAINT ${name} IF EXISTS`);
    await gateway.close();
  });

  it('creates the constraints only a declared type lacks, and none for the core types (their files have them)', async () => {
    expect(await ensureTypeConstraints(gateway, CORE_REGISTRY, testLog)).toEqual([]);
    expect((await ensureTypeConstraints(gateway, registry, testLog)).sort()).toEqual(['test_crews_id', 'test_vessel_id']);
    expect(await ensureTypeConstraints(gateway, registry, testLog)).toEqual([]);
  });

  it('refuses a second link of one id on a declared link type', async () => {
    await ensureTypeConstraints(gateway, registry, testLog);
    await gateway.runScript("CREATE (:TestVessel {id: 'tv-1', name: 'A'}), (:TestVessel {id: 'tv-2', name: 'B'})");
    await gateway.runScript("MATCH (a:TestVessel {id: 'tv-1'}), (b:TestVessel {id: 'tv-2'}) CREATE (a)-[:TEST_CREWS {id: 'crews-1'}]->(b)");
    await expect(
      gateway.runScript("MATCH (a:TestVessel {id: 'tv-2'}), (b:TestVessel {id: 'tv-1'}) CREATE (a)-[:TEST_CREWS {id: 'crews-1'}]->(b)"),
    ).rejects.toThrow(/already exists|constraint/i);
    await expect(gateway.runScript("CREATE (:TestVessel {id: 'tv-1', name: 'C'})")).rejects.toThrow(/already exists|constraint/i);
  });
});
