/**
 * The demo in a real Neo4j: the run's global setup has loaded it (server/testing/test-data.ts).
 * Counts are taken among the demo's own ids, since other suites write to the same database.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { testGateway } from '../../server/testing/harness.ts';
import { countsForIds, operationSummary } from '../../server/modules/load/load.repository.ts';
import { LABEL } from '../../server/model/model.ts';
import { demo, seedDemo } from './index.ts';

const gateway = testGateway({ queryTimeoutMs: 60_000 });
afterAll(() => gateway.close());

const { data, truth } = demo();
const ids = { entityIds: data.entities.map((e) => e.id), linkIds: data.links.map((l) => l.id), sourceIds: data.sources.map((s) => s.id) };
const expected = {
  entities: data.entities.reduce<Record<string, number>>((m, e) => ((m[e.type] = (m[e.type] ?? 0) + 1), m), {}),
  links: data.links.reduce<Record<string, number>>((m, l) => ((m[l.type] = (m[l.type] ?? 0) + 1), m), {}),
  sourceRecords: data.sources.length,
};
const countBy = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});

describe('the demo in Neo4j', () => {
  it('holds every entity, link and source record of the demo, by type', async () => {
    expect(await countsForIds(gateway, ids)).toEqual(expected);
  });

  it('labels entities by type and stores dates as Neo4j temporals, with the synthetic flag', async () => {
    const sample = ['PERSON', 'VISIT', 'ADVERT', 'OPERATION'].map((t) => data.entities.find((e) => e.type === t)!);
    const rows = await gateway.read('load/stored-types', { ids: sample.map((e) => e.id) });
    expect(rows).toHaveLength(sample.length);
    for (const r of rows) {
      const e = sample.find((x) => x.id === r.id)!;
      expect((r.labels as string[]).sort()).toEqual(['Entity', LABEL[e.type]].sort());
      expect(r.synthetic).toBe(true);
      const types = Object.fromEntries(r.types as [string, string][]);
      expect(types.recordedAt).toMatch(/^ZONED DATETIME/);
      expect(types.sourceEvaluation).toMatch(/^INTEGER/);
      for (const k of ['dateOfBirth', 'visitedOn', 'postedOn', 'startDate']) if (k in types) expect(types[k], k).toMatch(/^DATE/);
    }
  });

  it('changes no counts when loaded again', async () => {
    const before = await countsForIds(gateway, ids);
    const { result } = await seedDemo(gateway);
    expect(result.sources).toBe(data.sources.length);
    expect(await countsForIds(gateway, ids)).toEqual(before);
  });

  it('matches the ground truth’s operation numbers, counted from the graph', async () => {
    for (const op of truth.operations) {
      const s = await operationSummary(gateway, op.id);
      expect(s, op.id).toBeDefined();
      expect({
        visits: s!.visits,
        premisesVisited: s!.premisesVisited,
        peopleEncountered: s!.peopleEncountered,
        potentialVictimsIdentified: s!.potentialVictims,
        safeguarded: s!.safeguarded,
        referralsByKind: countBy(s!.referralKinds),
        offencesByCategory: countBy(s!.offenceCategories),
      }).toEqual({
        visits: op.visits,
        premisesVisited: op.premisesVisited,
        peopleEncountered: op.peopleEncountered,
        potentialVictimsIdentified: op.potentialVictimsIdentified,
        safeguarded: op.safeguarded,
        referralsByKind: op.referralsByKind,
        offencesByCategory: op.offencesByCategory,
      });
    }
  });
});
