/**
 * Starting points for a mapping (docs/import.md): the workspace offers them to pick, then the
 * analyst edits the text. Column names are examples; a file's own header decides.
 */
export interface MappingTemplate {
  name: string;
  /** File extensions it suits. */
  suits: string[];
  text: string;
}

export const TEMPLATES: MappingTemplate[] = [
  {
    name: 'People with phones and addresses (CSV)',
    suits: ['csv', 'tsv', 'txt'],
    text: `version: 1
description: People with a phone and a home address
recordKey: [ref]
grading: { sourceEvaluation: 2, intelligenceAssessment: B, handlingCode: P, classification: OFFICIAL }
entities:
  person:
    type: PERSON
    properties:
      givenName: { column: given, transform: [trim, title] }
      familyName: { column: family, transform: [trim, title] }
      dateOfBirth: { column: dob, transform: [{ date: dd/MM/yyyy }] }
  phone:
    type: PHONE
    properties:
      number: { column: tel, transform: [{ phone: GB }] }
  home:
    type: PREMISES
    key: [postcode, street]
    properties:
      addressLine: { column: street, transform: [collapse_spaces, title] }
      postcode: { column: postcode, transform: [postcode] }
      kind: { value: RESIDENTIAL }
links:
  - { type: USES_PHONE, from: person, to: phone }
  - { type: LIVES_AT, from: person, to: home }
`,
  },
  {
    name: 'Premises with booking phones (CSV)',
    suits: ['csv', 'tsv', 'txt'],
    text: `version: 1
description: Premises of interest with their booking phones
recordKey: [premises_ref]
grading: { sourceEvaluation: 1, intelligenceAssessment: A, handlingCode: P, classification: OFFICIAL }
entities:
  premises:
    type: PREMISES
    properties:
      name: { column: name, transform: [trim] }
      addressLine: street
      town: town
      postcode: { column: postcode, transform: [postcode] }
      kind: { column: kind, transform: [upper, { map: { 'MASSAGE PARLOUR': MASSAGE_PARLOUR, 'NAIL BAR': NAIL_BAR }, default: OTHER }] }
  phone:
    type: PHONE
    properties:
      number: { column: phone, transform: [{ phone: GB }] }
links:
  - { type: PREMISES_PHONE, from: premises, to: phone }
`,
  },
  {
    name: 'People (JSON or NDJSON)',
    suits: ['json', 'ndjson', 'jsonl'],
    text: `version: 1
recordKey: [id]
grading: { sourceEvaluation: 2, intelligenceAssessment: C, handlingCode: P, classification: OFFICIAL }
entities:
  person: { type: PERSON, properties: { fullName: name, dateOfBirth: born } }
  email: { type: EMAIL, properties: { address: contact.email } }
links:
  - { type: USES_EMAIL, from: person, to: email }
`,
  },
  {
    name: 'FollowTheMoney entities',
    suits: ['ftm', 'ijson', 'json', 'jsonl', 'ndjson'],
    text: `version: 1
format: ftm
recordKey: [id]
grading: { sourceEvaluation: 2, intelligenceAssessment: B, handlingCode: P, classification: OFFICIAL }
`,
  },
];

export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** The file's bytes in base64, as the import API takes them. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Rows per second and time left, in words. */
export function rateText(rowsPerSecond: number, secondsLeft: number | null): string {
  const rate = rowsPerSecond >= 100 ? Math.round(rowsPerSecond).toLocaleString('en-GB') : rowsPerSecond.toFixed(1);
  if (secondsLeft == null) return `${rate} rows/s`;
  const s = Math.max(0, Math.round(secondsLeft));
  const left = s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${rate} rows/s · ${left} left`;
}
