/**
 * i2 Analyst's Notebook exchange XML (ANX, "Analyst's Notebook 7" schema). IBM publishes no
 * schema file; the structure follows the binding generated from it (pcbje/pyanx, anx.py): a
 * `Chart` with, in this order, the grading system (GradeOne/Two/Three string collections), link
 * strengths, attribute classes, entity types, link types, then one `ChartItemCollection`.
 * `IdReferenceLinking="false"`: items refer to each other by name and EntityId.
 *
 * Mapping: each entity is an icon `End` (its type's ANB icon, see ICON), labelled, at its chart
 * position; each link a `Link` between the EntityIds with its label, arrow and line colour; the
 * 3x5x2 grade goes in ANB's grading fields (GradeOne = source evaluation 1-3, GradeTwo =
 * intelligence assessment A-E, GradeThree = handling code P/C); low-grade links are drawn dashed
 * ("Unconfirmed" strength); dates go in DateTime (validFrom, else the date of an event entity);
 * source systems and record keys in SourceType and SourceReference; everything else, entity and
 * link properties included, as attributes, whose classes are typed as the registry declares the
 * property (AttNumber, AttFlag, AttTime for dates, else AttText).
 */
import type { EntityType } from '../../model/model.ts';
import type { PropertyValue, SelectedEntity, SelectedLink, Selection } from '../selection/index.ts';
import { entityPropertyColumns, linkLabel, linkPropertyColumns, propertyText, provenanceLine, rgb, xmlComment, xmlText, type ValueType } from './common.ts';
import { xmlDocument, type XmlElement } from './xml.ts';

/** ANB standard icon (IconFile) per core entity type; a type an installation declares gets ANB's Default. */
export const ICON: Record<EntityType, string> = {
  PERSON: 'Person',
  PREMISES: 'Building',
  PHONE: 'Mobile Phone',
  EMAIL: 'Email',
  VEHICLE: 'Car',
  BANK_ACCOUNT: 'Bank Account',
  ORGANISATION: 'Organisation',
  ADVERT: 'Document',
  OFFENCE: 'Crime',
  OPERATION: 'Operation',
  VISIT: 'Meeting',
  REFERRAL: 'Document',
  RISK_FACTOR: 'Warning',
};

export const GRADE_ONE = ['1 - reliable', '2 - untested', '3 - not reliable'];
export const GRADE_TWO = ['A - known directly', 'B - known indirectly, corroborated', 'C - known indirectly', 'D - not known', 'E - suspected false'];
export const GRADE_THREE = ['P - lawful sharing permitted', 'C - sharing with conditions'];

/** #rrggbb to a Windows COLORREF (0x00BBGGRR), as ANB stores colours. */
function colourRef(hex: string): number {
  const { r, g, b } = rgb(hex);
  return (b << 16) | (g << 8) | r;
}

function grades(x: SelectedEntity | SelectedLink): Record<string, number> {
  return {
    GradeOneIndex: x.grading.sourceEvaluation - 1,
    GradeTwoIndex: 'ABCDE'.indexOf(x.grading.intelligenceAssessment),
    GradeThreeIndex: x.grading.handlingCode === 'P' ? 0 : 1,
  };
}

/** ANB's attribute types for the registry's kinds (ANB has no list: lists are text). */
const ANB_TYPE: Record<ValueType, string> = { string: 'AttText', list: 'AttText', int: 'AttNumber', float: 'AttNumber', boolean: 'AttFlag', date: 'AttTime', datetime: 'AttTime' };

const ENTITY_DATE = ['occurredOn', 'visitedOn', 'referredOn', 'postedOn', 'startDate', 'recordedOn'];

function dated(date: string | null): Record<string, string> {
  if (!date) return {};
  return { DateTime: `${date.slice(0, 10)}T00:00:00`, DateSet: 'true', TimeSet: 'false' };
}

export function toAnx(s: Selection): string {
  const sourceOf = new Map(s.sources.map((r) => [r.id, r]));
  const sourceFields = (ids: string[]) => {
    const rs = ids.map((id) => sourceOf.get(id)).filter((r) => r !== undefined);
    return rs.length === 0 ? {} : { SourceType: xmlText([...new Set(rs.map((r) => r.source))].join(', ')), SourceReference: xmlText(rs.map((r) => r.recordKey).join(', ')) };
  };
  // Attribute classes are shared by entities and links: a name typed two ways is text.
  const attributeTypes = new Map<string, string>(['Lantern id', 'Grade', 'Classification', 'Handling conditions', 'Record ids'].map((n) => [n, 'AttText']));
  if (s.links.some((l) => l.role)) attributeTypes.set('Role', 'AttText');
  for (const c of [...entityPropertyColumns(s.entities), ...linkPropertyColumns(s.links)]) {
    const t = ANB_TYPE[c.type];
    attributeTypes.set(c.name, attributeTypes.has(c.name) && attributeTypes.get(c.name) !== t ? 'AttText' : t);
  }
  const attributeValue = (name: string, v: PropertyValue): string => {
    const t = attributeTypes.get(name);
    if (t === 'AttTime' && typeof v === 'string') return v.length === 10 ? `${v}T00:00:00` : v;
    return propertyText(v);
  };

  const doc = xmlDocument('Chart', { IdReferenceLinking: 'false', Rigorous: 'true' });
  const chart = doc.root;
  chart.com(xmlComment(provenanceLine(s)));
  const strings = (parent: XmlElement, name: string, values: string[]) => {
    const c = parent.ele(name).ele('StringCollection');
    values.forEach((v, i) => c.ele('String', { Id: `${name}${i}`, Text: v }));
  };
  strings(chart, 'GradeOne', GRADE_ONE);
  strings(chart, 'GradeTwo', GRADE_TWO);
  strings(chart, 'GradeThree', GRADE_THREE);
  const strengths = chart.ele('StrengthCollection');
  strengths.ele('Strength', { Id: 'Confirmed', Name: 'Confirmed', DotStyle: 'DotStyleSolid' });
  strengths.ele('Strength', { Id: 'Unconfirmed', Name: 'Unconfirmed', DotStyle: 'DotStyleDashed' });
  const classes = chart.ele('AttributeClassCollection');
  for (const [n, type] of attributeTypes) classes.ele('AttributeClass', { Name: xmlText(n), Type: type, ShowValue: 'true', Visible: 'false' });
  const types = chart.ele('EntityTypeCollection');
  for (const t of [...new Set(s.entities.map((e) => e.type))].sort()) types.ele('EntityType', { Name: s.entities.find((e) => e.type === t)!.typeName, IconFile: ICON[t] ?? 'Default' });
  const linkTypes = chart.ele('LinkTypeCollection');
  for (const l of [...new Map(s.links.map((x) => [x.type, x])).values()]) linkTypes.ele('LinkType', { Name: l.type, Colour: colourRef(l.colour) });

  const items = chart.ele('ChartItemCollection');
  const attributes = (item: XmlElement, values: Record<string, string>) => {
    const c = item.ele('AttributeCollection');
    for (const [k, v] of Object.entries(values)) if (v !== '') c.ele('Attribute', { AttributeClass: xmlText(k), Value: xmlText(v) });
  };
  for (const e of s.entities) {
    const x = Math.round(e.position.x);
    const date = ENTITY_DATE.map((k) => e.properties[k]).find((v) => typeof v === 'string') as string | undefined;
    const item = items.ele('ChartItem', {
      Label: xmlText(e.label),
      Description: xmlText(`${e.typeName}${e.subtitle ? `: ${e.subtitle}` : ''}${e.masked ? ' (potential victim, identity masked)' : ''}`),
      XPosition: x,
      ...grades(e),
      ...dated(date ?? null),
      ...sourceFields(e.sourceIds),
    });
    const icon = item
      .ele('End', { X: x, Y: Math.round(e.position.y) })
      .ele('Entity', { EntityId: xmlText(e.id), Identity: xmlText(e.id), LabelIsIdentity: 'false' })
      .ele('Icon')
      .ele('IconStyle', { Type: e.typeName });
    // A frame marks suspects (red) and potential victims (amber), as the workspace's borders do.
    if (e.suspect || e.potentialVictim) icon.ele('FrameStyle', { Colour: colourRef(e.suspect ? '#c62828' : '#e0a100'), Visible: 'true', Margin: 2 });
    const values: Record<string, string> = {
      'Lantern id': e.id, Grade: e.grading.code, Classification: e.grading.classification, 'Handling conditions': e.grading.handlingConditions ?? '', 'Record ids': e.sourceIds.join(' '),
    };
    for (const [k, v] of Object.entries(e.properties)) values[k] = attributeValue(k, v);
    attributes(item, values);
  }
  for (const l of s.links) {
    const item = items.ele('ChartItem', {
      Label: xmlText(linkLabel(l)),
      Description: xmlText(`${l.type}${l.validFrom || l.validTo ? `, valid ${l.validFrom ?? '?'} to ${l.validTo ?? 'now'}` : ''}; graded ${l.grading.code}`),
      ...grades(l),
      ...dated(l.validFrom ?? l.firstAt),
      ...sourceFields(l.sourceIds),
    });
    item.ele('Link', { End1Id: xmlText(l.source), End2Id: xmlText(l.target) }).ele('LinkStyle', {
      Type: l.type,
      ArrowStyle: l.directed ? 'ArrowOnHead' : 'ArrowNone',
      LineColour: colourRef(l.colour),
      Strength: l.grading.low ? 'Unconfirmed' : 'Confirmed',
      MlStyle: 'MultiplicityMultiple',
    });
    const values: Record<string, string> = {
      'Lantern id': l.id, Grade: l.grading.code, Classification: l.grading.classification, 'Handling conditions': l.grading.handlingConditions ?? '', 'Record ids': l.sourceIds.join(' '), Role: l.role ?? '',
    };
    for (const [k, v] of Object.entries(l.properties)) values[k] = attributeValue(k, v);
    attributes(item, values);
  }
  return doc.toString();
}
