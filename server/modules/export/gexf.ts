/**
 * GEXF 1.3 (Gephi): attributes declared per class, nodes with their chart position, the
 * workspace's colour for their type and a size by degree; edges with the link type as `kind`,
 * the label, colour, weight and, where dated, `start`/`end` (a dynamic graph Gephi's timeline
 * can play). Valid against the GEXF 1.3 schemas (bench/datasets/gexf-xsd/), which put the viz elements (color,
 * position, size) in the GEXF namespace itself.
 *
 * One declared direction: `defaultedgetype="directed"` and no edge overrides it, so NetworkX and
 * Gephi read one directed graph (NetworkX refuses a directed graph with an edge typed
 * undirected). Whether the link's type has a direction is the edge's `directed` attribute.
 * Entity and link properties are attributes `property_<name>`, typed as the registry declares
 * them (`long`, `double`, `boolean`, else `string`).
 */
import type { Selection } from '../selection/index.ts';
import { ENTITY_FIELDS, LINK_FIELDS, entityFields, entityPropertyColumns, linkFields, linkLabel, linkPropertyColumns, propertyText, provenanceLine, rgb, xmlText, type PropertyColumn, graphmlType } from './common.ts';
import { xmlDocument } from './xml.ts';

const NS = 'http://gexf.net/1.3';

export function toGexf(s: Selection): string {
  const props = entityPropertyColumns(s.entities);
  const linkProps = linkPropertyColumns(s.links);
  const doc = xmlDocument('gexf', {
    xmlns: NS,
    version: '1.3',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${NS} http://gexf.net/1.3/gexf.xsd`,
  });
  const root = doc.root;
  const meta = root.ele('meta', { lastmodifieddate: s.generatedAt.slice(0, 10) });
  meta.ele('creator').txt('Lantern');
  meta.ele('description').txt(xmlText(provenanceLine(s)));
  const graph = root.ele('graph', { defaultedgetype: 'directed', mode: 'dynamic', timeformat: 'date' });

  const fixed = (names: string[]) => names.map((n) => ({ title: n, type: n === 'directed' ? 'boolean' : 'string' }));
  const typed = (cols: PropertyColumn[]) => cols.map((p) => ({ title: `property_${p.name}`, type: graphmlType(p.type) }));
  const nodeAttrs = [...fixed(ENTITY_FIELDS.filter((k) => k !== 'label')), ...typed(props)];
  const linkAttrs = [...fixed(LINK_FIELDS.filter((k) => k !== 'label')), ...typed(linkProps)];
  const declare = (cls: 'node' | 'edge', attrs: { title: string; type: string }[]) => {
    const el = graph.ele('attributes', { class: cls, mode: 'static' });
    attrs.forEach((a, i) => el.ele('attribute', { id: `${cls[0]}${i}`, title: a.title, type: a.type }));
    return new Map(attrs.map((a, i) => [a.title, `${cls[0]}${i}`]));
  };
  const nodeIds = declare('node', nodeAttrs);
  const linkIds = declare('edge', linkAttrs);

  const degree = new Map<string, number>();
  for (const l of s.links) for (const end of [l.source, l.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const nodes = graph.ele('nodes', { count: s.entities.length });
  for (const e of s.entities) {
    const node = nodes.ele('node', { id: xmlText(e.id), label: xmlText(e.label) });
    const values = node.ele('attvalues');
    const fields: Record<string, string> = { ...entityFields(e) };
    for (const { name } of props) fields[`property_${name}`] = e.properties[name] === undefined ? '' : propertyText(e.properties[name]!);
    for (const [k, v] of Object.entries(fields)) if (v !== '' && nodeIds.has(k)) values.ele('attvalue', { for: nodeIds.get(k)!, value: xmlText(v) });
    node.ele('color', rgb(e.colour));
    node.ele('position', { x: e.position.x, y: -e.position.y, z: 0 }); // Gephi's y axis points up.
    node.ele('size', { value: 10 + 2 * Math.sqrt(degree.get(e.id) ?? 0) });
  }
  const edges = graph.ele('edges', { count: s.links.length });
  for (const l of s.links) {
    const attrs: Record<string, string | number> = {
      id: xmlText(l.id), source: xmlText(l.source), target: xmlText(l.target), label: xmlText(linkLabel(l)), kind: l.type,
      weight: l.weight ?? 1,
    };
    if (l.validFrom) attrs.start = l.validFrom;
    if (l.validTo) attrs.end = l.validTo;
    const edge = edges.ele('edge', attrs);
    const values = edge.ele('attvalues');
    const fields: Record<string, string> = { ...linkFields(l) };
    for (const { name } of linkProps) fields[`property_${name}`] = l.properties[name] === undefined ? '' : propertyText(l.properties[name]!);
    for (const [k, v] of Object.entries(fields)) if (v !== '' && linkIds.has(k)) values.ele('attvalue', { for: linkIds.get(k)!, value: xmlText(v) });
    edge.ele('color', rgb(l.colour));
    edge.ele('thickness', { value: l.grading.low ? 1 : 2 });
  }
  return doc.toString();
}
