/**
 * The installation's own types (LANTERN_TYPES on the server): their names, colours and glyphs,
 * read once signed in from the `entityTypes` and `linkTypes` queries and added to ENTITY_META
 * and LINK_META. The core's come with the build (server/model/registry).
 */
import { useEffect, useState } from 'react';
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import { gql } from '../api/graphql.ts';
import { installModel } from './meta.ts';

export const MODEL_QUERY = graphql(`
  query ModelTypes {
    entityTypes {
      name
      displayName
      plural
      colour
      glyph
      declared
    }
    linkTypes {
      name
      verb
      colour
      directed
      declared
    }
  }
`);

/** True once the server's model is installed (or could not be read: the core's then stands alone). */
export function useModel(signedInAs: unknown): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!signedInAs) return;
    let live = true;
    gql(MODEL_QUERY, {})
      .then((m) => installModel({ entityTypes: m.entityTypes.filter((t) => t.declared), linkTypes: m.linkTypes.filter((t) => t.declared) }))
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [signedInAs]);
  return ready;
}
