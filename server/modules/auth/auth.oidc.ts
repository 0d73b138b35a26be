/**
 * Bearer JWTs from an external identity provider (OIDC): signature checked against the issuer's
 * published keys (JWKS), issuer and audience checked, the role taken from a configurable claim.
 * A token whose role claim names no Lantern role is refused.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '../../config/config.ts';
import type { Logger } from '../../config/logger.ts';
import { ROLES, type Principal, type Role } from '../access/index.ts';

export type JwtVerifier = (token: string) => Promise<Principal | undefined>;

/** Roles from most to least privileged: a token naming several gets the first it names. */
const PRECEDENCE: readonly Role[] = ROLES;

export function principalFromClaims(payload: JWTPayload, o: Pick<OidcConfig, 'roleClaim' | 'nameClaim'>): Principal | undefined {
  const raw = payload[o.roleClaim];
  const values = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : []).map(String);
  const role = PRECEDENCE.find((r) => values.includes(r));
  if (!role || typeof payload.sub !== 'string') return undefined;
  const name = payload[o.nameClaim];
  return {
    id: `jwt:${payload.iss ?? ''}:${payload.sub}`,
    name: typeof name === 'string' && name ? name : payload.sub,
    role,
    needToKnow: values.includes('need-to-know'),
    via: 'jwt',
  };
}

async function discoverJwks(issuer: string): Promise<URL> {
  const res = await fetch(new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : `${issuer}/`));
  if (!res.ok) throw new Error(`OIDC discovery at ${issuer} answered ${res.status}`);
  const doc = (await res.json()) as { jwks_uri?: string };
  if (!doc.jwks_uri) throw new Error(`OIDC discovery at ${issuer} names no jwks_uri`);
  return new URL(doc.jwks_uri);
}

/** A verifier for the configured provider; `keys` replaces the remote key set (tests). */
export function jwtVerifier(o: OidcConfig, log: Logger, keys?: JWTVerifyGetKey): JwtVerifier {
  let jwks: Promise<JWTVerifyGetKey> | undefined = keys ? Promise.resolve(keys) : undefined;
  const keySet = () =>
    (jwks ??= (async () => createRemoteJWKSet(o.jwksUri ? new URL(o.jwksUri) : await discoverJwks(o.issuer)))().catch((e: unknown) => {
      jwks = undefined;
      throw e;
    }));
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, await keySet(), { issuer: o.issuer, audience: o.audience, clockTolerance: 30 });
      return principalFromClaims(payload, o);
    } catch (e) {
      log.info({ reason: e instanceof Error ? e.message : String(e) }, 'Refused a bearer JWT');
      return undefined;
    }
  };
}
