/**
 * Why the analyst is looking (e.g. a case reference): asked when a session starts, kept for the
 * browser tab's session, and sent with every GraphQL request as X-Lantern-Purpose, which the
 * audit log records.
 */
const KEY = 'lantern.purpose';
export const PURPOSE_HEADER = 'x-lantern-purpose';

export function getPurpose(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function setPurpose(purpose: string): void {
  try {
    sessionStorage.setItem(KEY, purpose.trim().slice(0, 200));
  } catch {
    // Storage refused (private mode): the purpose lasts until reload.
  }
  current = purpose.trim().slice(0, 200);
}

let current = getPurpose();

/** Header values must be Latin-1; anything else is percent-encoded so that the request is not refused. */
export function purposeHeaders(): Record<string, string> {
  const p = current || getPurpose();
  if (!p) return {};
  return { [PURPOSE_HEADER]: /^[\x20-\x7e]*$/.test(p) ? p : encodeURIComponent(p) };
}
