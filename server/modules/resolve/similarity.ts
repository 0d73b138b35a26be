/**
 * Similarity of field values shared by the comparisons of every kind of record (people in
 * compare.ts, organisations and premises in places.ts): typed names, near-equal codes, lists that
 * share a value, and address lines with their postcodes.
 */
import { editDistance, jaroWinkler } from './text.ts';

/**
 * Typed names Jaro-Winkler scores low: the same letters in another order ("Pcire" / "Price",
 * "Fosia" / "Sofia"), or two letters changed, dropped, added or swapped in a name of five letters
 * or more ("Nleaeor" / "Eleanor"). Shorter names two edits apart are other names (Jack / Jane).
 */
export function typos(a: string, b: string): boolean {
  if (a.length === b.length && a.length >= 3 && [...a].sort().join('') === [...b].sort().join('')) return true;
  // Letters typed out of order with one of them wrong, doubled or dropped ("hnoan" / "noah",
  // "tmhsmoo" / "thomson"), in names of five letters or more.
  if (Math.max(a.length, b.length) >= 5 && Math.min(a.length, b.length) >= 4 && Math.abs(a.length - b.length) <= 1 && bagDistance(a, b) <= 1) return true;
  return a.length >= 5 && b.length >= 5 && Math.abs(a.length - b.length) <= 2 && editDistance(a, b, 2) <= 2;
}

/** Letters one word has that the other lacks, counted with repeats, the larger of the two ways. */
export function bagDistance(a: string, b: string): number {
  const count = new Map<string, number>();
  for (const c of a) count.set(c, (count.get(c) ?? 0) + 1);
  for (const c of b) count.set(c, (count.get(c) ?? 0) - 1);
  let more = 0;
  let fewer = 0;
  for (const n of count.values()) {
    if (n > 0) more += n;
    else fewer -= n;
  }
  return Math.max(more, fewer);
}

/** Within `max` substituted characters, or one adjacent transposition (cheap: no DP for equal lengths). */
export function nearlyEqual(a: string, b: string, max: number): boolean {
  if (a.length !== b.length) return editDistance(a, b, max) <= max;
  let diff = 0;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      if (first < 0) first = i;
      diff++;
    }
  }
  if (diff <= max) return true;
  return diff === 2 && a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2);
}

export function anyShared(a: string[], b: string[]): boolean | null {
  if (a.length === 0 || b.length === 0) return null;
  return a.some((x) => b.includes(x));
}

export function best(a: string[], b: string[], f: (x: string, y: string) => number): number {
  let m = 0;
  for (const x of a) for (const y of b) m = Math.max(m, f(x, y));
  return m;
}

const sortedTokens = (s: string) => s.split(' ').sort().join(' ');

export function addressSimilarity(x: string, y: string): number {
  if (x === y) return 1;
  const direct = jaroWinkler(x, y);
  // Words in another order ("flat 2 12 high st" / "12 high st flat 2"), only worth trying when close.
  return direct >= 0.9 || direct < 0.6 ? direct : Math.max(direct, jaroWinkler(sortedTokens(x), sortedTokens(y)));
}

/** Address line and postcode together (people's homes, organisations' premises). */
export function addressLevel(a: { addresses: string[]; postcodes: string[] }, b: { addresses: string[]; postcodes: string[] }): number | null {
  const hasPostcodes = a.postcodes.length > 0 && b.postcodes.length > 0;
  const hasAddresses = a.addresses.length > 0 && b.addresses.length > 0;
  if (!hasPostcodes && !hasAddresses) return null;
  const samePostcode = hasPostcodes ? a.postcodes.some((x) => b.postcodes.includes(x)) : null;
  const postcodeTypo = hasPostcodes && !samePostcode ? best(a.postcodes, b.postcodes, (x, y) => (nearlyEqual(x, y, 1) ? 1 : 0)) === 1 : false;
  const sim = hasAddresses ? best(a.addresses, b.addresses, addressSimilarity) : null;
  if (sim === 1 && samePostcode !== false) return 0;
  if ((sim !== null && sim >= 0.9 && samePostcode !== false) || (sim === 1 && postcodeTypo)) return 1;
  if (samePostcode) return 2;
  if ((sim !== null && sim >= 0.75) || postcodeTypo) return 3;
  return 4;
}
