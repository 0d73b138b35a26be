/**
 * The workspace's upload over GraphQL against a real Neo4j: a preview that writes nothing, an
 * import started in the background with its progress and result (bad rows with line, column and
 * reason), resolution afterwards, an interrupted job, and the roles allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testGateway, type TestServer } from '../../testing/harness.ts';
import type { Gateway } from '../../db/gateway.ts';
import { removeSource, sourceGraph } from './import.repository.ts';
import { sourceIdPrefix } from '../../model/source-ids.ts';
import { STALE_MS } from './import.jobs.ts';

const MAPPING = `
version: 1
recordKey: [ref]
summary: "Upload test {ref}"
grading: { sourceEvaluation: 2, intelligenceAssessment: B, handlingCode: P, classification: OFFICIAL }
entities:
  person:
    type: PERSON
    properties:
      givenName: forename
      familyName: surname
      dateOfBirth: { column: dob, transform: [{ date: dd/MM/yyyy }], required: true }
  home:
    type: PREMISES
    key: [postcode, street]
    properties:
      addressLine: street
      postcode: { column: postcode, transform: [postcode] }
links:
  - { type: LIVES_AT, from: person, to: home }
`;

const stamp = process.pid;
const SRC = `JOBTEST_${stamp}`;
const SRC2 = `JOBTEST2_${stamp}`;
const SRC_PREVIEW = `JOBTEST_PREVIEW_${stamp}`;
const rows = (n: number) =>
  ['ref;forename;surname;dob;postcode;street', ...Array.from({ length: n }, (_, i) => `R${i + 1};Ana${i};Jobtest;0${(i % 9) + 1}/02/1990;LS6 2UE;${i + 1} Jobtest Row`), 'R999;Bad;Date;31/02/1990;LS6 2UE;1 Jobtest Row'].join('\r\n');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

let gateway: Gateway;
let server: TestServer;

beforeAll(async () => {
  gateway = testGateway();
  server = await startTestServer({ gateway });
});

afterAll(async () => {
  await server.close();
  for (const s of [SRC, SRC2]) {
    const ids = (await gateway.read('resolve/test-person-keys', { prefixes: [sourceIdPrefix(s)] })).map((r) => String(r.id));
    await gateway.write('resolve/delete-decisions', { ids });
    await removeSource(gateway, s);
  }
  await gateway.write('import/test-delete-jobs', { sources: [SRC, SRC2, 'JOBTEST_STALE'] });
  await gateway.close();
});

interface Job {
  id: string;
  status: string;
  phase: string;
  done: number;
  total: number;
  rowsPerSecond: number;
  secondsLeft: number | null;
  startedBy: string;
  result: { rows: number; imported: number; bad: number; created: number; errors: { file: string; line: number; column: string | null; reason: string }[] } | null;
  resolution: { newRecords: number; merged: number; review: number } | null;
  error: string | null;
}
const JOB_FIELDS = `id status phase done total rowsPerSecond secondsLeft startedBy error result { rows imported bad created errors { file line column value reason } } resolution { newRecords merged review }`;

async function waitFor(id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const r = await server.graphql<{ importJob: Job }>(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id });
    expect(r.errors).toBeUndefined();
    if (r.data!.importJob.status !== 'RUNNING') return r.data!.importJob;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

// In this order even when tests are shuffled (`--sequence.shuffle`): the upload resolved afterwards
// matches a person of the upload before it.
describe('upload over GraphQL', { shuffle: false }, () => {
  it('previews the first rows with the mapping applied and its bad rows, writing nothing', async () => {
    const r = await server.graphql<{ importPreview: { rows: number; records: { line: number; recordKey: string; entities: { type: string; properties: { name: string; value: string }[] }[] }[]; errors: { line: number; column: string; reason: string }[] } }>(
      `query($s: String!, $m: String!, $c: String!) { importPreview(source: $s, mapping: $m, fileName: "people.csv", content: $c, rows: 3) { rows records { line recordKey entities { type properties { name value } } } errors { line column reason } } }`,
      { s: SRC_PREVIEW, m: MAPPING, c: b64(rows(5)) },
    );
    expect(r.errors).toBeUndefined();
    const p = r.data!.importPreview;
    expect(p.rows).toBe(6);
    expect(p.records.map((x) => x.line)).toEqual([2, 3, 4]);
    expect(p.records[0]!.entities[0]!.properties).toEqual(expect.arrayContaining([{ name: 'dateOfBirth', value: '1990-02-01' }]));
    expect((await sourceGraph(gateway, SRC_PREVIEW)).current).toBe(0);
  });

  it('imports in the background: a job id at once, then progress and the result with the bad rows', async () => {
    const start = await server.graphql<{ startImport: Job }>(
      `mutation($s: String!, $m: String!, $c: String!) { startImport(source: $s, mapping: $m, fileName: "people.csv", content: $c) { ${JOB_FIELDS} } }`,
      { s: SRC, m: MAPPING, c: b64(rows(1200)) },
    );
    expect(start.errors).toBeUndefined();
    expect(start.data!.startImport).toMatchObject({ status: 'RUNNING', result: null });
    const job = await waitFor(start.data!.startImport.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', phase: 'done', error: null, secondsLeft: 0 });
    expect(job.done).toBe(job.total);
    expect(job.rowsPerSecond).toBeGreaterThan(0);
    expect(job.result).toMatchObject({ rows: 1201, imported: 1200, bad: 1, created: 1200 });
    expect(job.result!.errors).toEqual([{ file: 'people.csv', line: 1202, column: 'dob', value: '31/02/1990', reason: expect.stringMatching(/date/) }]);
    expect((await sourceGraph(gateway, SRC)).current).toBe(1200);
    const list = await server.graphql<{ importJobs: { id: string }[] }>(`{ importJobs(first: 50) { id } }`);
    expect(list.data!.importJobs.map((j) => j.id)).toContain(job.id);
  });

  it('resolves the new records afterwards when asked', async () => {
    const csv = ['ref;forename;surname;dob;postcode;street', 'S1;Ana0;Jobtest;01/02/1990;LS6 2UE;1 Jobtest Row'].join('\n');
    const start = await server.graphql<{ startImport: Job }>(
      `mutation($s: String!, $m: String!, $c: String!) { startImport(source: $s, mapping: $m, fileName: "more.csv", content: $c, resolve: true) { id } }`,
      { s: SRC2, m: MAPPING, c: b64(csv) },
    );
    expect(start.errors).toBeUndefined();
    const job = await waitFor(start.data!.startImport.id);
    expect(job.error).toBeNull();
    expect(job.status).toBe('SUCCEEDED');
    expect(job.resolution!.newRecords).toBeGreaterThanOrEqual(1);
    // Ana0 Jobtest, born 1 Feb 1990 at 1 Jobtest Row, is in both uploads.
    expect(job.resolution!.merged + job.resolution!.review).toBeGreaterThanOrEqual(1);
  });

  it('refuses a bad mapping before starting, naming the line', async () => {
    const r = await server.graphql(`mutation($c: String!) { startImport(source: "X", mapping: "version: 1\\nrecordKey: [ref]\\ngrading: { sourceEvaluation: 7 }", fileName: "a.csv", content: $c) { id } }`, { c: b64('ref\n1') });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/mapping:\d+: grading/);
  });

  it('shows a job whose server stopped as INTERRUPTED', async () => {
    const old = new Date(Date.now() - STALE_MS - 5000).toISOString();
    await gateway.write('import/job-save', {
      id: `import-stale-${stamp}`,
      props: { source: 'JOBTEST_STALE', fileName: 'x.csv', status: 'RUNNING', phase: 'records', done: 10, total: 100, rowsPerSecond: 5, secondsLeft: 18, startedBy: 'analyst', startedAt: old, updatedAt: old, finishedAt: null, result: null, resolution: null, error: null },
    });
    const r = await server.graphql<{ importJob: Job }>(`{ importJob(id: "import-stale-${stamp}") { status done total } }`);
    expect(r.data!.importJob).toEqual({ status: 'INTERRUPTED', done: 10, total: 100 });
  });

  it('is for analysts and admins only', async () => {
    const viewer = await server.as('viewer');
    expect((await viewer.graphql(`{ importJobs { id } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const r = await viewer.graphql(`mutation($c: String!) { startImport(source: "X", mapping: "x", fileName: "a.csv", content: $c) { id } }`, { c: b64('a') });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
