/**
 * The editing operations (server/modules/editing): the types the forms are made from, as the
 * server's registry gives them (the installation's declared types included), and the mutations.
 * Each answers with what the chart draws: the new or changed entity, or the new link, read again
 * through `subgraph`.
 */
import { useEffect, useState } from 'react';
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type {
  CreateEntityInput,
  CreateLinkInput,
  ProvenanceInput,
  PropertyInput,
  UpdateLinkInput,
} from '../../../server/kernel/__generated__/graphql.ts';
import { SUBGRAPH } from '../../../server/kernel/documents.ts';
import { gql } from '../api/graphql.ts';
import type { Graph } from '../model/types.ts';
import type { LinkTypeSpec, PropertySpec } from './form.ts';

export const EDIT_PROPERTY = graphql(`
  fragment EditPropertyFields on PropertyInfo {
    name
    kind
    values
    list
    required
    editable
    description
  }
`);

const EDIT_TYPES = graphql(`
  query EditTypes {
    entityTypes {
      name
      displayName
      properties {
        ...EditPropertyFields
      }
    }
    linkTypes {
      name
      verb
      from
      to
      roles
      properties {
        ...EditPropertyFields
      }
    }
  }
`);

const CREATE_ENTITY = graphql(`
  mutation CreateEntity($input: CreateEntityInput!) {
    createEntity(input: $input) {
      id
    }
  }
`);

const UPDATE_ENTITY = graphql(`
  mutation UpdateEntity($id: ID!, $properties: [PropertyInput!]!, $provenance: ProvenanceInput!) {
    updateEntity(id: $id, properties: $properties, provenance: $provenance) {
      id
    }
  }
`);

const CREATE_LINK = graphql(`
  mutation CreateLink($input: CreateLinkInput!) {
    createLink(input: $input) {
      id
    }
  }
`);

const UPDATE_LINK = graphql(`
  mutation UpdateLink($id: ID!, $input: UpdateLinkInput!, $provenance: ProvenanceInput!) {
    updateLink(id: $id, input: $input, provenance: $provenance) {
      id
      source {
        id
      }
      target {
        id
      }
    }
  }
`);

export interface EditTypes {
  entityTypes: { name: string; displayName: string; properties: PropertySpec[] }[];
  linkTypes: LinkTypeSpec[];
}

let types: Promise<EditTypes> | null = null;

/** The entity and link types with their properties and ends; read once per page. */
export function editTypes(): Promise<EditTypes> {
  types ??= gql(EDIT_TYPES, {}).catch((e: unknown) => {
    types = null;
    throw e;
  });
  return types;
}

/** The types, once read; `onError` hears why they could not be. */
export function useEditTypes(onError: (e: unknown) => void): EditTypes | null {
  const [t, setT] = useState<EditTypes | null>(null);
  useEffect(() => {
    let live = true;
    editTypes()
      .then((x) => live && setT(x))
      .catch((e: unknown) => live && onError(e));
    return () => {
      live = false;
    };
    // Read once, when the form opens.
  }, []);
  return t;
}

async function subgraph(ids: string[]): Promise<Graph> {
  return (await gql(SUBGRAPH, { ids })).subgraph;
}

/** Creates an entity; answers with it as the chart draws it. */
export async function createEntity(input: CreateEntityInput): Promise<Graph> {
  const { createEntity: made } = await gql(CREATE_ENTITY, { input });
  return subgraph([made.id]);
}

/** Changes an entity's properties; answers with it as the chart now draws it. */
export async function updateEntity(
  id: string,
  properties: PropertyInput[],
  provenance: ProvenanceInput,
): Promise<Graph> {
  await gql(UPDATE_ENTITY, { id, properties, provenance });
  return subgraph([id]);
}

/** Creates a link; answers with its two ends and the link. */
export async function createLink(input: CreateLinkInput): Promise<Graph> {
  const { createLink: made } = await gql(CREATE_LINK, { input });
  const g = await subgraph([input.source, input.target]);
  return { ...g, edges: g.edges.filter((e) => e.id === made.id) };
}

/** Changes a link (role, dates, its type's own properties); answers with it as the chart now draws it. */
export async function updateLink(id: string, input: UpdateLinkInput, provenance: ProvenanceInput): Promise<Graph> {
  const { updateLink: changed } = await gql(UPDATE_LINK, { id, input, provenance });
  const g = await subgraph([changed.source.id, changed.target.id]);
  return { ...g, edges: g.edges.filter((e) => e.id === id) };
}
