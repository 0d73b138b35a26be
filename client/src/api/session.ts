/**
 * The signed-in session: a cookie set by POST /auth/sign-in, and the CSRF token that every
 * GraphQL request made with that cookie must carry. Callers with an API token need neither.
 */
export const CSRF_HEADER = 'x-csrf-token';

let csrfToken: string | null = null;

export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { [CSRF_HEADER]: csrfToken } : {};
}

export interface SessionUser {
  username: string;
  role?: string;
}

/** The current session's user, or null when not signed in (or the server has no sign-in). */
export async function currentSession(): Promise<SessionUser | null> {
  try {
    const res = await fetch('/auth/session', { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    const body = (await res.json()) as { user: SessionUser; csrfToken: string };
    csrfToken = body.csrfToken;
    return body.user;
  } catch {
    return null;
  }
}

export async function signIn(username: string, password: string): Promise<SessionUser> {
  const res = await fetch('/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  // Errors come in GraphQL's shape, { errors: [{ message, extensions: { code } }] }, as everywhere.
  const body = (await res.json().catch(() => ({}))) as { user?: SessionUser; csrfToken?: string; errors?: { message?: string }[] };
  if (!res.ok || !body.user || !body.csrfToken) throw new Error(body.errors?.[0]?.message ?? `Sign-in failed (${res.status}).`);
  csrfToken = body.csrfToken;
  return body.user;
}

/** Fired when the server says the caller is not signed in, so the workspace can ask. */
export const UNAUTHENTICATED_EVENT = 'lantern:unauthenticated';
