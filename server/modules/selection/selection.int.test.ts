import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../db/gateway.ts';
import { pseudonym } from '../../db/scope.ts';
import type { Role } from '../../graphql/context.ts';
import type { AuditRecord } from '../audit/audit.chain.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import { testGateway } from '../../testing/harness.ts';
import { cliCaller, parseSelection, resolveSelection, type SelectionCaller } from './selection.service.ts';
import { writeExportScenario } from '../../testing/scenarios/export.ts';

const KEY = Buffer.from('selection test pseudonym key');

describe('resolving a selection', () => {
  let gw: Gateway;
  let s: Awaited<ReturnType<typeof writeExportScenario>>;
  const recorded: AuditRecord[] = [];
  // The audit log's interface, collecting what the selection records (the real log is tested in the export suite).
  const audit = { record: (r: AuditRecord) => recorded.push(r) } as unknown as AuditLog;
  const as = (role: Role): SelectionCaller => cliCaller({ gateway: gw, role, pseudonymKey: KEY, audit, purpose: 'test case 1' });
  const chartName = `Selection chart ${process.pid}`;

  beforeAll(async () => {
    gw = testGateway({ queryTimeoutMs: 60_000 });
    s = await writeExportScenario(gw, 'sel');
  });
  afterAll(async () => {
    await gw.write('chart/delete', { id: `chart-sel-${process.pid}` });
    await s.fixture.remove(gw);
    await gw.close();
  });

  it('selects the entities within one link, with grading, provenance and positions, victims under their one pseudonym', async () => {
    const sel = await resolveSelection(as('admin'), parseSelection({ ids: [s.ids.suspect] }));
    const ids = sel.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([s.ids.suspect, s.ids.victim, s.ids.parlour, s.ids.phone, s.ids.car, s.ids.company, s.ids.account, s.ids.email, s.ids.offence]));
    expect(ids).not.toContain(s.ids.victim2); // two links away
    expect(sel.links.find((l) => l.id === s.links.controls)).toMatchObject({ type: 'ASSOCIATE_OF', role: 'CONTROLS', verb: 'associate of', grading: { code: '2-C-P', sourceEvaluation: 2 } });
    expect(sel.links.find((l) => l.id === s.links.victimWorks)).toMatchObject({ validFrom: '2025-03-01', validTo: '2025-06-30', recordedAt: expect.stringMatching(/^2025-07-01T09:00/) });
    for (const l of sel.links) expect(ids).toEqual(expect.arrayContaining([l.source, l.target]));
    const victim = sel.entities.find((e) => e.id === s.ids.victim)!;
    expect(victim).toMatchObject({ label: pseudonym(KEY, s.ids.victim), masked: true, potentialVictim: true, subtitle: null });
    expect(victim.properties).toEqual({ birthYear: 1999, gender: 'FEMALE' });
    expect(sel.masking).toEqual({ masked: true, maskedCount: 1, unmaskReason: null });
    const text = JSON.stringify(sel);
    for (const n of Object.values(s.names)) expect(text).not.toContain(n);
    // The record naming the victim is cited but its summary is withheld.
    expect(sel.sources.find((r) => r.id === s.namingRecord)).toMatchObject({ withheld: true, summary: null, grading: { code: '2-B-P' } });
    expect(new Set(sel.entities.map((e) => `${e.position.x},${e.position.y}`)).size).toBe(sel.entities.length);
    expect(sel.positions).toBe('layout');
    expect(sel.entities.find((e) => e.id === s.ids.parlour)?.colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives each victim the pseudonym the gateway gives (db/scope.ts), the same on every run', async () => {
    const one = await resolveSelection(as('analyst'), parseSelection({ ids: [s.ids.parlour], hops: 1 }));
    const two = await resolveSelection(as('analyst'), parseSelection({ ids: [s.ids.parlour], hops: 1 }));
    const names = (sel: typeof one) => Object.fromEntries(sel.entities.filter((e) => e.masked).map((e) => [e.id, e.label]));
    expect(names(one)).toEqual({ [s.ids.victim]: pseudonym(KEY, s.ids.victim), [s.ids.victim2]: pseudonym(KEY, s.ids.victim2) });
    expect(names(two)).toEqual(names(one));
  });

  it('shows a partner nothing a partner may not see', async () => {
    const sel = await resolveSelection(as('partner'), parseSelection({ ids: [s.ids.parlour], hops: 1 }));
    const ids = [...sel.entities.map((e) => e.id), ...sel.links.map((l) => l.id)];
    expect(ids).not.toContain(s.ids.hidden);
    expect(ids).not.toContain(s.links.hiddenOperates);
    expect(ids).not.toContain(s.links.sensitive);
    expect(ids).toContain(s.links.operates);
    expect(JSON.stringify(sel)).not.toContain('Shadow Lettings');
    for (const x of [...sel.entities, ...sel.links]) expect([x.grading.handlingCode, x.grading.classification]).toEqual(['P', 'OFFICIAL']);
    expect(sel.view).toMatchObject({ role: 'partner', shareAll: false });
    // Asking a partner's selection for the hidden entity answers as for an id that does not exist.
    await expect(resolveSelection(as('partner'), parseSelection({ ids: [s.ids.hidden], hops: 0 }))).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', id: s.ids.hidden } });
  });

  it('unmasks for an analyst with need-to-know and a reason, and records the unmasking', async () => {
    recorded.length = 0;
    const sel = await resolveSelection(as('analyst'), parseSelection({ ids: [s.ids.victim], hops: 0 }), { unmaskReason: 'Case OP-77: NRM referral' });
    expect(sel.entities[0]).toMatchObject({ label: s.names.victim, masked: false });
    expect(sel.entities[0]!.properties.passportNumber).toBe(s.names.passport);
    expect(sel.sources.find((r) => r.id === s.namingRecord)?.summary).toContain(s.names.victim);
    expect(sel.masking).toMatchObject({ masked: false, unmaskReason: 'Case OP-77: NRM referral' });
    expect(recorded).toEqual([expect.objectContaining({ kind: 'unmask', role: 'analyst', recordIds: [s.ids.victim], variables: JSON.stringify({ reason: 'Case OP-77: NRM referral' }), purpose: 'test case 1' })]);
  });

  it('refuses to unmask for a viewer or a partner, and without a reason', async () => {
    await expect(resolveSelection(as('viewer'), parseSelection({ ids: [s.ids.victim] }), { unmaskReason: 'curious' })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(resolveSelection(as('partner'), parseSelection({ ids: [s.ids.victim] }), { unmaskReason: 'curious' })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(resolveSelection(as('admin'), parseSelection({ ids: [s.ids.victim] }), { unmaskReason: ' ' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'unmaskReason' } });
  });

  it('names unknown ids and charts, and refuses bad hops and mixed selections', async () => {
    await expect(resolveSelection(as('admin'), parseSelection({ ids: [s.ids.suspect, 'person-sel-nobody'], hops: 0 }))).rejects.toMatchObject({
      message: expect.stringContaining('"person-sel-nobody"'),
      extensions: { code: 'NOT_FOUND', id: 'person-sel-nobody' },
    });
    await expect(resolveSelection(as('admin'), parseSelection({ ids: ['person-sel-nobody'], hops: 2 }))).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', id: 'person-sel-nobody' } });
    await expect(resolveSelection(as('admin'), parseSelection({ chart: 'No such chart sel' }))).rejects.toMatchObject({
      message: 'No saved chart named "No such chart sel" (nor with that id).',
      extensions: { code: 'NOT_FOUND', chart: 'No such chart sel' },
    });
    expect(() => parseSelection({ ids: ['a'], hops: 4 })).toThrow(/selection\.hops: must be a whole number from 0 to 3 \(got 4\)/);
    expect(() => parseSelection({ ids: ['a'], chart: 'x' })).toThrow(/either ids/);
    expect(() => parseSelection({})).toThrow(/either ids/);
    expect(() => parseSelection({ ids: Array.from({ length: 101 }, (_, i) => `p${i}`) })).toThrow(/1 to 100 distinct ids/);
  });

  it('selects a saved chart as the workspace opens it: its positions, every link among its entities, without hidden or filtered-out elements, labels from the graph', async () => {
    const node = (id: string, label: string, type: string) => ({ id, label, type });
    const document = {
      version: 1,
      elements: {
        // A label saved while unmasked must not come back through the document.
        nodes: [node(s.ids.suspect, 'x', 'PERSON'), node(s.ids.victim, s.names.victim, 'PERSON'), node(s.ids.parlour, 'x', 'PREMISES'), node(s.ids.phone, 'x', 'PHONE'), node(s.ids.car, 'x', 'VEHICLE')],
        // The suspect operates the parlour, a link among the chart's entities saved without it: the
        // workspace draws it when the chart is opened, so the selection has it too.
        edges: [{ id: s.links.controls }, { id: s.links.victimWorks }, { id: s.links.suspectPhone }, { id: s.links.keeper }],
      },
      positions: { [s.ids.suspect]: { x: 10, y: 20 }, [s.ids.victim]: { x: 110, y: 20 }, [s.ids.parlour]: { x: 60, y: 120 }, [s.ids.phone]: { x: 0, y: 0 } },
      hidden: [s.ids.car],
      filters: { hiddenEntityTypes: ['PHONE'], hiddenLinkTypes: [], from: null, to: null, minSource: null, minAssessment: null, asKnownOn: null },
      layout: 'fcose',
      style: { edgeLabels: 'hover' },
      viewport: null,
    };
    await gw.write('chart/save', { id: `chart-sel-${process.pid}`, name: chartName, document: JSON.stringify(document), nodeIds: document.elements.nodes.map((n) => n.id), edgeIds: document.elements.edges.map((e) => e.id), sharedWithPartners: null });
    for (const by of [chartName, `chart-sel-${process.pid}`]) {
      const sel = await resolveSelection(as('viewer'), parseSelection({ chart: by }));
      expect(sel.entities.map((e) => e.id)).toEqual([s.ids.suspect, s.ids.victim, s.ids.parlour]);
      // The suspect's OFFICIAL-SENSITIVE stay at the parlour is among them too: a viewer may see it.
      expect(sel.links.map((l) => l.id).sort()).toEqual([s.links.controls, s.links.operates, s.links.victimWorks, s.links.sensitive].sort());
      expect(sel.entities.map((e) => e.position)).toEqual([{ x: 10, y: 20 }, { x: 110, y: 20 }, { x: 60, y: 120 }]);
      expect(sel.entities[1]!.label).toBe(pseudonym(KEY, s.ids.victim));
      expect(JSON.stringify(sel)).not.toContain(s.names.victim);
      expect(sel).toMatchObject({ kind: 'chart', positions: 'chart', chart: { name: chartName, layout: 'fcose' }, description: `the chart "${chartName}"` });
    }
  });
});
