/** Who the workspace is signed in as (any way: cookie session or a bearer token), from GraphQL `me`. */
import { useEffect, useState } from 'react';
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type { MeQuery } from '../../../server/kernel/__generated__/graphql.ts';
import { gql } from '../api/graphql.ts';

/** What the server's access module says the caller may do (`me { capabilities }`); the workspace never derives it from the role. */
export type Capability = 'read' | 'readUnshareable' | 'write' | 'unmask' | 'administer';

export type Me = MeQuery['me'];

const ME = graphql(`
  query Me {
    me {
      name
      role
      needToKnow
      capabilities
    }
  }
`);

/** May the signed-in caller do this? False while `me` is not known. */
export function may(me: Me | null | undefined, c: Capability): boolean {
  return !!me?.capabilities.includes(c);
}

export function useMe(signedInAs: unknown): Me | null {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    gql(ME, {})
      .then((d) => live && setMe(d.me))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, [signedInAs]);
  return me;
}
