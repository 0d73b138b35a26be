/**
 * Operation dashboards through GraphQL on the demo: the figures match the demo's ground truth
 * (seed/demo truth.operations), in all and summed over the day and week buckets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../../seed/demo/index.ts';
import { startTestServer, testGateway, type TestServer } from '../../testing/harness.ts';

const { truth } = demo();
const Q = `query ($id: ID!, $bucket: BucketSize) { operationDashboard(operationId: $id, bucket: $bucket) {
  operation { id name startDate endDate lead } visits premisesVisited peopleEncountered potentialVictimsIdentified safeguarded
  referralsByKind { key count } offencesByCategory { key count } visitOutcomes { key count } bucketSize premisesIds
  buckets { start end visits premisesVisited peopleEncountered potentialVictimsIdentified safeguarded referrals offences }
} }`;
interface Bucket { start: string; end: string; visits: number; potentialVictimsIdentified: number; safeguarded: number; referrals: number; offences: number }
interface Dashboard {
  operation: { id: string; name: string; startDate: string; endDate: string };
  visits: number;
  premisesVisited: number;
  peopleEncountered: number;
  potentialVictimsIdentified: number;
  safeguarded: number;
  referralsByKind: { key: string; count: number }[];
  offencesByCategory: { key: string; count: number }[];
  visitOutcomes: { key: string; count: number }[];
  bucketSize: string;
  premisesIds: string[];
  buckets: Bucket[];
}
const asRecord = (xs: { key: string; count: number }[]) => Object.fromEntries([...xs].sort((a, b) => a.key.localeCompare(b.key)).map((x) => [x.key, x.count]));
const sum = (bs: Bucket[], k: keyof Bucket) => bs.reduce((s, b) => s + (b[k] as number), 0);

let server: TestServer;
beforeAll(async () => {
  // Whole-graph reads on a 2-core machine shared with other work: a longer per-query limit than the default 15 s.
  server = await startTestServer({ gateway: testGateway({ queryTimeoutMs: 90_000 }) });
}, 120_000);
afterAll(async () => {
  await server.close();
});

describe('operation dashboards on the demo', () => {
  it('lists the operations, latest first', async () => {
    const r = await server.graphql<{ operations: { id: string; name: string }[] }>(`{ operations { id name startDate endDate lead description } }`);
    expect(r.errors).toBeUndefined();
    const ids = r.data!.operations.map((o) => o.id).filter((id) => truth.operations.some((t) => t.id === id));
    expect(ids).toEqual([...truth.operations].sort((a, b) => b.startDate.localeCompare(a.startDate)).map((o) => o.id));
  });

  for (const op of truth.operations) {
    it(`${op.name}: ${op.premisesVisited} premises visited, ${op.peopleEncountered} people encountered, ${op.potentialVictimsIdentified} potential victims, as the ground truth says`, async () => {
      const r = await server.graphql<{ operationDashboard: Dashboard }>(Q, { id: op.id, bucket: 'DAY' });
      expect(r.errors).toBeUndefined();
      const d = r.data!.operationDashboard;
      expect(d.operation).toMatchObject({ id: op.id, name: op.name, startDate: op.startDate, endDate: op.endDate });
      expect({ visits: d.visits, premisesVisited: d.premisesVisited, peopleEncountered: d.peopleEncountered, potentialVictimsIdentified: d.potentialVictimsIdentified, safeguarded: d.safeguarded }).toEqual({
        visits: op.visits, premisesVisited: op.premisesVisited, peopleEncountered: op.peopleEncountered, potentialVictimsIdentified: op.potentialVictimsIdentified, safeguarded: op.safeguarded,
      });
      expect(asRecord(d.referralsByKind)).toEqual(op.referralsByKind);
      expect(asRecord(d.offencesByCategory)).toEqual(op.offencesByCategory);
      expect(d.premisesIds).toHaveLength(op.premisesVisited);
      expect(d.visitOutcomes.reduce((s, o) => s + o.count, 0)).toBe(op.visits);
      // One bucket per day of the operation; the buckets add up to the totals.
      const days = Math.round((Date.parse(op.endDate) - Date.parse(op.startDate)) / 86_400_000) + 1;
      expect(d.bucketSize).toBe('DAY');
      expect(d.buckets).toHaveLength(days);
      expect(sum(d.buckets, 'visits')).toBe(op.visits);
      expect(sum(d.buckets, 'potentialVictimsIdentified')).toBe(op.potentialVictimsIdentified);
      expect(sum(d.buckets, 'safeguarded')).toBe(op.safeguarded);
      const weeks = (await server.graphql<{ operationDashboard: Dashboard }>(Q, { id: op.id, bucket: 'WEEK' })).data!.operationDashboard.buckets;
      expect(weeks.every((b) => new Date(`${b.start}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
      expect(sum(weeks, 'visits')).toBe(op.visits);
      expect(sum(weeks, 'offences')).toBe(Object.values(op.offencesByCategory).reduce((s, n) => s + n, 0));
    });
  }

  it('answers null for an operation it cannot find', async () => {
    const r = await server.graphql<{ operationDashboard: unknown }>(Q, { id: 'operation-no-such' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.operationDashboard).toBeNull();
  });
});
