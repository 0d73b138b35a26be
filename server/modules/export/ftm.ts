/**
 * FollowTheMoney (Aleph, OpenSanctions): one entity per line, `{id, schema, properties}` with
 * every property a list of strings, plus a `lantern` object (type, grade, classification,
 * source records) that FtM readers ignore. Lantern ids are kept as FtM ids.
 *
 * Entities: PERSON Person (nationalities as FtM country codes); PREMISES Address; ORGANISATION Company (with a company number or
 * kind COMPANY) or Organization; VEHICLE Vehicle; BANK_ACCOUNT BankAccount; OFFENCE, VISIT and
 * REFERRAL Event; OPERATION Project; ADVERT, RISK_FACTOR, PHONE and EMAIL Note (FtM has no
 * phone or email schema: numbers and addresses are properties, so they are also copied into the
 * `phone` and `email` of the people and organisations that use them).
 * Links: ASSOCIATE_OF Family (roles FAMILY, PARTNER) or Associate; DIRECTOR_OF Directorship;
 * KEEPER_OF and HOLDS_ACCOUNT Ownership; CALLED Call (numbers, first and last call); REGISTERED_AT
 * also the organisation's addressEntity; every other link UnknownLink with the link's verb and role. Dates go in startDate/endDate, the link id in
 * recordId, the grade in status where the schema has one.
 * What FtM has no property for, an installation's declared properties (types file), is written
 * for people as `name: value` in an entity's `notes` and a link's `description`, and for
 * programs, with the registry's types, in `lantern.properties`.
 */
import type { PropertyValue, SelectedEntity, SelectedLink, Selection } from '../selection/index.ts';
import { ftmCountry } from '../../model/countries.ts';
import { activeRegistry } from '../../model/registry/registry.ts';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  lantern: { type: string; grade: string; classification: string; masked?: boolean; sources: string[]; properties?: Record<string, PropertyValue> };
}

type Props = Record<string, unknown>;

function clean(props: Props): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(props)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined && x !== '').map((x) => String(x));
    if (list.length > 0) out[k] = [...new Set(list)];
  }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const day = (v: string | null | undefined) => v?.slice(0, 10);
const words = (v: unknown) => str(v)?.toLowerCase().replace(/_/g, ' ');

function entitySchema(e: SelectedEntity): { schema: string; props: Props } {
  const p = e.properties;
  const base = { name: e.label, notes: e.subtitle ?? undefined };
  switch (e.type) {
    case 'PERSON': {
      const flags = [e.potentialVictim && 'potential victim', e.suspect && 'suspect', e.safeguarded && 'safeguarded'].filter(Boolean).join(', ');
      return {
        schema: 'Person',
        props: {
          name: e.label,
          firstName: p.givenName, lastName: p.familyName, alias: p.aliases,
          // A masked person keeps only the year of birth: FtM dates may be partial.
          birthDate: str(p.dateOfBirth) ?? (typeof p.birthYear === 'number' ? String(p.birthYear) : undefined),
          gender: ['MALE', 'FEMALE', 'OTHER'].includes(String(p.gender)) ? String(p.gender).toLowerCase() : undefined,
          passportNumber: p.passportNumber, idNumber: [p.niNumber, p.pncId],
          // Lantern keeps ISO alpha-3 codes; FtM's country type takes lower-case alpha-2.
          nationality: (Array.isArray(p.nationalities) ? p.nationalities : []).map((c) => ftmCountry(c)),
          description: flags || undefined,
        },
      };
    }
    case 'PREMISES':
      return {
        schema: 'Address',
        props: {
          ...base, full: e.label, street: p.addressLine, city: p.town, postalCode: p.postcode, latitude: p.latitude, longitude: p.longitude,
          country: str(p.postcode) ? 'gb' : undefined, description: words(p.kind), summary: p.licenceStatus ? `licence: ${words(p.licenceStatus)}` : undefined,
        },
      };
    case 'ORGANISATION':
      return { schema: str(p.companyNumber) || p.kind === 'COMPANY' ? 'Company' : 'Organization', props: { ...base, registrationNumber: p.companyNumber, status: p.status, legalForm: words(p.kind) } };
    case 'VEHICLE':
      return { schema: 'Vehicle', props: { ...base, registrationNumber: p.vrm, model: [p.make, p.model].filter(Boolean).join(' ') || undefined, description: p.colour } };
    case 'BANK_ACCOUNT':
      return { schema: 'BankAccount', props: { ...base, accountNumber: p.accountNumber, bankName: p.bank, description: p.sortCode ? `sort code ${String(p.sortCode)}` : undefined } };
    case 'OFFENCE':
      return { schema: 'Event', props: { ...base, date: p.occurredOn, description: [words(p.category), p.legislation, words(p.status)].filter(Boolean).join('; '), recordId: p.reference } };
    case 'VISIT':
      return { schema: 'Event', props: { ...base, date: p.visitedOn, description: [words(p.outcome), ...(Array.isArray(p.agencies) ? p.agencies : [])].filter(Boolean).join('; ') } };
    case 'REFERRAL':
      return { schema: 'Event', props: { ...base, date: p.referredOn, description: [words(p.kind), p.outcome].filter(Boolean).join('; ') } };
    case 'OPERATION':
      return { schema: 'Project', props: { ...base, startDate: p.startDate, endDate: p.endDate, description: p.description, summary: p.lead } };
    case 'PHONE':
      return { schema: 'Note', props: { ...base, description: 'phone number', phoneMentioned: p.e164 } };
    case 'EMAIL':
      return { schema: 'Note', props: { ...base, description: 'email address', emailMentioned: p.address } };
    case 'ADVERT':
      return { schema: 'Note', props: { ...base, description: ['online advert', p.site, p.postedOn && `posted ${String(p.postedOn)}`].filter(Boolean).join(', '), summary: p.title } };
    case 'RISK_FACTOR':
      return { schema: 'Note', props: { ...base, description: ['risk factor', words(p.kind), p.recordedOn, p.description].filter(Boolean).join('; ') } };
    default:
      // A type an installation declares: a Note naming its type, its properties in the description.
      return { schema: 'Note', props: { ...base, description: [e.typeName, ...Object.entries(p).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)].join('; ') } };
  }
}

function linkSchema(l: SelectedLink, typeOf: Map<string, SelectedEntity>): { schema: string; props: Props } {
  const dates = { startDate: l.validFrom, endDate: l.validTo, recordId: l.id };
  const role = [l.verb, l.role ? words(l.role) : undefined].filter(Boolean).join(': ');
  const status = `graded ${l.grading.code}`;
  const [from, to] = [typeOf.get(l.source)!, typeOf.get(l.target)!];
  const isLegal = (e: SelectedEntity) => e.type === 'PERSON' || e.type === 'ORGANISATION';
  switch (l.type) {
    case 'ASSOCIATE_OF':
      return l.role === 'FAMILY' || l.role === 'PARTNER'
        ? { schema: 'Family', props: { person: l.source, relative: l.target, relationship: words(l.role), ...dates } }
        : { schema: 'Associate', props: { person: l.source, associate: l.target, relationship: words(l.role) ?? 'associate', ...dates } };
    case 'DIRECTOR_OF':
      return { schema: 'Directorship', props: { director: l.source, organization: l.target, role: 'director', status, ...dates } };
    case 'KEEPER_OF':
    case 'HOLDS_ACCOUNT':
      if (isLegal(from)) return { schema: 'Ownership', props: { owner: l.source, asset: l.target, role: l.type === 'KEEPER_OF' ? 'registered keeper' : 'account holder', status, ...dates } };
      break;
    case 'CALLED':
      return {
        schema: 'Call',
        props: { callerNumber: from.properties.e164, receiverNumber: to.properties.e164, startDate: day(l.firstAt), endDate: day(l.lastAt), date: day(l.firstAt), recordId: l.id },
      };
  }
  return { schema: 'UnknownLink', props: { subject: l.source, object: l.target, role, status, ...dates } };
}

/** The properties of `x` the installation declared (every property of a declared type; a link's own). */
function declaredOf(x: SelectedEntity | SelectedLink, kind: 'entity' | 'link'): Record<string, PropertyValue> {
  const r = activeRegistry();
  if (kind === 'link') return r.extra.linkTypes.has(x.type) ? x.properties : {};
  if (r.extra.entityTypes.has(x.type)) return x.properties;
  return Object.fromEntries(Object.entries(x.properties).filter(([k]) => r.extra.properties.has(`${x.type}.${k}`)));
}

const asNotes = (props: Record<string, PropertyValue>) => Object.entries(props).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);

export function toFtmEntities(s: Selection): FtmEntity[] {
  const byId = new Map(s.entities.map((e) => [e.id, e]));
  const recordKeys = new Map(s.sources.map((r) => [r.id, `${r.source}:${r.recordKey}`]));
  const meta = (x: SelectedEntity | SelectedLink, type: string, masked?: boolean): FtmEntity['lantern'] => ({
    type, grade: x.grading.code, classification: x.grading.classification, ...(masked ? { masked } : {}), sources: x.sourceIds.map((id) => recordKeys.get(id) ?? id),
  });
  // Phones and emails copied into the people and organisations that use them; an
  // organisation's registered address is FtM's addressEntity, as the import reads it.
  const contact = new Map<string, { phone: string[]; email: string[] }>();
  const addresses = new Map<string, string[]>();
  for (const l of s.links) {
    const target = byId.get(l.target);
    if (l.type === 'REGISTERED_AT' && target) addresses.set(l.source, [...(addresses.get(l.source) ?? []), l.target]);
    if (!target || (l.type !== 'USES_PHONE' && l.type !== 'USES_EMAIL')) continue;
    const c = contact.get(l.source) ?? { phone: [], email: [] };
    if (l.type === 'USES_PHONE' && typeof target.properties.e164 === 'string') c.phone.push(target.properties.e164);
    if (l.type === 'USES_EMAIL' && typeof target.properties.address === 'string') c.email.push(target.properties.address);
    contact.set(l.source, c);
  }
  const out: FtmEntity[] = s.entities.map((e) => {
    const { schema, props } = entitySchema(e);
    const c = contact.get(e.id);
    if (c && (e.type === 'PERSON' || e.type === 'ORGANISATION')) Object.assign(props, { phone: c.phone, email: c.email });
    if (addresses.has(e.id)) props.addressEntity = addresses.get(e.id)!;
    const declared = declaredOf(e, 'entity');
    // A declared type's properties are already in its Note's description.
    if (!activeRegistry().extra.entityTypes.has(e.type) && Object.keys(declared).length > 0) props.notes = asNotes(declared);
    return { id: e.id, schema, properties: clean(props), lantern: { ...meta(e, e.type, e.masked), ...(Object.keys(declared).length > 0 ? { properties: declared } : {}) } };
  });
  for (const l of s.links) {
    const { schema, props } = linkSchema(l, byId);
    const declared = declaredOf(l, 'link');
    if (Object.keys(declared).length > 0) props.description = asNotes(declared).join('; ');
    out.push({ id: l.id, schema, properties: clean(props), lantern: { ...meta(l, l.type), ...(Object.keys(declared).length > 0 ? { properties: declared } : {}) } });
  }
  return out;
}

export function toFtm(s: Selection): string {
  return toFtmEntities(s).map((e) => JSON.stringify(e)).join('\n') + '\n';
}
