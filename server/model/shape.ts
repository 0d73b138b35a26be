/**
 * Shapes an entity's properties the way every writer stores them (docs/model.md): identifiers in
 * normal form, the chart card (the `label` the chart shows, and, in `props`, the `subtitle` and
 * `cardKind` of card.ts) and the `searchText` the full-text index sees.
 * The API's mutations, the demo and scale seeds and the importers all write through this.
 */
import { cardOf, storedCard } from './card.ts';
import type { EntityType } from './model.ts';
import { activeRegistry, labelFromRule } from './registry/registry.ts';
import { fold, normaliseEmail, parsePhone, parsePostcode, parseVrm, personSearchForms, searchText, type PhoneForms } from './normalise.ts';

export type Props = Record<string, unknown>;

export interface Shaped {
  label: string;
  searchText: string;
  props: Props;
}

/** A property that failed to shape: `property` names it, `message` says what is wrong. */
export class ShapeError extends Error {
  constructor(
    readonly property: string,
    message: string,
  ) {
    super(`${property}: ${message}`);
    this.name = 'ShapeError';
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String).filter((s) => s.trim() !== '') : []);

function shapePerson(p: Props): Shaped {
  const givenName = str(p.givenName);
  const familyName = str(p.familyName);
  const fullName = str(p.fullName) ?? [givenName, familyName].filter(Boolean).join(' ');
  if (!fullName) throw new ShapeError('givenName', 'a person needs a given name, a family name or a full name');
  const aliases = list(p.aliases);
  const props: Props = { ...p, givenName: givenName ?? null, familyName: familyName ?? null, fullName, aliases };
  for (const flag of ['potentialVictim', 'suspect', 'safeguarded']) props[flag] = p[flag] === true;
  if (p.niNumber) props.niNumber = String(p.niNumber).toUpperCase().replace(/\s/g, '');
  return {
    label: fullName,
    searchText: searchText([fullName, ...personSearchForms({ ...p, givenName, familyName, aliases })]),
    props,
  };
}

/** A kind code in words: MASSAGE_PARLOUR -> "massage parlour". */
export function kindWords(kind: unknown): string | undefined {
  return typeof kind === 'string' && kind ? kind.toLowerCase().replace(/_/g, ' ') : undefined;
}

function shapePremises(p: Props): Shaped {
  const name = str(p.name);
  const postcode = str(p.postcode) ? parsePostcode(String(p.postcode)) : undefined;
  if (str(p.postcode) && !postcode) throw new ShapeError('postcode', `${JSON.stringify(p.postcode)} is not a UK postcode`);
  const addressLine = str(p.addressLine);
  const town = str(p.town);
  if (!name && !addressLine) throw new ShapeError('name', 'premises need a name or an address');
  const label = [name ?? addressLine, postcode?.formatted].filter(Boolean).join(', ');
  return {
    label,
    // The kind in words ("massage parlour"), so a search for the kind finds the premises of that kind.
    searchText: searchText([name, addressLine, town, postcode?.formatted, postcode?.compact, kindWords(p.kind)]),
    props: { ...p, name: name ?? null, postcode: postcode?.formatted ?? null, postcodeCompact: postcode?.compact ?? null },
  };
}

/**
 * How a writer that made its phone numbers itself (the scale generator) gives their forms without
 * a full parse of each; undefined for any number it did not make, which libphonenumber then parses.
 */
export type KnownPhones = (written: string) => PhoneForms | undefined;

function shapePhone(p: Props, known?: KnownPhones): Shaped {
  const written = str(p.e164) ?? str(p.number);
  const phone = written ? (known?.(written) ?? parsePhone(written)) : undefined;
  if (!phone) throw new ShapeError('e164', `${JSON.stringify(written ?? null)} is not a phone number`);
  const { number: _n, ...rest } = p;
  return {
    label: phone.national,
    searchText: searchText([phone.national, ...phone.searchForms]),
    props: { ...rest, e164: phone.e164, country: phone.country ?? null, lineType: phone.lineType },
  };
}

function shapeEmail(p: Props): Shaped {
  const address = str(p.address) ? normaliseEmail(String(p.address)) : undefined;
  if (!address) throw new ShapeError('address', `${JSON.stringify(p.address ?? null)} is not an email address`);
  return { label: address, searchText: searchText([address, address.split('@')[0]]), props: { ...p, address } };
}

function shapeVehicle(p: Props): Shaped {
  const vrm = str(p.vrm) ? parseVrm(String(p.vrm)) : undefined;
  if (!vrm) throw new ShapeError('vrm', `${JSON.stringify(p.vrm ?? null)} is not a vehicle registration mark`);
  const desc = [str(p.colour), str(p.make), str(p.model)].filter(Boolean).join(' ');
  return {
    label: desc ? `${vrm.spaced} (${desc})` : vrm.spaced,
    searchText: searchText([vrm.compact, vrm.spaced, str(p.make), str(p.model)]),
    props: { ...p, vrm: vrm.compact },
  };
}

function shapeBankAccount(p: Props): Shaped {
  const sortCode = String(p.sortCode ?? '').replace(/\D/g, '');
  const accountNumber = String(p.accountNumber ?? '').replace(/\D/g, '');
  if (sortCode.length !== 6) throw new ShapeError('sortCode', 'a sort code has 6 digits');
  if (accountNumber.length < 6 || accountNumber.length > 10) throw new ShapeError('accountNumber', 'an account number has 6 to 10 digits');
  const formatted = `${sortCode.slice(0, 2)}-${sortCode.slice(2, 4)}-${sortCode.slice(4)}`;
  return {
    label: `${formatted} ${accountNumber}`,
    searchText: searchText([`${formatted} ${accountNumber}`, `${sortCode}${accountNumber}`, accountNumber, str(p.bank)]),
    props: { ...p, sortCode: formatted, accountNumber, accountKey: `${sortCode}-${accountNumber}` },
  };
}

function shapeOrganisation(p: Props): Shaped {
  const name = str(p.name);
  if (!name) throw new ShapeError('name', 'an organisation needs a name');
  const companyNumber = str(p.companyNumber)?.toUpperCase().replace(/\s/g, '');
  return {
    label: name,
    searchText: searchText([name, companyNumber]),
    props: { ...p, name, companyNumber: companyNumber ?? null },
  };
}

function shapeByTitle(field: string, labelOf: (p: Props) => string | undefined, forms: (p: Props) => (string | undefined)[]) {
  return (p: Props): Shaped => {
    const label = labelOf(p);
    if (!label) throw new ShapeError(field, `${field} is required`);
    return { label, searchText: searchText([label, ...forms(p)]), props: { ...p } };
  };
}

const humanise = (code: unknown): string | undefined =>
  str(code) ? fold(String(code)).replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : undefined;

const SHAPERS: Record<EntityType, (p: Props) => Shaped> = {
  PERSON: shapePerson,
  PREMISES: shapePremises,
  PHONE: shapePhone,
  EMAIL: shapeEmail,
  VEHICLE: shapeVehicle,
  BANK_ACCOUNT: shapeBankAccount,
  ORGANISATION: shapeOrganisation,
  ADVERT: shapeByTitle('title', (p) => str(p.title) ?? (str(p.site) ? `Advert on ${str(p.site)}` : undefined), (p) => [str(p.site)]),
  OFFENCE: shapeByTitle(
    'category',
    (p) => [humanise(p.category), str(p.reference)].filter(Boolean).join(' ') || undefined,
    (p) => [str(p.reference), str(p.legislation)],
  ),
  OPERATION: shapeByTitle('name', (p) => str(p.name), () => []),
  VISIT: shapeByTitle('visitedOn', (p) => (str(p.visitedOn) ? `Visit ${str(p.visitedOn)}` : undefined), (p) => [humanise(p.outcome)]),
  REFERRAL: shapeByTitle(
    'kind',
    (p) => [str(p.kind)?.replace(/_/g, ' '), 'referral', str(p.referredOn)].filter(Boolean).join(' ') || undefined,
    () => [],
  ),
  RISK_FACTOR: shapeByTitle('kind', (p) => humanise(p.kind), (p) => [str(p.description)]),
};

/**
 * A type without a shaper of its own (one an installation's types file declares): its label by
 * its `labelFrom` rule, its search text from its searchable properties, phones, emails and
 * countries checked as the core's are.
 */
function shapeDeclared(type: string, p: Props): Shaped {
  const def = activeRegistry().entity(type);
  if (!def) throw new ShapeError('type', `${type} is not an entity type`);
  const props: Props = { ...p };
  for (const prop of def.properties) {
    const v = str(p[prop.name]);
    if (v === undefined) continue;
    if (prop.kind === 'phone') {
      const phone = parsePhone(v);
      if (!phone) throw new ShapeError(prop.name, `${JSON.stringify(v)} is not a phone number`);
      props[prop.name] = phone.e164;
    } else if (prop.kind === 'email') {
      const email = normaliseEmail(v);
      if (!email) throw new ShapeError(prop.name, `${JSON.stringify(v)} is not an email address`);
      props[prop.name] = email;
    } else if (prop.kind === 'enum' && !prop.list) {
      const code = v.toUpperCase().replace(/[\s-]+/g, '_');
      if (!prop.values!.includes(code)) throw new ShapeError(prop.name, `${JSON.stringify(v)} is not one of ${prop.values!.join(', ')}`);
      props[prop.name] = code;
    }
  }
  for (const prop of def.properties) {
    if (prop.required && prop.editable && !prop.list && prop.kind !== 'boolean' && (props[prop.name] === undefined || props[prop.name] === null || props[prop.name] === '')) {
      throw new ShapeError(prop.name, `${prop.name} is required`);
    }
  }
  const label = labelFromRule(def, props);
  if (!label) throw new ShapeError(def.labelFrom.properties[0]!, `a ${def.displayName.toLowerCase()} needs ${def.labelFrom.properties.join(' or ')}`);
  const forms = def.properties.filter((q) => q.searchable).flatMap((q) => (Array.isArray(props[q.name]) ? (props[q.name] as unknown[]).map(String) : [str(props[q.name])]));
  return { label, searchText: searchText([label, ...forms]), props };
}

/** Shapes one entity's properties; throws ShapeError naming the bad property. */
export function shapeEntity(type: EntityType, props: Props, o: { knownPhones?: KnownPhones } = {}): Shaped {
  const shaper = SHAPERS[type] as ((p: Props) => Shaped) | undefined;
  const shaped = type === 'PHONE' ? shapePhone(props, o.knownPhones) : shaper ? shaper(props) : shapeDeclared(type, props);
  // The card is made from the shaped properties, so it follows every edit that reshapes them.
  Object.assign(shaped.props, storedCard(cardOf(type, shaped.props, shaped.label)));
  return shaped;
}
