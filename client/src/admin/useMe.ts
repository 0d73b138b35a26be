/** Who the workspace is signed in as (any way: cookie session or a bearer token), from GraphQL `me`. */
import { useEffect, useState } from 'react';
import { gql } from '../api/graphql.ts';

export interface Me {
  name: string;
  role: 'admin' | 'analyst' | 'viewer' | 'partner';
  needToKnow: boolean;
}

export function useMe(signedInAs: unknown): Me | null {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    gql<{ me: Me }>('query Me { me { name role needToKnow } }')
      .then((d) => live && setMe(d.me))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, [signedInAs]);
  return me;
}
