import { describe, expect, it } from 'vitest';
import { canonicalForm, contentHash, diffContents, markingLine, markingOf, printedHash, SNAPSHOT_FORMAT, type SnapshotContent, type SnapshotEdge, type SnapshotGrading, type SnapshotNode } from './snapshot.content.ts';
import { escapeHtml, pdfTemplates } from './snapshot.render.ts';

const grade = (o: Partial<SnapshotGrading> = {}): SnapshotGrading => ({
  code: '1-B-P', sourceEvaluation: 1, intelligenceAssessment: 'B', handlingCode: 'P', handlingConditions: null, classification: 'OFFICIAL', low: false, ...o,
});
const node = (id: string, o: Partial<SnapshotNode> = {}): SnapshotNode => ({
  id, type: 'PERSON', label: id, subtitle: null, kind: null, degree: 1, supernode: false, potentialVictim: false, suspect: false, safeguarded: false,
  riskScore: null, masked: false, grading: grade(), position: { x: 0, y: 0 }, ...o,
});
const edge = (id: string, o: Partial<SnapshotEdge> = {}): SnapshotEdge => ({
  id, type: 'WORKS_AT', source: 'a', target: 'b', role: null, validFrom: null, validTo: null, recordedAt: null, weight: null, grading: grade(), sources: [], ...o,
});

function content(o: Partial<SnapshotContent> = {}): SnapshotContent {
  const nodes = [node('a'), node('b', { type: 'PREMISES' })];
  const edges = [edge('l1')];
  return {
    format: SNAPSHOT_FORMAT, title: 'Lotus', purpose: 'case 1', author: { name: 'asmith', role: 'analyst' }, createdAt: '2026-01-02T03:04:05.000Z',
    asKnownOn: null, selection: { kind: 'ids', ids: ['a'], hops: 1 }, supersedes: null, version: 1, marking: markingOf(nodes, edges),
    masking: { masked: true, protectedPeople: 0, unmaskedBy: null, reason: null }, nodes, edges,
    findings: [{ id: 'F1', text: 'one', elementIds: ['a'] }], annotations: [], style: { edgeLabels: 'always' }, truncation: null, ...o,
  };
}

describe('the content hash', () => {
  it('is SHA-256 over RFC 8785 canonical JSON: key order does not matter, the same content hashes the same', () => {
    const c = content();
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    const shuffled = reversed(c) as SnapshotContent;
    expect(Object.keys(shuffled)[0]).not.toBe(Object.keys(c)[0]);
    expect(contentHash(shuffled)).toBe(contentHash(c));
    expect(contentHash(content())).toBe(contentHash(c));
    expect(contentHash(c)).toMatch(/^[0-9a-f]{64}$/);
    // RFC 8785: sorted keys, no whitespace, numbers in their shortest form.
    expect(canonicalForm({ ...c, nodes: [node('a', { position: { x: 1.5e1, y: -0 } })] } as SnapshotContent)).toContain('"position":{"x":15,"y":0}');
  });

  it('changes when anything in the record changes', () => {
    const base = contentHash(content());
    expect(contentHash(content({ title: 'Lotus.' }))).not.toBe(base);
    expect(contentHash(content({ findings: [{ id: 'F1', text: 'one ', elementIds: ['a'] }] }))).not.toBe(base);
    expect(contentHash(content({ nodes: [node('a', { label: 'A' }), node('b', { type: 'PREMISES' })] }))).not.toBe(base);
    expect(contentHash(content({ createdAt: '2026-01-02T03:04:05.001Z' }))).not.toBe(base);
  });

  it('is printed in groups of eight', () => {
    expect(printedHash('0123456789abcdef0123')).toBe('01234567 89abcdef 0123');
  });
});

describe('the marking', () => {
  it('is the most restrictive classification and handling of the elements and their sources', () => {
    expect(markingOf([node('a')], [edge('l')])).toEqual({ classification: 'OFFICIAL', handlingCode: 'P', handlingConditions: [], text: 'OFFICIAL · Handling code P: lawful sharing permitted' });
    const m = markingOf([node('a')], [edge('l', { sources: [{ id: 's', source: 'X', recordKey: '1', recordedAt: null, grading: grade({ handlingCode: 'C', handlingConditions: 'SIO consent', classification: 'OFFICIAL-SENSITIVE' }) }] })]);
    expect(m).toMatchObject({ classification: 'OFFICIAL-SENSITIVE', handlingCode: 'C', handlingConditions: ['SIO consent'] });
    expect(m.text).toBe('OFFICIAL-SENSITIVE · Handling code C: sharing with conditions (SIO consent)');
  });

  it('names each handling condition once, though entities carry their sources\' conditions joined', () => {
    const comms = 'Communications data: intelligence use only; evidential use needs a fresh authorisation.';
    const originator = 'Not to be disseminated outside law enforcement without reference to the originator.';
    const victims = 'Victim data: need to know; do not disclose identities outside safeguarding partners.';
    const c = (handlingConditions: string) => grade({ handlingCode: 'C', handlingConditions });
    const source = (id: string, condition: string) => ({ id, source: 'X', recordKey: id, recordedAt: null, grading: c(condition) });
    const m = markingOf(
      // An entity whose sources gave two named conditions and one that no record in the snapshot names.
      [node('a', { grading: c(`${originator}; ${comms}; Not beyond the force; SIO consent needed`) }), node('b', { grading: c(`${victims}; ${originator}`) })],
      [edge('l', { grading: c(`${comms}; ${victims}`), sources: [source('s1', comms), source('s2', victims), source('s3', originator)] })],
    );
    expect(m.handlingConditions).toEqual([comms, 'Not beyond the force; SIO consent needed', originator, victims]);
    // Several conditions: the line on every page says where they are, and stays short.
    expect(m.text).toBe('OFFICIAL · Handling code C: sharing with conditions (4 conditions, listed on the cover)');
  });

  it('keeps one long condition off the line on every page', () => {
    const long = 'Not to be disseminated outside law enforcement without reference to the originator, who must be asked in writing.';
    expect(markingLine({ classification: 'OFFICIAL', handlingCode: 'C', handlingConditions: [long] })).toBe('OFFICIAL · Handling code C: sharing with conditions (one condition, listed on the cover)');
  });
});

describe('comparing versions', () => {
  it('lists added and removed elements and changed findings, and ignores moved positions', () => {
    const before = content();
    const after = content({
      nodes: [node('a', { position: { x: 99, y: 99 } }), node('c', { grading: grade({ code: '3-D-P', sourceEvaluation: 3, intelligenceAssessment: 'D', low: true }) })],
      edges: [edge('l1', { validTo: '2025-01-01' }), edge('l2')],
      findings: [{ id: 'F1', text: 'one, corrected', elementIds: ['a'] }, { id: 'F2', text: 'two', elementIds: [] }],
    });
    const d = diffContents(before, after);
    expect(d).toMatchObject({ addedNodes: ['c'], removedNodes: ['b'], changedNodes: [], addedEdges: ['l2'], removedEdges: [], changedEdges: ['l1'] });
    expect(d.addedFindings.map((f) => f.id)).toEqual(['F2']);
    expect(d.changedFindings).toEqual([{ id: 'F1', before: before.findings[0], after: after.findings[0] }]);
    expect(diffContents(before, before)).toMatchObject({ addedNodes: [], removedNodes: [], changedNodes: [], changedEdges: [], changedFindings: [] });
  });
});

describe('the PDF header and footer', () => {
  it('escape the title and marking, which Chromium reads as HTML', () => {
    expect(escapeHtml(`<img src=x onerror="a('1')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;');
    const c = content({ title: '<img src=x onerror=alert(1)> network' });
    const t = pdfTemplates({ id: 'snapshot-1', hash: contentHash(c), content: c });
    expect(t.footerTemplate).toContain('&lt;img src=x onerror=alert(1)&gt; network');
    expect(t.footerTemplate).not.toContain('<img');
    expect(t.footerTemplate).toContain('class="pageNumber"');
    expect(t.headerTemplate).toContain('OFFICIAL · HANDLING CODE P');
  });
});
