/**
 * The entity-resolution benchmarks' data: FEBRL dataset1 and Splink's fake_1000 (read from
 * bench/datasets, with their licences), the demo scenario's people with its truth
 * file's duplicates, and the scale generator's people for throughput.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PersonInput } from '../../server/modules/resolve/person.ts';
import { generateDemo } from '../../seed/demo/generate.ts';
import { generateCell, PEOPLE_PER_CELL } from '../../seed/scale/generate.ts';
import type { Dataset } from '../../server/modules/load/load.service.ts';
import { parsePhone } from '../../server/model/normalise.ts';
import { datasetsDir } from '../datasets/location.ts';

export interface Labelled {
  records: PersonInput[];
  /** True clusters of record ids (singletons may be left out). */
  truth: string[][];
}

export { datasetsDir };

function readCsv(file: string): Record<string, string>[] {
  const full = path.join(datasetsDir, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: the benchmarks read bench/datasets (or LANTERN_DATASETS when set)`);
  return parse(fs.readFileSync(full), { columns: true, trim: true, skip_empty_lines: true }) as Record<string, string>[];
}

const nonEmpty = (...xs: (string | undefined)[]) => xs.map((x) => x?.trim() ?? '').filter(Boolean);

/** FEBRL dataset1: rec-N-org and rec-N-dup-k are the same person. */
export function febrl1(): Labelled {
  const rows = readCsv('febrl/dataset1.csv');
  const records: PersonInput[] = rows.map((r) => ({
    id: r.rec_id!,
    givenName: r.given_name,
    familyName: r.surname,
    dateOfBirth: r.date_of_birth,
    addresses: nonEmpty([r.street_number, r.address_1].filter(Boolean).join(' ')),
    towns: nonEmpty(r.suburb),
    postcodes: nonEmpty(r.postcode),
    identifiers: nonEmpty(r.soc_sec_id).map((x) => `ssn:${x}`),
  }));
  const byPerson = new Map<string, string[]>();
  for (const r of records) {
    const person = r.id.split('-')[1]!;
    byPerson.set(person, [...(byPerson.get(person) ?? []), r.id]);
  }
  return { records, truth: [...byPerson.values()] };
}

/** Splink fake_1000: `cluster` is the true person. */
export function splinkFake1000(): Labelled {
  const rows = readCsv('splink/fake_1000.csv');
  const records: PersonInput[] = rows.map((r) => ({
    id: r.unique_id!,
    givenName: r.first_name,
    familyName: r.surname,
    dateOfBirth: r.dob,
    towns: nonEmpty(r.city),
    emails: nonEmpty(r.email),
  }));
  const byCluster = new Map<string, string[]>();
  rows.forEach((r) => byCluster.set(r.cluster!, [...(byCluster.get(r.cluster!) ?? []), r.unique_id!]));
  return { records, truth: [...byCluster.values()] };
}

/** People of a loader data set with their phones, emails, home postcodes and identifiers. */
export function peopleOf(data: Dataset): PersonInput[] {
  const byId = new Map(data.entities.map((e) => [e.id, e]));
  const people = new Map<string, PersonInput>();
  for (const e of data.entities) {
    if (e.type !== 'PERSON') continue;
    const p = e.props;
    people.set(e.id, {
      id: e.id,
      source: e.sourceIds[0]?.split('-')[1] ?? null,
      givenName: (p.givenName as string) ?? null,
      familyName: (p.familyName as string) ?? null,
      dateOfBirth: (p.dateOfBirth as string) ?? null,
      gender: (p.gender as string) ?? null,
      phones: [],
      emails: [],
      postcodes: [],
      addresses: [],
      identifiers: [p.niNumber ? `ni:${p.niNumber}` : '', p.passportNumber ? `passport:${p.passportNumber}` : '', p.pncId ? `pnc:${p.pncId}` : ''].filter(Boolean),
    });
  }
  for (const l of data.links) {
    const person = people.get(l.from);
    const other = byId.get(l.to);
    if (!person || !other) continue;
    if (l.type === 'USES_PHONE') {
      const e164 = parsePhone(String(other.props.e164 ?? other.props.number ?? ''))?.e164;
      if (e164) person.phones!.push(e164);
    } else if (l.type === 'USES_EMAIL') person.emails!.push(String(other.props.address));
    else if (l.type === 'LIVES_AT') {
      if (other.props.postcode) person.postcodes!.push(String(other.props.postcode));
      if (other.props.addressLine) person.addresses!.push(String(other.props.addressLine));
    }
  }
  return [...people.values()];
}

/** The demo's people; the truth file's duplicates are the true clusters. */
export function demoPeople(): Labelled {
  const demo = generateDemo();
  return { records: peopleOf(demo.data), truth: demo.truth.duplicates.map((d) => d.personIds) };
}

/** People of the scale generator's first cells, until `people` records. */
export function scalePeople(people: number): Labelled {
  const records: PersonInput[] = [];
  const truth: string[][] = [];
  for (let cell = 0; records.length < people; cell++) {
    const { data, truth: t } = generateCell(cell, PEOPLE_PER_CELL);
    records.push(...peopleOf(data));
    truth.push(...t.duplicates.map((d) => d.personIds));
  }
  return { records: records.slice(0, people), truth };
}

/** The same records with every field but the names dropped (watch-list style). */
export function namesOnly(data: Labelled): Labelled {
  return {
    records: data.records.map((r) => ({ id: r.id, givenName: r.givenName ?? null, familyName: r.familyName ?? null, fullName: r.fullName ?? null,  })),
    truth: data.truth,
  };
}

/** Column names recognised in any file, lower case without spaces or underscores. */
const COLUMNS: Record<string, string[]> = {
  id: ['id', 'uniqueid', 'recid', 'recordid'],
  givenName: ['givenname', 'firstname', 'forename', 'first', 'given'],
  familyName: ['surname', 'familyname', 'lastname', 'last', 'family'],
  fullName: ['name', 'fullname', 'caption'],
  dateOfBirth: ['dob', 'dateofbirth', 'birthdate', 'born'],
  email: ['email', 'emailaddress'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phonenumber'],
  postcode: ['postcode', 'zip', 'zipcode', 'postalcode'],
  address: ['address', 'address1', 'street', 'addressline'],
  streetNumber: ['streetnumber', 'housenumber'],
  town: ['town', 'city', 'suburb', 'locality'],
};

/**
 * Any CSV with a truth column: its columns recognised by name (given/first name, surname,
 * name, dob, email, phone, postcode, address, town or city; see COLUMNS), `identifiers` as
 * `column=kind` pairs read as identifiers of that kind. Records with the same truth value are
 * one entity. `prefix` keeps ids of two files apart.
 */
export function fromFile(file: string, truthColumn: string, o: { identifiers?: Record<string, string>; prefix?: string } = {}): Labelled & { columns: Record<string, string>; truthKeys: (string | null)[] } {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing`);
  const rows = parse(fs.readFileSync(file), { columns: true, trim: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  const header = Object.keys(rows[0] ?? {});
  if (!header.includes(truthColumn)) throw new Error(`${file} has no column ${truthColumn} (its columns: ${header.join(', ')})`);
  const norm = (h: string) => h.toLowerCase().replace(/[\s_-]+/g, '');
  const columns: Record<string, string> = {};
  for (const [field, names] of Object.entries(COLUMNS)) {
    const found = header.find((h) => h !== truthColumn && names.includes(norm(h)));
    if (found) columns[field] = found;
  }
  for (const c of Object.keys(o.identifiers ?? {})) if (!header.includes(c)) throw new Error(`${file} has no column ${c} (its columns: ${header.join(', ')})`);
  const get = (r: Record<string, string>, field: string) => (columns[field] ? r[columns[field]]?.trim() || undefined : undefined);
  const prefix = o.prefix ?? '';
  const records: PersonInput[] = rows.map((r, i) => ({
    id: `${prefix}${get(r, 'id') ?? String(i + 1)}`,
    givenName: get(r, 'givenName') ?? null,
    familyName: get(r, 'familyName') ?? null,
    fullName: get(r, 'fullName') ?? null,
    dateOfBirth: get(r, 'dateOfBirth') ?? null,
    emails: nonEmpty(get(r, 'email')),
    phones: nonEmpty(get(r, 'phone')).map((x) => parsePhone(x)?.e164 ?? x),
    postcodes: nonEmpty(get(r, 'postcode')),
    addresses: nonEmpty([get(r, 'streetNumber'), get(r, 'address')].filter(Boolean).join(' ')),
    towns: nonEmpty(get(r, 'town')),
    identifiers: Object.entries(o.identifiers ?? {}).flatMap(([column, kind]) => nonEmpty(r[column]).map((v) => `${kind}:${v}`)),
  }));
  const byTruth = new Map<string, string[]>();
  rows.forEach((r, i) => {
    const t = r[truthColumn]?.trim();
    if (t) byTruth.set(t, [...(byTruth.get(t) ?? []), records[i]!.id]);
  });
  return { records, truth: [...byTruth.values()], columns, truthKeys: rows.map((r) => r[truthColumn]?.trim() || null) };
}
