/**
 * The workspace's GraphQL documents for its everyday reads: the shared kernel, since both sides
 * send them. The workspace's client/src/api/operations.ts sends them, and the server's warm-up
 * after a start runs them (server/http/warm-up.ts), so that Neo4j has planned exactly what the
 * workspace asks for. Plain strings, no browser code.
 */
export const GRADING = 'grading { code low sourceEvaluation intelligenceAssessment handlingCode handlingConditions classification }';
export const NODE_FIELDS = `id type label subtitle degree supernode potentialVictim suspect safeguarded riskScore kind ${GRADING}`;
export const EDGE_FIELDS = `id type source target role validFrom validTo recordedAt weight ${GRADING}`;
export const GRAPH = `nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated truncation`;
export const SOURCES = `sources { id source recordKey recordedAt summary ${GRADING} }`;

export const SEARCH = `query Search($text: String!, $types: [EntityType!], $first: Int) {
  search(text: $text, types: $types, first: $first) { edges { score matched node { ${NODE_FIELDS} } } }
}`;

export const NEIGHBOURHOOD = `query Neighbourhood($ids: [ID!]!, $hops: Int, $limit: Int, $filter: LinkFilter, $threshold: Int) {
  neighbourhood(ids: $ids, hops: $hops, limit: $limit, filter: $filter, supernodeThreshold: $threshold) { ${GRAPH} }
}`;

export const PATHS = `query Paths($from: ID!, $to: ID!, $filter: LinkFilter) { paths(from: $from, to: $to, maxLength: 6, filter: $filter) { ${GRAPH} paths { nodeIds } } }`;

export const CONNECTING = `query Connecting($ids: [ID!]!, $filter: LinkFilter) { connectingNetwork(ids: $ids, filter: $filter) { ${GRAPH} paths { nodeIds } } }`;

export const COMMON = `query Common($ids: [ID!]!, $filter: LinkFilter) { commonNeighbours(ids: $ids, filter: $filter) { sharedWith node { ${NODE_FIELDS} } } }`;

export const SUBGRAPH = `query Sub($ids: [ID!]!) { subgraph(ids: $ids) { ${GRAPH} } }`;

export const LINKS_AMONG = `query LinksAmong($ids: [ID!]!, $among: [ID!], $filter: LinkFilter) {
  linksAmong(ids: $ids, among: $among, filter: $filter) { ${EDGE_FIELDS} }
}`;

export const ENTITY = `query Entity($id: ID!) { entity(id: $id) {
  id type label recordedAt ${GRADING} ${SOURCES}
  properties { name value }
  ... on Person { masked }
} }`;

export const TIMELINE = 'query Timeline($ids: [ID!]!) { timeline(ids: $ids, limit: 200) { date endDate kind description entityIds linkId } }';
