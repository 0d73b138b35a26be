import { csrfHeaders, UNAUTHENTICATED_EVENT } from './session.ts';
import { purposeHeaders } from '../auth/purpose.ts';
import type { TypedDocumentString } from '../../../server/kernel/__generated__/graphql.ts';

/**
 * A tiny typed GraphQL client: POST /graphql, JSON in and out. Each document comes from
 * `graphql()` (GraphQL Code Generator's client preset), so its variables and its answer are typed
 * by the document itself. Errors become a GraphQLRequestError whose message is fit to show in the
 * page.
 */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** The argument a BAD_USER_INPUT error names (`input.provenance.source`), to show it by its field. */
    readonly argument?: string,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

interface Response<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

export async function gql<T, V>(document: TypedDocumentString<T, V>, variables: V, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<T> {
  const query = document.toString();
  let res: globalThis.Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...csrfHeaders(), ...purposeHeaders(), ...headers },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new GraphQLRequestError('The Lantern server cannot be reached. Check that it is running, then try again.', 'NETWORK');
  }
  let body: Response<T>;
  try {
    body = (await res.json()) as Response<T>;
  } catch {
    throw new GraphQLRequestError(`The server answered ${res.status} ${res.statusText} without a GraphQL response.`, 'HTTP');
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    if (first.extensions?.code === 'UNAUTHENTICATED') window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    throw new GraphQLRequestError(first.message, first.extensions?.code, first.extensions?.argument);
  }
  if (!body.data) throw new GraphQLRequestError(`The server answered ${res.status} without data.`, 'HTTP');
  return body.data;
}
