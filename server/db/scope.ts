/**
 * The caller's access scope, applied by the gateway to every statement (docs/decisions/0004).
 * (a) Every read query takes `$scope` and leaves out what the caller may not see: for a partner,
 *     facts whose handling code is not P or whose classification is not OFFICIAL, including inside
 *     path finding and expansion. (b) Returned rows are post-processed to mask potential victims
 *     for callers without need-to-know who have not unmasked with a reason.
 */
import { createHmac } from 'node:crypto';

export interface AccessScope {
  /** False for partners: only handling code P, classification OFFICIAL. */
  readonly shareAll: boolean;
  /** True: potential victims come back masked. */
  readonly mask: boolean;
  /** Key of the pseudonyms (an HMAC of the id), the same on every instance. */
  readonly pseudonymKey: Buffer;
  /**
   * Where a request notes the potential victims it read unmasked (one set per request, which the
   * audit log records): the gateway adds the id of every person it would have masked, whatever
   * the caller then selects of them.
   */
  readonly disclosures?: Set<string>;
}

/** What the Cypher statements see as `$scope`. */
export function scopeParams(s: AccessScope): { shareAll: boolean; mask: boolean } {
  return { shareAll: s.shareAll, mask: s.mask };
}

/** System work (loading, migrations, the CLI's own bookkeeping): everything, unmasked. */
export const SYSTEM_SCOPE: AccessScope = Object.freeze({ shareAll: true, mask: false, pseudonymKey: Buffer.alloc(32) });

/**
 * The pseudonyms' key, derived from the audit key, so that every instance and command sharing
 * one (LANTERN_AUDIT_KEY, or the data directory's audit.key) names each person the same way,
 * across restarts.
 */
export function pseudonymKeyFrom(auditKey: Buffer): Buffer {
  return createHmac('sha256', auditKey).update('lantern pseudonyms').digest();
}

/**
 * A potential victim's one pseudonym, used everywhere a masked person is shown: the workspace and
 * the API (through the gateway's masking), exports, briefings and snapshots (selection), the
 * audit views. The same id gives the same name on every instance.
 */
export function pseudonym(key: Buffer, id: string): string {
  return `Protected person ${createHmac('sha256', key).update(id).digest('hex').slice(0, 6).toUpperCase()}`;
}

/** Properties of a potential victim that survive masking; everything else (names, aliases,
 * identifiers, full date of birth, contact details, addresses, free text) is dropped. */
const KEEP = new Set([
  'id', 'type', 'potentialVictim', 'suspect', 'safeguarded', 'riskScore', 'gender', 'sourceIds',
  'sourceEvaluation', 'intelligenceAssessment', 'handlingCode', 'handlingConditions', 'classification',
  'recordedAt', 'updatedAt', 'retired', 'degree', 'synthetic',
]);

function isProtected(o: Record<string, unknown>): boolean {
  return o.type === 'PERSON' && o.potentialVictim === true && typeof o.id === 'string';
}

export function maskPerson(key: Buffer, o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (KEEP.has(k)) out[k] = v;
  const name = pseudonym(key, String(o.id));
  const dob = typeof o.dateOfBirth === 'string' ? o.dateOfBirth : typeof o.birthYear === 'number' ? String(o.birthYear) : '';
  out.label = name;
  out.fullName = name;
  out.birthYear = /^\d{4}/.test(dob) ? Number(dob.slice(0, 4)) : null;
  out.masked = true;
  return out;
}

/** Notes the id of every protected person found anywhere in an unmasked row: those masking would have hidden. */
export function noteDisclosed(value: unknown, sink: Set<string>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) noteDisclosed(v, sink);
    return;
  }
  const o = value as Record<string, unknown>;
  if (isProtected(o)) sink.add(o.id as string);
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v !== null && typeof v === 'object') noteDisclosed(v, sink);
  }
}

/** Masks every protected person found anywhere in a row (entities, nodes, path ends, timeline ends). */
export function maskValue(key: Buffer, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Every row of a masked caller's answer is walked: copy only what changes, so an answer with no
  // potential victim in it comes back as it was, without a new object per map and list.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const m = maskValue(key, value[i]);
      if (m !== value[i]) (out ??= value.slice())[i] = m;
    }
    return out ?? value;
  }
  const o = value as Record<string, unknown>;
  if (isProtected(o)) return maskPerson(key, o);
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === null || typeof v !== 'object') continue;
    const m = maskValue(key, v);
    if (m !== v) (out ??= { ...o })[k] = m;
  }
  return out ?? o;
}
