/**
 * GraphML (graphdrawing.org): one key per field and per entity and link property (typed as the
 * registry declares it: `long`, `double`, `boolean`, else `string`; its description as the key's
 * `desc`), nodes and edges with their data, positions and colours as data. Valid against the GraphML 1.0 schemas
 * (bench/datasets/graphml-xsd/). Ids must be NMTOKENs: a Lantern id that is not one is
 * written as `n<index>` / `e<index>`, the id itself kept in `lantern_id`.
 */
import type { Selection } from '../selection/index.ts';
import { ENTITY_FIELDS, LINK_FIELDS, entityFields, entityPropertyColumns, graphmlType, linkFields, linkPropertyColumns, propertyText, provenanceLine, xmlComment, xmlText } from './common.ts';
import { xmlDocument } from './xml.ts';

const NS = 'http://graphml.graphdrawing.org/xmlns';

// One declared direction: every edge is directed (source to target, as stored), none overrides
// it, so NetworkX, igraph and Gephi read one directed (multi)graph. Whether the link's type has a
// direction is the edge's `directed` data (true/false). A file mixing directed and undirected
// edges passes the schema but NetworkX refuses it ("directed=false edge found in directed graph").
const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;

export function toGraphml(s: Selection): string {
  const nodeId = new Map(s.entities.map((e, i) => [e.id, NMTOKEN.test(e.id) ? e.id : `n${i}`]));
  const props = entityPropertyColumns(s.entities);
  const linkProps = linkPropertyColumns(s.links);
  const doc = xmlDocument('graphml', {
    xmlns: NS,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`,
  });
  const root = doc.root;
  root.com(xmlComment(provenanceLine(s)));
  const keys = new Map<string, string>();
  const key = (forWhat: 'node' | 'edge' | 'graph', name: string, type = 'string', desc = '') => {
    const id = `${forWhat[0]}${keys.size}`;
    keys.set(`${forWhat}:${name}`, id);
    const k = root.ele('key', { id, for: forWhat, 'attr.name': name, 'attr.type': type });
    if (desc) k.ele('desc').txt(xmlText(desc));
  };
  key('graph', 'description');
  for (const k of ENTITY_FIELDS) key('node', k);
  for (const k of ['x', 'y']) key('node', k, 'double');
  key('node', 'colour');
  for (const p of props) key('node', `property_${p.name}`, graphmlType(p.type), p.description);
  for (const k of LINK_FIELDS) key('edge', k, k === 'directed' ? 'boolean' : 'string');
  key('edge', 'colour');
  for (const p of linkProps) key('edge', `property_${p.name}`, graphmlType(p.type), p.description);

  const graph = root.ele('graph', { id: 'lantern', edgedefault: 'directed' });
  graph.ele('data', { key: keys.get('graph:description')! }).txt(xmlText(provenanceLine(s)));
  for (const e of s.entities) {
    const node = graph.ele('node', { id: nodeId.get(e.id)! });
    const data = (name: string, value: string) => {
      if (value !== '') node.ele('data', { key: keys.get(`node:${name}`)! }).txt(xmlText(value));
    };
    for (const [k, v] of Object.entries(entityFields(e))) data(k, v);
    data('x', String(e.position.x));
    data('y', String(e.position.y));
    data('colour', e.colour);
    for (const { name } of props) data(`property_${name}`, e.properties[name] === undefined ? '' : propertyText(e.properties[name]!));
  }
  s.links.forEach((l, i) => {
    const edge = graph.ele('edge', { id: NMTOKEN.test(l.id) ? l.id : `e${i}`, source: nodeId.get(l.source)!, target: nodeId.get(l.target)! });
    for (const [k, v] of Object.entries(linkFields(l))) if (v !== '') edge.ele('data', { key: keys.get(`edge:${k}`)! }).txt(xmlText(v));
    edge.ele('data', { key: keys.get('edge:colour')! }).txt(l.colour);
    for (const { name } of linkProps) {
      const v = l.properties[name];
      if (v !== undefined && v !== null) edge.ele('data', { key: keys.get(`edge:property_${name}`)! }).txt(xmlText(propertyText(v)));
    }
  });
  return doc.toString();
}
