/**
 * Resolution schemes for organisations and premises (people are in people.ts). The pipeline is
 * the same (resolver.ts); what differs is what is compared:
 * - organisations: the name with legal suffixes and punctuation set aside ("Kestrel Holdings
 *   Ltd" = "KESTREL HOLDINGS LIMITED"), the company number exactly, where they are (the
 *   premises they operate, or their own address), phones and emails;
 * - premises: the UPRN exactly, the postcode (exact, a character apart, the same sector), the
 *   address line with its numbers compared on their own (flat 1 and flat 2 are different
 *   premises however alike the rest), the name, phones.
 * Levels run from strongest agreement to disagreement; priors are general, never fitted to a
 * data set.
 */
import type { Comparison, Levels } from './compare.ts';
import { addressLevel, addressSimilarity, anyShared, nearlyEqual } from './similarity.ts';
import { jaroWinkler, metaphone, plain, soundsAlike } from './text.ts';
import { joined, type Scheme } from './scheme.ts';

const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];
const compactPostcode = (x: string) => x.toUpperCase().replace(/[^A-Z0-9]/g, '');
const phoneDigits = (x: string) => x.replace(/[^\d+]/g, '');

// ---- organisations -------------------------------------------------------------------------

/** Words that say what kind of legal person a name is, not which one. */
const LEGAL_WORDS = new Set([
  'ltd', 'limited', 'plc', 'llp', 'lp', 'llc', 'inc', 'incorporated', 'co', 'company', 'corp', 'corporation', 'cic', 'cio',
  'gmbh', 'sa', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ag', 'oy', 'ab', 'sro', 'kft', 'sp', 'zoo', 'the', 'and',
]);

/** An organisation's name without case, accents, punctuation and legal-form words ("The Kestrel Co. Ltd" -> "kestrel"). */
export function organisationName(name: string | null | undefined): string {
  const words = plain(name).split(' ').filter(Boolean);
  const kept = words.filter((w) => !LEGAL_WORDS.has(w));
  return (kept.length ? kept : words).join(' ');
}

export interface OrganisationInput {
  id: string;
  source?: string | null;
  name?: string | null;
  companyNumber?: string | null;
  /** Where it is: its own address or the premises it operates. */
  addresses?: string[] | null;
  postcodes?: string[] | null;
  phones?: string[] | null;
  emails?: string[] | null;
}

export interface PreparedOrganisation {
  id: string;
  name: string;
  words: string[];
  companyNumber: string;
  addresses: string[];
  postcodes: string[];
  phones: string[];
  emails: string[];
}

export const ORGANISATION_COMPARISONS: readonly Comparison[] = [
  { name: 'name', levels: ['exact (legal form aside)', 'same words in another order', 'Jaro-Winkler >= 0.92', 'sounds alike', 'Jaro-Winkler >= 0.80', 'different'], mPrior: [0.75, 0.05, 0.1, 0.03, 0.03, 0.04], uPrior: [0.002, 0.0005, 0.002, 0.002, 0.01, 0.9835] },
  { name: 'companyNumber', levels: ['exact', 'different'], mPrior: [0.97, 0.03], uPrior: [0.00001, 0.99999] },
  { name: 'address', levels: ['same address', 'nearly the same address', 'same postcode', 'similar address or postcode', 'different'], mPrior: [0.5, 0.1, 0.15, 0.05, 0.2], uPrior: [0.0005, 0.0005, 0.005, 0.01, 0.984] },
  { name: 'phone', levels: ['shared', 'different'], mPrior: [0.5, 0.5], uPrior: [0.0001, 0.9999] },
  { name: 'email', levels: ['shared', 'different'], mPrior: [0.5, 0.5], uPrior: [0.0001, 0.9999] },
];

function prepareOrganisation(o: OrganisationInput): PreparedOrganisation {
  const name = organisationName(o.name);
  return {
    id: o.id,
    name,
    words: name.split(' ').filter(Boolean),
    companyNumber: (o.companyNumber ?? '').toUpperCase().replace(/[^A-Z0-9]/g, ''),
    addresses: uniq((o.addresses ?? []).map(plain)),
    postcodes: uniq((o.postcodes ?? []).map(compactPostcode)),
    phones: uniq((o.phones ?? []).map(phoneDigits)),
    emails: uniq((o.emails ?? []).map((x) => x.trim().toLowerCase())),
  };
}

function nameLevel(a: PreparedOrganisation, b: PreparedOrganisation): number | null {
  if (!a.name || !b.name) return null;
  if (a.name === b.name) return 0;
  if (a.words.length > 1 && [...a.words].sort().join(' ') === [...b.words].sort().join(' ')) return 1;
  const j = jaroWinkler(a.name, b.name);
  if (j >= 0.92) return 2;
  if (a.words.length === b.words.length && a.words.every((w, i) => soundsAlike(w, b.words[i]!))) return 3;
  if (j >= 0.8) return 4;
  return 5;
}

const sharedLevel = (a: string[], b: string[]): number | null => {
  const s = anyShared(a, b);
  return s === null ? null : s ? 0 : 1;
};

function compareOrganisations(a: PreparedOrganisation, b: PreparedOrganisation): { levels: Levels; swapped: boolean } {
  return {
    levels: [
      nameLevel(a, b),
      a.companyNumber && b.companyNumber ? (a.companyNumber === b.companyNumber ? 0 : 1) : null,
      addressLevel(a, b),
      sharedLevel(a.phones, b.phones),
      sharedLevel(a.emails, b.emails),
    ],
    swapped: false,
  };
}

function organisationKeys(o: PreparedOrganisation): string[] {
  const keys: string[] = [];
  if (o.words.length) {
    keys.push(`on:${o.words.map((w) => metaphone(w)[0] || w).join(':')}`);
    keys.push(`ow:${[...o.words].sort().join(' ')}`);
  }
  if (o.companyNumber) keys.push(`oc:${o.companyNumber}`);
  for (const x of o.postcodes) keys.push(`op:${x}`);
  for (const x of o.phones) keys.push(`p:${x}`);
  for (const x of o.emails) keys.push(`e:${x}`);
  return keys;
}

function showOrganisation(o: OrganisationInput, field: string): string | null {
  switch (field) {
    case 'name':
      return o.name ?? null;
    case 'companyNumber':
      return o.companyNumber ?? null;
    case 'address':
      return joined([...(o.addresses ?? []), ...(o.postcodes ?? [])]);
    case 'phone':
      return joined(o.phones);
    case 'email':
      return joined(o.emails);
    default:
      return null;
  }
}

export const ORGANISATIONS: Scheme<OrganisationInput, PreparedOrganisation> = {
  type: 'ORGANISATION',
  comparisons: ORGANISATION_COMPARISONS,
  sessions: [
    { prefix: 'on:', excludes: ['name'] },
    { prefix: 'oc:', excludes: ['companyNumber'] },
    { prefix: 'op:', excludes: ['address'] },
    { prefix: 'p:', excludes: ['phone'] },
    { prefix: 'e:', excludes: ['email'] },
  ],
  prepare: prepareOrganisation,
  compare: compareOrganisations,
  blockingKeys: organisationKeys,
  termFrequency: { name: (o) => o.name },
  show: showOrganisation,
};

// ---- premises ------------------------------------------------------------------------------

const STREET_WORDS: Record<string, string> = {
  street: 'st', road: 'rd', avenue: 'ave', av: 'ave', lane: 'ln', drive: 'dr', close: 'cl', court: 'ct', place: 'pl',
  crescent: 'cres', terrace: 'ter', gardens: 'gdns', square: 'sq', parade: 'pde', grove: 'gr', way: 'way',
  apartment: 'flat', apt: 'flat', unit: 'flat', floor: 'fl', first: '1st', ground: 'gnd',
};

/** An address line in plain form, street words abbreviated one way ("12 High Street" = "12 high st"). */
export function addressForm(line: string | null | undefined): string {
  return plain(line)
    .split(' ')
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w)
    .join(' ');
}

/** The numbers of an address (house, flat, unit: "flat 2 12a high st" -> ["2", "12a"]). */
const numbersOf = (form: string) => form.split(' ').filter((w) => /^\d+[a-z]?$/.test(w));

export interface PremisesInput {
  id: string;
  source?: string | null;
  name?: string | null;
  addressLine?: string | null;
  town?: string | null;
  postcode?: string | null;
  uprn?: string | null;
  phones?: string[] | null;
}

export interface PreparedPremises {
  id: string;
  name: string;
  address: string;
  numbers: string;
  words: string;
  town: string;
  postcode: string;
  uprn: string;
  phones: string[];
}

export const PREMISES_COMPARISONS: readonly Comparison[] = [
  { name: 'uprn', levels: ['exact', 'different'], mPrior: [0.97, 0.03], uPrior: [0.00001, 0.99999] },
  { name: 'address', levels: ['exact', 'same numbers, nearly the same words', 'same numbers, similar words', 'different numbers, similar words', 'different'], mPrior: [0.75, 0.12, 0.05, 0.03, 0.05], uPrior: [0.0005, 0.0005, 0.002, 0.01, 0.987] },
  { name: 'postcode', levels: ['exact', 'one character apart', 'same sector', 'different'], mPrior: [0.85, 0.04, 0.05, 0.06], uPrior: [0.001, 0.001, 0.02, 0.978] },
  { name: 'name', levels: ['exact', 'Jaro-Winkler >= 0.90', 'different'], mPrior: [0.6, 0.15, 0.25], uPrior: [0.001, 0.002, 0.997] },
  { name: 'phone', levels: ['shared', 'different'], mPrior: [0.5, 0.5], uPrior: [0.0001, 0.9999] },
];

function preparePremises(p: PremisesInput): PreparedPremises {
  const address = addressForm(p.addressLine);
  const numbers = numbersOf(address);
  return {
    id: p.id,
    name: organisationName(p.name),
    address,
    numbers: numbers.join(' '),
    words: address
      .split(' ')
      .filter((w) => !numbers.includes(w) && w !== 'flat')
      .join(' '),
    town: plain(p.town),
    postcode: compactPostcode(p.postcode ?? ''),
    uprn: (p.uprn ?? '').replace(/\D/g, ''),
    phones: uniq((p.phones ?? []).map(phoneDigits)),
  };
}

/** The postcode sector: outward code and the inward code's digit ("RG12AB" -> "RG1 2"). */
const sector = (pc: string) => (pc.length >= 5 ? `${pc.slice(0, -3)} ${pc.slice(-3, -2)}` : pc);

function comparePremises(a: PreparedPremises, b: PreparedPremises): { levels: Levels; swapped: boolean } {
  const levels: Levels = [null, null, null, null, null];
  if (a.uprn && b.uprn) levels[0] = a.uprn === b.uprn ? 0 : 1;
  if (a.address && b.address) {
    if (a.address === b.address) levels[1] = 0;
    else {
      const j = a.words && b.words ? addressSimilarity(a.words, b.words) : 0;
      const sameNumbers = a.numbers === b.numbers;
      levels[1] = j >= 0.9 && sameNumbers ? 1 : j >= 0.8 && sameNumbers ? 2 : j >= 0.8 ? 3 : 4;
    }
  }
  if (a.postcode && b.postcode) levels[2] = a.postcode === b.postcode ? 0 : nearlyEqual(a.postcode, b.postcode, 1) ? 1 : sector(a.postcode) === sector(b.postcode) ? 2 : 3;
  if (a.name && b.name) levels[3] = a.name === b.name ? 0 : jaroWinkler(a.name, b.name) >= 0.9 ? 1 : 2;
  levels[4] = sharedLevel(a.phones, b.phones);
  return { levels, swapped: false };
}

function premisesKeys(p: PreparedPremises): string[] {
  const keys: string[] = [];
  if (p.uprn) keys.push(`u:${p.uprn}`);
  if (p.postcode) keys.push(`pc:${p.postcode}`);
  const firstWord = p.words.split(' ')[0];
  if (firstWord) keys.push(`a:${p.numbers}:${metaphone(firstWord)[0] || firstWord}:${p.town || p.postcode.slice(0, -3)}`);
  for (const x of p.phones) keys.push(`p:${x}`);
  return keys;
}

function showPremises(p: PremisesInput, field: string): string | null {
  switch (field) {
    case 'uprn':
      return p.uprn ?? null;
    case 'address':
      return joined([p.addressLine, p.town]);
    case 'postcode':
      return p.postcode ?? null;
    case 'name':
      return p.name ?? null;
    case 'phone':
      return joined(p.phones);
    default:
      return null;
  }
}

export const PREMISES: Scheme<PremisesInput, PreparedPremises> = {
  type: 'PREMISES',
  comparisons: PREMISES_COMPARISONS,
  sessions: [
    { prefix: 'u:', excludes: ['uprn'] },
    { prefix: 'pc:', excludes: ['postcode'] },
    { prefix: 'a:', excludes: ['address'] },
    { prefix: 'p:', excludes: ['phone'] },
  ],
  prepare: preparePremises,
  compare: comparePremises,
  blockingKeys: premisesKeys,
  termFrequency: { address: (p) => p.address, postcode: (p) => p.postcode },
  show: showPremises,
};
