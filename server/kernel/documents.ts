/**
 * The workspace's GraphQL documents for its everyday reads: the shared kernel, since both sides
 * send them. The workspace's client/src/api/operations.ts sends them, and the server's warm-up
 * after a start runs them (server/http/warm-up.ts), so that Neo4j has planned exactly what the
 * workspace asks for. Plain strings, no browser code.
 *
 * Each is typed by GraphQL Code Generator's client preset (`npm run codegen`, into
 * ./__generated__/): `graphql()` returns the document with its result and variable types, and
 * its text (`String(doc)`) carries the fragments it spreads. Write each document as one literal
 * (no `${}`), since the generator reads them from the source.
 */
import { graphql } from './__generated__/gql.ts';

export const GRADING = graphql(`
  fragment GradingFields on Grading {
    code
    low
    sourceEvaluation
    intelligenceAssessment
    handlingCode
    handlingConditions
    classification
  }
`);

export const NODE_FIELDS = graphql(`
  fragment NodeFields on GraphNode {
    id
    type
    label
    subtitle
    degree
    supernode
    potentialVictim
    suspect
    safeguarded
    riskScore
    kind
    grading {
      ...GradingFields
    }
  }
`);

export const EDGE_FIELDS = graphql(`
  fragment EdgeFields on GraphEdge {
    id
    type
    source
    target
    role
    validFrom
    validTo
    recordedAt
    weight
    grading {
      ...GradingFields
    }
  }
`);

export const GRAPH = graphql(`
  fragment GraphFields on Graph {
    nodes {
      ...NodeFields
    }
    edges {
      ...EdgeFields
    }
    truncated
    truncation
  }
`);

export const SOURCES = graphql(`
  fragment SourceFields on SourceRecord {
    id
    source
    recordKey
    recordedAt
    summary
    grading {
      ...GradingFields
    }
  }
`);

export const SEARCH = graphql(`
  query Search($text: String!, $types: [EntityType!], $first: Int) {
    search(text: $text, types: $types, first: $first) {
      edges {
        score
        matched
        node {
          ...NodeFields
        }
      }
    }
  }
`);

export const NEIGHBOURHOOD = graphql(`
  query Neighbourhood($ids: [ID!]!, $hops: Int, $limit: Int, $filter: LinkFilter, $threshold: Int) {
    neighbourhood(ids: $ids, hops: $hops, limit: $limit, filter: $filter, supernodeThreshold: $threshold) {
      ...GraphFields
    }
  }
`);

/** Not one of the workspace's (it expands a hop at a time), but the API's, and the benchmarks'. */
export const NEIGHBOURHOOD_2 = graphql(`
  query Neighbourhood2($ids: [ID!]!) {
    neighbourhood(ids: $ids, hops: 2) {
      ...GraphFields
    }
  }
`);

export const PATHS = graphql(`
  query Paths($from: ID!, $to: ID!, $filter: LinkFilter) {
    paths(from: $from, to: $to, maxLength: 6, filter: $filter) {
      ...GraphFields
      paths {
        nodeIds
      }
    }
  }
`);

export const CONNECTING = graphql(`
  query Connecting($ids: [ID!]!, $filter: LinkFilter) {
    connectingNetwork(ids: $ids, filter: $filter) {
      ...GraphFields
      paths {
        nodeIds
      }
    }
  }
`);

export const COMMON = graphql(`
  query Common($ids: [ID!]!, $filter: LinkFilter) {
    commonNeighbours(ids: $ids, filter: $filter) {
      sharedWith
      node {
        ...NodeFields
      }
    }
  }
`);

export const SUBGRAPH = graphql(`
  query Sub($ids: [ID!]!) {
    subgraph(ids: $ids) {
      ...GraphFields
    }
  }
`);

export const LINKS_AMONG = graphql(`
  query LinksAmong($ids: [ID!]!, $among: [ID!], $filter: LinkFilter) {
    linksAmong(ids: $ids, among: $among, filter: $filter) {
      ...EdgeFields
    }
  }
`);

export const ENTITY = graphql(`
  query Entity($id: ID!) {
    entity(id: $id) {
      id
      type
      label
      recordedAt
      grading {
        ...GradingFields
      }
      sources {
        ...SourceFields
      }
      properties {
        name
        value
      }
      ... on Person {
        masked
      }
    }
  }
`);

export const TIMELINE = graphql(`
  query Timeline($ids: [ID!]!) {
    timeline(ids: $ids, limit: 200) {
      date
      endDate
      kind
      description
      entityIds
      linkId
    }
  }
`);
