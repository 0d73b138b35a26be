/**
 * Where the warm-up reads from: never a potential victim, and no potential victim's name among the
 * texts it searches for. Its fixtures are demo people (testing/warm-up-fixture with the demo's
 * ids), which no suite writes to; the warm-up itself picks among all the people in the store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../db/gateway.ts';
import { testGateway } from '../testing/harness.ts';
import { runOffline } from '../testing/statements.ts';
import { demoEntityIds } from '../testing/test-data.ts';

interface Seen {
  id: string;
  type: string;
  label: string;
  potentialVictim?: boolean;
}

describe('the warm-up’s starting point', () => {
  let gateway: Gateway;
  let linked: string;
  let victim: string;
  beforeAll(async () => {
    gateway = testGateway();
    const [fixture] = await runOffline(gateway, 'testing/warm-up-fixture', { demo: demoEntityIds() });
    linked = String(fixture?.linked);
    victim = String(fixture?.victim);
  });
  afterAll(() => gateway?.close());

  const entities = async (ids: string[]) => (await gateway.read('entity/by-ids', { ids })).map((r) => r.entity as Seen);

  it('is a person with a few links, and no potential victim', async () => {
    const [seeds] = await gateway.read('system/warm-up-seeds', { person: null });
    const [person] = await entities([String(seeds?.id)]);
    expect(person).toMatchObject({ type: 'PERSON' });
    expect(person?.potentialVictim ?? false).toBe(false);
    expect((seeds?.near as string[]).length).toBeGreaterThanOrEqual(3);
    // Not even when asked to start from one.
    expect(await gateway.read('system/warm-up-seeds', { person: victim })).toEqual([]);
  });

  it('searches for its neighbours by name, but not for a potential victim', async () => {
    const [seeds] = await gateway.read('system/warm-up-seeds', { person: linked });
    const near = await entities(seeds?.near as string[]);
    const victims = near.filter((e) => e.potentialVictim === true).map((e) => e.label);
    // The fixture is linked to a potential victim, who is among the neighbours read (masked).
    expect(victims.length).toBeGreaterThan(0);
    const texts = seeds?.texts as string[];
    const [person] = await entities([linked]);
    expect(texts).toEqual([person?.label, ...near.filter((e) => e.potentialVictim !== true).map((e) => e.label)]);
  });
});
