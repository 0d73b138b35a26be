/** Who is signed in (cookie session or API token), the session's purpose, and the sign-in prompt. */
import { useEffect, useState } from 'react';
import { currentSession, UNAUTHENTICATED_EVENT, type SessionUser } from '../api/session.ts';
import { getPurpose } from '../auth/purpose.ts';
import { useMe } from '../admin/useMe.ts';
import { useModel } from '../model/useModel.ts';

export function useSession() {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [askSignIn, setAskSignIn] = useState(false);
  const me = useMe(user);
  // The installation's own entity and link types, once signed in.
  const model = useModel(me);
  const [purpose, setPurpose] = useState(getPurpose());

  // A request refused as unauthenticated asks to sign in.
  useEffect(() => {
    void currentSession().then(setUser);
    const ask = () => setAskSignIn(true);
    window.addEventListener(UNAUTHENTICATED_EVENT, ask);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, ask);
  }, []);

  return { user, setUser, askSignIn, setAskSignIn, me, model, purpose, setPurpose };
}

export type Session = ReturnType<typeof useSession>;
