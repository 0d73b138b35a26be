/**
 * A small network for the read suites: a worker moving between two parlours, a shared phone, a
 * suspect with a car and a company, a family link and a hub premises with many workers (a
 * supernode at threshold 5). Every id carries the suite's tag.
 *
 * Phone numbers, VRMs and company numbers are unique in the store, and search ranks across the
 * whole index: each suite that writes the scenario gives its own (ScenarioText), so that two
 * suites running at the same time neither collide nor find each other's records.
 */
import type { Gateway } from '../../db/gateway.ts';
import { Fixture } from '../fixture.ts';

/** The scenario's natural keys and the words search finds it by; no two suites share any of them. */
export interface ScenarioText {
  givenName: string;
  familyName: string;
  alias: string;
  postcode: string;
  phone: string;
  vrm: string;
  brand: string;
  companyNumber: string;
  workers: string;
}

/** The search suite's (server/modules/search/search.int.test.ts), which asserts on these words. */
export const SEARCH_TEXT: ScenarioText = {
  givenName: 'Anastazja', familyName: 'Quillfeather', alias: 'Nastka Quill', postcode: 'YO62 9QX', phone: '07700 900871',
  vrm: 'QX71 KLM', brand: 'Zephyrine', companyNumber: 'ZW998877', workers: 'Thistlewood',
};

/** The graph suite's (server/modules/graph/graph.int.test.ts): ids only, but its own keys and words. */
export const GRAPH_TEXT: ScenarioText = {
  givenName: 'Graphina', familyName: 'Ostrowiecka', alias: 'Grafa Ostro', postcode: 'YO62 9QY', phone: '020 7946 0871',
  vrm: 'QX71 KLN', brand: 'Grapholine', companyNumber: 'ZW998878', workers: 'Edgewoodley',
};

export async function writeScenario(gw: Gateway, tag: string, t: ScenarioText) {
  const f = new Fixture(tag);
  const ana = f.entity('PERSON', { givenName: t.givenName, familyName: t.familyName, aliases: [t.alias], dateOfBirth: '1995-03-04', nationalities: ['POL'] }, { key: 'ana' });
  const viktor = f.entity('PERSON', { givenName: 'Viktor', familyName: 'Dragomir', suspect: true }, { key: 'viktor' });
  const mei = f.entity('PERSON', { givenName: 'Mei', familyName: 'Lin' }, { key: 'mei' });
  const lotus = f.entity('PREMISES', { name: `${t.brand} Spa`, kind: 'MASSAGE_PARLOUR', addressLine: '12 High Street', town: 'Reading', postcode: t.postcode }, { key: 'lotus' });
  const orchid = f.entity('PREMISES', { name: 'Orchid Nails', kind: 'NAIL_BAR', addressLine: '4 Market Place', town: 'Slough', postcode: 'SL1 1AA' }, { key: 'orchid' });
  const phone = f.entity('PHONE', { e164: t.phone }, { key: 'phone' });
  const car = f.entity('VEHICLE', { vrm: t.vrm, make: 'Toyota', model: 'Prius', colour: 'Silver' }, { key: 'car' });
  const company = f.entity('ORGANISATION', { name: `${t.brand} Wellbeing Ltd`, companyNumber: t.companyNumber }, { key: 'company' });
  const hub = f.entity('PREMISES', { name: 'Kestrel House', kind: 'HMO', addressLine: '1 Kestrel Road', town: 'Reading', postcode: 'RG2 0AA' }, { key: 'hub' });
  const l = {
    anaLotus: f.link({ type: 'WORKS_AT', from: ana, to: lotus, validFrom: '2024-01-01', validTo: '2024-03-31', recordedAt: '2024-04-01T09:00:00Z' }),
    anaOrchid: f.link({ type: 'WORKS_AT', from: ana, to: orchid, validFrom: '2024-04-01', recordedAt: '2024-06-01T09:00:00Z' }),
    anaPhone: f.link({ type: 'USES_PHONE', from: ana, to: phone }),
    viktorPhone: f.link({ type: 'USES_PHONE', from: viktor, to: phone, grade: { sourceEvaluation: 3, intelligenceAssessment: 'E' } }),
    lotusPhone: f.link({ type: 'PREMISES_PHONE', from: lotus, to: phone }),
    viktorCar: f.link({ type: 'KEEPER_OF', from: viktor, to: car }),
    viktorCompany: f.link({ type: 'DIRECTOR_OF', from: viktor, to: company }),
    companyLotus: f.link({ type: 'OPERATES', from: company, to: lotus, role: 'OPERATOR' }),
    meiHub: f.link({ type: 'LIVES_AT', from: mei, to: hub, validFrom: '2023-06-01' }),
    meiAna: f.link({ type: 'ASSOCIATE_OF', from: mei, to: ana, role: 'FAMILY' }),
  };
  const workers: string[] = [];
  for (let i = 1; i <= 8; i += 1) {
    const w = f.entity('PERSON', { givenName: `Worker${i}`, familyName: t.workers }, { key: `worker${i}` });
    workers.push(w);
    f.link({ type: 'WORKS_AT', from: w, to: hub, validFrom: '2024-02-01' });
  }
  await f.write(gw);
  return { fixture: f, ids: { ana, viktor, mei, lotus, orchid, phone, car, company, hub, workers }, links: l };
}
