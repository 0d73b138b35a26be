/**
 * Country codes. Lantern keeps nationalities as ISO 3166-1 alpha-3 (`ROU`); FollowTheMoney's
 * `country` type is lower-case alpha-2 (`ro`). The table is i18n-iso-countries'; Kosovo's
 * user-assigned code (XKX, FtM's `xk`) is not in ISO's list and is added here.
 */
import countries from 'i18n-iso-countries';

const USER_ASSIGNED: Record<string, string> = { XKX: 'XK' };
const USER_ASSIGNED_2 = Object.fromEntries(Object.entries(USER_ASSIGNED).map(([a3, a2]) => [a2, a3]));

/** `ROU` or `ro` to `ROU`; anything that is not a country code gives undefined. */
export function alpha3(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(c)) return c in USER_ASSIGNED || countries.isValid(c) ? c : undefined;
  if (/^[A-Z]{2}$/.test(c)) return USER_ASSIGNED_2[c] ?? countries.alpha2ToAlpha3(c);
  return undefined;
}

/** `ROU` or `RO` to FtM's `ro`; anything that is not a country code gives undefined. */
export function ftmCountry(code: string): string | undefined {
  const a3 = alpha3(code);
  return a3 && (USER_ASSIGNED[a3] ?? countries.alpha3ToAlpha2(a3))?.toLowerCase();
}
