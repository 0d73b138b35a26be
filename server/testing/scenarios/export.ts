/**
 * A small network for the selection and export suites: two potential victims working at a
 * parlour controlled by a suspect, with his phone, car, company, account, email, an advert and an
 * offence; an entity and a link partners may not see (handling C, OFFICIAL-SENSITIVE); hostile
 * strings (markup, quotes, formula prefixes, control-like text) in names and addresses; and a
 * source record whose summary names a victim. Every id carries the suite's tag.
 */
import type { Gateway } from '../../db/gateway.ts';
import { Fixture } from '../fixture.ts';
import { runOffline } from '../statements.ts';

/** Strings that break naive XML, CSV or spreadsheet writers. */
export const HOSTILE = {
  suspectGiven: `=HYPERLINK("http://evil.example/x","Radomir")`,
  suspectFamily: `O'Kestrel <b>&amp;</b> "Bros"`,
  address: `+44 Canal Wharf, "Unit 3" <script>alert(1)</script> & Sons; @SUM(A1:A9)`,
  orgName: `-2+3 Holdings ]]> Ltd`,
} as const;

export async function writeExportScenario(gw: Gateway, tag: string) {
  const f = new Fixture(tag);
  // Phone numbers, account numbers and number plates are unique in the graph: each suite gets its own.
  const n = 100 + ([...tag].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) % 900);
  const phoneNumber = `07700 900${n}`;
  const victim = f.entity('PERSON', { givenName: 'Liliana', familyName: `Vossberg${tag}`, dateOfBirth: '1999-02-03', aliases: [`Lili V${tag}`], nationalities: ['ROU'], gender: 'FEMALE', potentialVictim: true, passportNumber: `PX${tag}77` }, { key: 'victim' });
  const victim2 = f.entity('PERSON', { givenName: 'Oksana', familyName: `Thornbury${tag}`, dateOfBirth: '2001-07-09', potentialVictim: true, safeguarded: true }, { key: 'victim2' });
  const suspect = f.entity('PERSON', { givenName: HOSTILE.suspectGiven, familyName: HOSTILE.suspectFamily, dateOfBirth: '1980-11-12', suspect: true, nationalities: ['GBR'] }, { key: 'suspect' });
  const parlour = f.entity('PREMISES', { name: `Velvet Touch ${tag}`, kind: 'MASSAGE_PARLOUR', addressLine: HOSTILE.address, town: 'Reading', postcode: 'RG1 2AB', latitude: 51.45, longitude: -0.97 }, { key: 'parlour' });
  const phone = f.entity('PHONE', { e164: phoneNumber }, { key: 'phone' });
  const car = f.entity('VEHICLE', { vrm: `KX19 ${tag.toUpperCase().slice(0, 3).padEnd(3, 'Z')}`, make: 'Ford', model: 'Focus', colour: 'Black' }, { key: 'car' });
  const company = f.entity('ORGANISATION', { name: HOSTILE.orgName, companyNumber: `EX${tag}01`, kind: 'COMPANY' }, { key: 'company' });
  const account = f.entity('BANK_ACCOUNT', { sortCode: '12-34-56', accountNumber: `87654${n}`, bank: 'Example Bank' }, { key: 'account' });
  const email = f.entity('EMAIL', { address: `bookings.${tag}@example.org` }, { key: 'email' });
  const advert = f.entity('ADVERT', { site: 'adsite.example', title: 'New girls', postedOn: '2025-05-02', contentHash: `hash-${tag}` }, { key: 'advert' });
  const offence = f.entity('OFFENCE', { category: 'MODERN_SLAVERY', legislation: 'Modern Slavery Act 2015 s1', occurredOn: '2025-06-01', status: 'UNDER_INVESTIGATION', reference: `OFF-${tag}` }, { key: 'offence' });
  // Partners may not see this one (handling with conditions) nor the sensitive link.
  const hidden = f.entity('ORGANISATION', { name: `Shadow Lettings ${tag}` }, { key: 'hidden', grade: { handlingCode: 'C', handlingConditions: 'Not to be shared beyond the force without the SIO’s consent.' } });
  const links = {
    victimWorks: f.link({ type: 'WORKS_AT', from: victim, to: parlour, validFrom: '2025-03-01', validTo: '2025-06-30', recordedAt: '2025-07-01T09:00:00Z' }),
    victim2Works: f.link({ type: 'WORKS_AT', from: victim2, to: parlour, validFrom: '2025-04-01' }),
    controls: f.link({ type: 'ASSOCIATE_OF', from: suspect, to: victim, role: 'CONTROLS', grade: { sourceEvaluation: 2, intelligenceAssessment: 'C' } }),
    operates: f.link({ type: 'OPERATES', from: suspect, to: parlour, role: 'CONTROLLER', validFrom: '2025-01-01' }),
    suspectPhone: f.link({ type: 'USES_PHONE', from: suspect, to: phone, grade: { sourceEvaluation: 3, intelligenceAssessment: 'D' } }),
    parlourPhone: f.link({ type: 'PREMISES_PHONE', from: parlour, to: phone }),
    keeper: f.link({ type: 'KEEPER_OF', from: suspect, to: car }),
    director: f.link({ type: 'DIRECTOR_OF', from: suspect, to: company, validFrom: '2019-05-05' }),
    registered: f.link({ type: 'REGISTERED_AT', from: company, to: parlour }),
    account: f.link({ type: 'HOLDS_ACCOUNT', from: suspect, to: account }),
    email: f.link({ type: 'USES_EMAIL', from: suspect, to: email }),
    advertPhone: f.link({ type: 'ADVERT_LISTS_PHONE', from: advert, to: phone }),
    suspectOffence: f.link({ type: 'INVOLVED_IN', from: suspect, to: offence, role: 'SUSPECT' }),
    victimOffence: f.link({ type: 'INVOLVED_IN', from: victim, to: offence, role: 'VICTIM' }),
    occurred: f.link({ type: 'OCCURRED_AT', from: offence, to: parlour }),
    hiddenOperates: f.link({ type: 'OPERATES', from: hidden, to: parlour, role: 'LANDLORD' }),
    sensitive: f.link({ type: 'LIVES_AT', from: suspect, to: parlour, grade: { classification: 'OFFICIAL-SENSITIVE' } }),
  };
  // A second record, cited by the first victim, whose summary names her.
  const namingRecord = `src-${tag}-2`;
  const v = f.entities.find((e) => e.id === victim)!;
  v.sourceIds = [...(v.sourceIds as string[]), namingRecord];
  await f.write(gw);
  await runOffline(gw, 'testing/source-records', {
    records: [{
      id: namingRecord, source: `test-${tag}`, recordKey: '2', recordedAt: '2025-07-01T09:00:00Z',
      summary: `Liliana Vossberg${tag} seen at Velvet Touch`, sourceEvaluation: 2, intelligenceAssessment: 'B', handlingCode: 'P', classification: 'OFFICIAL',
    }],
  });
  return {
    fixture: f,
    ids: { victim, victim2, suspect, parlour, phone, car, company, account, email, advert, offence, hidden },
    links,
    names: { victim: `Liliana Vossberg${tag}`, victimFamily: `Vossberg${tag}`, victimAlias: `Lili V${tag}`, victim2Family: `Thornbury${tag}`, passport: `PX${tag}77` },
    namingRecord,
    e164: `+447700900${n}`,
  };
}
