/**
 * A small synthetic network answered by a fake /graphql, for looking at the workspace before
 * (or without) a server: screenshots while developing. The e2e tests use the real server.
 */
import type { GraphEdge, GraphNode, EntityType } from '../../client/src/model/types.ts';
import { benchGraph } from '../../bench/render/graph.ts';

const G = (code: string) => {
  const [s, i, h] = code.split('-') as [string, string, string];
  const se = ({ '1': 'RELIABLE', '2': 'UNTESTED', '3': 'NOT_RELIABLE' } as const)[s as '1' | '2' | '3'];
  return { code, low: s === '3' || i === 'D' || i === 'E', sourceEvaluation: se, intelligenceAssessment: i as 'A', handlingCode: h as 'P', handlingConditions: null, classification: 'OFFICIAL' as const };
};

function node(id: string, type: EntityType, label: string, o: Partial<GraphNode> = {}): GraphNode {
  return { id, type, label, subtitle: null, degree: 3, supernode: false, potentialVictim: false, suspect: false, safeguarded: false, riskScore: null, kind: null, grading: G('2-B-P'), ...o };
}

let n = 0;
function link(type: string, source: string, target: string, o: Partial<GraphEdge> = {}): GraphEdge {
  n += 1;
  return { id: `link-${type.toLowerCase()}-${String(n).padStart(4, '0')}`, type, source, target, role: null, validFrom: null, validTo: null, recordedAt: '2024-06-01T10:00:00Z', weight: null, grading: G('2-B-P'), ...o };
}

export const nodes: GraphNode[] = [
  node('premises-000001', 'PREMISES', 'Lotus Spa, RG1 4QT', { subtitle: 'Massage parlour · Reading', kind: 'MASSAGE_PARLOUR', degree: 9 }),
  node('premises-000002', 'PREMISES', '14 Elm Road, RG2 7HF', { subtitle: 'HMO · Reading', kind: 'HMO', degree: 6 }),
  node('premises-000003', 'PREMISES', 'Jade Nails, SL1 2BB', { subtitle: 'Nail bar · Slough', kind: 'NAIL_BAR', degree: 4 }),
  node('person-000001', 'PERSON', 'Mihai POPESCU', { subtitle: 'b. 1984', suspect: true, riskScore: 0.82, degree: 8 }),
  node('person-000002', 'PERSON', 'Ana DUMITRU', { subtitle: 'b. 1999', potentialVictim: true, safeguarded: true, degree: 5 }),
  node('person-000003', 'PERSON', 'Li WEI', { subtitle: 'b. 2001', potentialVictim: true, degree: 4 }),
  node('person-000004', 'PERSON', 'Elena IONESCU', { subtitle: 'b. 1997', potentialVictim: true, degree: 4 }),
  node('person-000005', 'PERSON', 'Daniel MARSH', { subtitle: 'b. 1979', degree: 3, grading: G('3-C-P') }),
  node('phone-000001', 'PHONE', '07700 900123', { subtitle: 'Mobile', degree: 412, supernode: false }),
  node('phone-000002', 'PHONE', '07700 900456', { subtitle: 'Mobile', degree: 4 }),
  node('advert-000001', 'ADVERT', 'New girls, discreet', { subtitle: 'adultwork-like site · 2024-05-02', degree: 3 }),
  node('vehicle-000001', 'VEHICLE', 'AB12 CDE', { subtitle: 'Silver Ford Galaxy', degree: 3 }),
  node('offence-000001', 'OFFENCE', 'Controlling prostitution', { subtitle: 'Under investigation', kind: 'CONTROLLING_PROSTITUTION', degree: 3 }),
  node('operation-000001', 'OPERATION', 'Op Aidant week of action', { subtitle: '2024-06-10 – 2024-06-16', degree: 2 }),
  node('visit-000001', 'VISIT', 'Visit to Lotus Spa', { subtitle: '2024-06-12 · Safeguarding', degree: 4 }),
  node('org-000001', 'ORGANISATION', 'Lotus Wellbeing Ltd', { subtitle: 'Company 12345678', degree: 2 }),
  node('referral-000001', 'REFERRAL', 'NRM referral', { subtitle: '2024-06-13', degree: 1 }),
  node('risk-000001', 'RISK_FACTOR', 'Organised crime link', { subtitle: 'ORGANISED_CRIME', degree: 1 }),
];

export const edges: GraphEdge[] = [
  link('WORKS_AT', 'person-000002', 'premises-000001', { validFrom: '2024-02-01', validTo: '2024-04-30' }),
  link('WORKS_AT', 'person-000002', 'premises-000003', { validFrom: '2024-05-01', validTo: '2024-06-12' }),
  link('WORKS_AT', 'person-000003', 'premises-000001', { validFrom: '2024-04-01' }),
  link('WORKS_AT', 'person-000004', 'premises-000003', { validFrom: '2024-01-15', validTo: '2024-04-30' }),
  link('WORKS_AT', 'person-000004', 'premises-000001', { validFrom: '2024-05-01' }),
  link('LIVES_AT', 'person-000002', 'premises-000002', { validFrom: '2024-01-10' }),
  link('LIVES_AT', 'person-000003', 'premises-000002', { validFrom: '2024-03-20' }),
  link('LIVES_AT', 'person-000004', 'premises-000002', { validFrom: '2023-11-02' }),
  link('OPERATES', 'person-000001', 'premises-000001', { role: 'CONTROLLER', validFrom: '2023-06-01' }),
  link('OPERATES', 'org-000001', 'premises-000001', { role: 'OPERATOR' }),
  link('DIRECTOR_OF', 'person-000005', 'org-000001', { validFrom: '2022-01-05' }),
  link('ASSOCIATE_OF', 'person-000001', 'person-000005', { role: 'ASSOCIATE', grading: G('3-D-P'), recordedAt: '2024-07-20T09:00:00Z' }),
  link('ASSOCIATE_OF', 'person-000001', 'person-000002', { role: 'CONTROLS', grading: G('2-C-C') }),
  link('USES_PHONE', 'person-000001', 'phone-000001', { validFrom: '2023-09-01' }),
  link('PREMISES_PHONE', 'premises-000001', 'phone-000002'),
  link('ADVERT_LISTS_PHONE', 'advert-000001', 'phone-000002', { validFrom: '2024-05-02' }),
  link('ADVERT_LOCATED_AT', 'advert-000001', 'premises-000001', { validFrom: '2024-05-02' }),
  link('CALLED', 'phone-000001', 'phone-000002', { weight: 143, validFrom: '2024-01-03', validTo: '2024-06-30' }),
  link('KEEPER_OF', 'person-000001', 'vehicle-000001'),
  link('VEHICLE_SEEN_AT', 'vehicle-000001', 'premises-000003', { validFrom: '2024-05-14', grading: G('2-C-P') }),
  link('VEHICLE_SEEN_AT', 'vehicle-000001', 'premises-000002', { validFrom: '2024-03-03', grading: G('3-E-P') }),
  link('INVOLVED_IN', 'person-000001', 'offence-000001', { role: 'SUSPECT' }),
  link('INVOLVED_IN', 'person-000002', 'offence-000001', { role: 'VICTIM' }),
  link('OCCURRED_AT', 'offence-000001', 'premises-000001', { validFrom: '2024-06-12' }),
  link('INCLUDES_VISIT', 'operation-000001', 'visit-000001'),
  link('VISIT_AT', 'visit-000001', 'premises-000001', { validFrom: '2024-06-12' }),
  link('ENCOUNTERED', 'visit-000001', 'person-000003', { role: 'WORKER', validFrom: '2024-06-12' }),
  link('ENCOUNTERED', 'visit-000001', 'person-000004', { role: 'POTENTIAL_VICTIM', validFrom: '2024-06-12' }),
  link('REFERRAL_FOR', 'referral-000001', 'person-000002', { validFrom: '2024-06-13' }),
  link('HAS_RISK_FACTOR', 'person-000001', 'risk-000001', { validFrom: '2024-02-20' }),
];

const byId = new Map(nodes.map((x) => [x.id, x]));

function graphOf(ids: Set<string>) {
  return { nodes: nodes.filter((x) => ids.has(x.id)), edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)), truncated: false, truncation: null };
}

function neighbours(id: string): Set<string> {
  const out = new Set([id]);
  for (const e of edges) {
    if (e.source === id) out.add(e.target);
    if (e.target === id) out.add(e.source);
  }
  return out;
}

function shortest(a: string, b: string): Set<string> {
  const prev = new Map<string, string | null>([[a, null]]);
  const queue = [a];
  while (queue.length) {
    const x = queue.shift()!;
    if (x === b) break;
    for (const y of neighbours(x)) if (!prev.has(y)) {
      prev.set(y, x);
      queue.push(y);
    }
  }
  const out = new Set<string>();
  let cur: string | null | undefined = b;
  while (cur) {
    out.add(cur);
    cur = prev.get(cur);
  }
  return prev.has(b) ? out : new Set();
}

const charts = new Map<string, { id: string; name: string; document: unknown; createdAt: string; updatedAt: string }>();

/** A large saved chart (3,000 elements by default) to see the large-chart path; with `positioned`, laid out already. */
export function addBigChart(elements = 3000, positioned = false): void {
  const g = benchGraph(elements, 7);
  const types = ['PERSON', 'PREMISES', 'PHONE', 'VEHICLE', 'ADVERT', 'ORGANISATION'] as const;
  const document = {
    version: 1,
    elements: {
      nodes: g.nodes.map((x) => node(x.id, types[x.type]!, x.label, { degree: 3 })),
      edges: g.edges.map((e) => ({ ...link('USES_PHONE', e.source, e.target), id: e.id })),
    },
    positions: positioned ? Object.fromEntries(g.nodes.map((x) => [x.id, { x: x.x, y: x.y }])) : {},
    hidden: [],
    pinned: [],
    filters: { hiddenEntityTypes: [], hiddenLinkTypes: [], from: null, to: null, minSource: null, minAssessment: null, asKnownOn: null },
    layout: 'fcose',
    style: { edgeLabels: 'hover' },
    viewport: null,
  };
  charts.set(`chart-big-${elements}`, { id: `chart-big-${elements}`, name: `Scale test (${elements.toLocaleString('en-GB')} elements)`, document, createdAt: '2024-07-01T10:00:00Z', updatedAt: '2024-07-01T10:00:00Z' });
}

/** Answers one GraphQL request by its operation name, as the real API would. */
export function answer(body: { query: string; variables: Record<string, unknown> }): unknown {
  const op = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1];
  const v = body.variables;
  switch (op) {
    case 'Search': {
      const q = String(v.text).toLowerCase();
      const types = (v.types as string[] | null) ?? null;
      const hits = nodes.filter((x) => x.label.toLowerCase().includes(q) || x.id.includes(q) || (x.subtitle ?? '').toLowerCase().includes(q)).filter((x) => !types || types.includes(x.type));
      return { search: { edges: hits.map((node, i) => ({ node, score: 10 - i, matched: null })) } };
    }
    case 'Neighbourhood':
      return { neighbourhood: graphOf(neighbours((v.ids as string[])[0]!)) };
    case 'Sub':
      return { subgraph: graphOf(new Set(v.ids as string[])) };
    case 'Paths':
      return { paths: graphOf(shortest(String(v.from), String(v.to))) };
    case 'Connecting': {
      const ids = v.ids as string[];
      const all = new Set<string>();
      for (let i = 1; i < ids.length; i++) for (const x of shortest(ids[0]!, ids[i]!)) all.add(x);
      return { connectingNetwork: graphOf(all) };
    }
    case 'Common': {
      const ids = v.ids as string[];
      const sets = ids.map(neighbours);
      const common = [...sets[0]!].filter((x) => !ids.includes(x) && sets.every((s) => s.has(x)));
      return { commonNeighbours: common.map((id) => ({ node: byId.get(id), sharedWith: ids })) };
    }
    case 'Entity': {
      const x = byId.get(String(v.id));
      if (!x) return { entity: null };
      return {
        entity: {
          id: x.id,
          type: x.type,
          label: x.label,
          grading: x.grading,
          recordedAt: '2024-03-01T09:00:00Z',
          sources: [{ id: 'src-1', source: 'intel-log', recordKey: 'IL/2024/0193', recordedAt: '2024-03-01T09:00:00Z', summary: 'Intelligence report (synthetic).', grading: x.grading }],
          properties: x.type === 'PERSON'
            ? [{ name: 'givenName', value: x.label.split(' ')[0] }, { name: 'familyName', value: x.label.split(' ')[1] }, { name: 'nationalities', value: 'ROU' }, { name: 'dateOfBirth', value: '1999-04-02' }]
            : [{ name: 'kind', value: x.kind }],
        },
      };
    }
    case 'Link': {
      const e = edges.find((x) => x.id === v.id);
      if (!e) return { link: null };
      return { link: { ...e, sources: [{ id: 'src-2', source: 'crime-records', recordKey: 'CR-99812', recordedAt: e.recordedAt, summary: null, grading: e.grading }], source: byId.get(e.source), target: byId.get(e.target) } };
    }
    case 'Timeline': {
      const id = (v.ids as string[])[0]!;
      return {
        timeline: edges
          .filter((e) => (e.source === id || e.target === id) && e.validFrom)
          .map((e) => ({ date: e.validFrom, endDate: e.validTo, kind: e.type, description: `${e.type.toLowerCase().replace(/_/g, ' ')}: ${byId.get(e.source)?.label} → ${byId.get(e.target)?.label}`, entityIds: [e.source, e.target], linkId: e.id })),
      };
    }
    case 'Charts':
      return { charts: [...charts.values()].map(({ document: _d, ...c }) => ({ ...c, nodeCount: 0, edgeCount: 0 })) };
    case 'Chart': {
      // As the server does: a saved chart holds ids; opening it reads the entities and links again.
      const c = charts.get(String(v.id));
      if (!c) return { chart: null };
      const d = c.document as { elements: { nodes: { id: string }[]; edges: { id: string }[] } };
      const edgeById = new Map(edges.map((e) => [e.id, e]));
      const elements = { nodes: d.elements.nodes.map((x) => byId.get(x.id) ?? x), edges: d.elements.edges.map((x) => edgeById.get(x.id) ?? x) };
      return { chart: { ...c, document: { ...d, elements }, nodeCount: elements.nodes.length, edgeCount: elements.edges.length } };
    }
    case 'Save': {
      const existing = [...charts.values()].find((c) => c.name === v.name);
      const c = { id: existing?.id ?? `chart-${charts.size + 1}`, name: String(v.name), document: v.document, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
      charts.set(c.id, c);
      return { saveChart: { ...c, nodeCount: 1, edgeCount: 1 } };
    }
    default:
      return null;
  }
}
