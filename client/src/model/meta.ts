/**
 * How each entity and link type looks and reads: colours, names, glyphs. One place, so the
 * chart, the legend, the search results and the filters agree.
 */
import type { EntityType } from './types.ts';

export interface EntityMeta {
  name: string;
  plural: string;
  colour: string;
  /** SVG markup of a glyph in a 24x24 box, drawn in white on the type's colour; `C` is replaced by the colour. */
  glyph: string;
}

export const ENTITY_META: Record<EntityType, EntityMeta> = {
  PERSON: {
    name: 'Person',
    plural: 'People',
    colour: '#3567a8',
    glyph: '<circle cx="12" cy="7.5" r="4"/><path d="M4 21c0-4.6 3.6-7.5 8-7.5s8 2.9 8 7.5z"/>',
  },
  PREMISES: {
    name: 'Premises',
    plural: 'Premises',
    colour: '#8b5e34',
    glyph: '<path d="M12 3l9 8h-3v10H6V11H3z"/><rect x="10" y="14" width="4" height="7" fill="C"/>',
  },
  PHONE: {
    name: 'Phone',
    plural: 'Phones',
    colour: '#23877c',
    glyph: '<rect x="7" y="2" width="10" height="20" rx="2"/><rect x="9" y="5" width="6" height="11" fill="C"/><circle cx="12" cy="19" r="1.2" fill="C"/>',
  },
  EMAIL: {
    name: 'Email',
    plural: 'Emails',
    colour: '#62788c',
    glyph: '<rect x="3" y="6" width="18" height="12" rx="1.5"/><path d="M3.5 7l8.5 6.5L20.5 7" fill="none" stroke="C" stroke-width="1.8"/>',
  },
  VEHICLE: {
    name: 'Vehicle',
    plural: 'Vehicles',
    colour: '#6f7a2e',
    glyph: '<path d="M6.5 6h11l2.5 5H4z"/><rect x="3" y="10.5" width="18" height="6.5" rx="2"/><circle cx="7.5" cy="17.5" r="2.2" stroke="C" stroke-width="1.2"/><circle cx="16.5" cy="17.5" r="2.2" stroke="C" stroke-width="1.2"/>',
  },
  BANK_ACCOUNT: {
    name: 'Bank account',
    plural: 'Bank accounts',
    colour: '#2f7a4a',
    glyph: '<path d="M12 2.5l9.5 5v1.5h-19V7.5z"/><rect x="5" y="10.5" width="2.5" height="7"/><rect x="10.75" y="10.5" width="2.5" height="7"/><rect x="16.5" y="10.5" width="2.5" height="7"/><rect x="3" y="18.5" width="18" height="2.5"/>',
  },
  ORGANISATION: {
    name: 'Organisation',
    plural: 'Organisations',
    colour: '#6b4f96',
    glyph: '<rect x="3" y="8" width="18" height="12" rx="2"/><rect x="8.5" y="4.5" width="7" height="5" rx="1" fill="none" stroke="#fff" stroke-width="2"/><rect x="3" y="12.5" width="18" height="1.4" fill="C"/>',
  },
  ADVERT: {
    name: 'Advert',
    plural: 'Adverts',
    colour: '#b0507a',
    glyph: '<path d="M3 9.5h4l9-5v15l-9-5H3z"/><rect x="6" y="14" width="3" height="6" rx="1"/><rect x="18" y="10" width="3" height="4" rx="1"/>',
  },
  OFFENCE: {
    name: 'Offence',
    plural: 'Offences',
    colour: '#b03a3a',
    glyph: '<path d="M12 2.5l10 18H2z"/><rect x="11" y="8.5" width="2" height="6.5" fill="C"/><rect x="11" y="16.5" width="2" height="2" fill="C"/>',
  },
  OPERATION: {
    name: 'Operation',
    plural: 'Operations',
    colour: '#3d4b57',
    glyph: '<rect x="5" y="2.5" width="2" height="19"/><path d="M7 3.5h12l-3 4.5 3 4.5H7z"/>',
  },
  VISIT: {
    name: 'Visit',
    plural: 'Visits',
    colour: '#5666b5',
    glyph: '<rect x="5" y="4" width="14" height="17.5" rx="2"/><rect x="9" y="2.5" width="6" height="3.5" rx="1" stroke="C" stroke-width="1"/><rect x="8" y="10" width="8" height="1.6" fill="C"/><rect x="8" y="13.5" width="8" height="1.6" fill="C"/><rect x="8" y="17" width="5" height="1.6" fill="C"/>',
  },
  REFERRAL: {
    name: 'Referral',
    plural: 'Referrals',
    colour: '#a0781f',
    glyph: '<path d="M3 10h10V5.5l8 6.5-8 6.5V14H3z"/>',
  },
  RISK_FACTOR: {
    name: 'Risk factor',
    plural: 'Risk factors',
    colour: '#d06528',
    glyph: '<path d="M12 2l10 10-10 10L2 12z"/><rect x="11" y="7" width="2" height="6.5" fill="C"/><rect x="11" y="15" width="2" height="2" fill="C"/>',
  },
};

export interface LinkMeta {
  /** Reads between the two ends: "works at". */
  verb: string;
  colour: string;
  /** Drawn with an arrow: the direction matters to the reader. */
  directed: boolean;
}

const PLACE = '#9a7650';
const COMMS = '#3f9c91';
const MONEY = '#7d68a6';
const PEOPLE = '#5b6f8a';
const OFFENCE = '#bf4c4c';
const OPS = '#6c79bf';

export const LINK_META: Record<string, LinkMeta> = {
  USES_PHONE: { verb: 'uses phone', colour: COMMS, directed: false },
  USES_EMAIL: { verb: 'uses email', colour: '#7a8da0', directed: false },
  LIVES_AT: { verb: 'lives at', colour: PLACE, directed: true },
  WORKS_AT: { verb: 'works at', colour: PLACE, directed: true },
  ASSOCIATE_OF: { verb: 'associate of', colour: PEOPLE, directed: false },
  KEEPER_OF: { verb: 'keeper of', colour: '#7f8a3c', directed: true },
  DRIVES: { verb: 'drives', colour: '#7f8a3c', directed: true },
  VEHICLE_SEEN_AT: { verb: 'seen at', colour: '#7f8a3c', directed: true },
  HOLDS_ACCOUNT: { verb: 'holds account', colour: '#3f8a5a', directed: true },
  DIRECTOR_OF: { verb: 'director of', colour: MONEY, directed: true },
  OPERATES: { verb: 'operates', colour: MONEY, directed: true },
  PREMISES_PHONE: { verb: 'phone of', colour: COMMS, directed: false },
  ADVERT_LISTS_PHONE: { verb: 'lists phone', colour: '#b86a8c', directed: true },
  ADVERT_LOCATED_AT: { verb: 'located at', colour: '#b86a8c', directed: true },
  ADVERT_FEATURES: { verb: 'features', colour: '#b86a8c', directed: true },
  CALLED: { verb: 'called', colour: '#2b7f76', directed: true },
  INVOLVED_IN: { verb: 'involved in', colour: OFFENCE, directed: true },
  OCCURRED_AT: { verb: 'occurred at', colour: OFFENCE, directed: true },
  INCLUDES_VISIT: { verb: 'includes visit', colour: OPS, directed: true },
  VISIT_AT: { verb: 'visit at', colour: OPS, directed: true },
  ENCOUNTERED: { verb: 'encountered', colour: OPS, directed: true },
  REFERRAL_FOR: { verb: 'referral for', colour: '#b08a35', directed: true },
  HAS_RISK_FACTOR: { verb: 'risk factor', colour: '#d37a45', directed: true },
};

export function linkMeta(type: string): LinkMeta {
  return LINK_META[type] ?? { verb: type.toLowerCase().replace(/_/g, ' '), colour: '#8a94a0', directed: false };
}

/** "POTENTIAL_VICTIM" to "potential victim". */
export function humanise(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}
