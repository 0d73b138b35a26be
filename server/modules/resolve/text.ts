/**
 * Text forms the comparators work on: names folded to plain Latin letters (accents, a few
 * non-Latin scripts), Jaro-Winkler similarity, Double Metaphone codes, edit distance.
 */
import { doubleMetaphone } from 'double-metaphone';

// Letters that NFKD does not decompose into a base letter and a mark.
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
// Cyrillic to Latin (the common English-language transliteration), so that Олена matches Olena.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
// Greek, likewise.
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Lower case, accents and marks removed, other scripts transliterated, only a-z, digits and single spaces left. */
export function plain(text: string | null | undefined): string {
  if (!text) return '';
  let s = text.toLowerCase();
  // Most names are plain ASCII already: skip the Unicode work for them.
  if (!/^[\x20-\x7e]*$/.test(s)) {
    s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    s = [...s].map((c) => SPECIAL[c] ?? CYRILLIC[c] ?? GREEK[c] ?? c).join('');
  }
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'frau', 'herr', 'madam', 'mx']);

/** A name in plain form without titles ("Frau Dr. Irene Nierstenhöfer" -> "irene nierstenhofer"). */
export function plainName(text: string | null | undefined): string {
  return plain(text)
    .split(' ')
    .filter((w) => w && !TITLES.has(w))
    .join(' ');
}

/** Splits a full name into given and family names: "Family, Given" or "Given [Middle] Family". */
export function splitName(full: string): { givenName: string; familyName: string } {
  const comma = full.indexOf(',');
  if (comma > 0) return { familyName: plainName(full.slice(0, comma)), givenName: plainName(full.slice(comma + 1)).split(' ')[0] ?? '' };
  const words = plainName(full).split(' ').filter(Boolean);
  if (words.length <= 1) return { givenName: '', familyName: words[0] ?? '' };
  return { givenName: words[0]!, familyName: words[words.length - 1]! };
}

// Jaro-Winkler and edit distance are written here rather than taken from a package: they run
// millions of times per resolution on short strings, and scratch buffers reused across calls
// make them several times faster than the allocation-per-call versions on npm.
const flagsA = new Uint8Array(256);
const flagsB = new Uint8Array(256);

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), 0 when either side is empty. */
export function jaroWinkler(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.length > 255 || b.length > 255) {
    a = a.slice(0, 255);
    b = b.slice(0, 255);
  }
  const la = a.length;
  const lb = b.length;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(i + range + 1, lb);
    const c = a.charCodeAt(i);
    for (let j = lo; j < hi; j++) {
      if (!flagsB[j] && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!flagsA[i]) continue;
    while (!flagsB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const metaphoneCache = new Map<string, [string, string]>();

/** Double Metaphone codes of a plain word (cached: names repeat a lot). */
export function metaphone(word: string): [string, string] {
  let m = metaphoneCache.get(word);
  if (!m) {
    m = doubleMetaphone(word);
    if (metaphoneCache.size > 200_000) metaphoneCache.clear();
    metaphoneCache.set(word, m);
  }
  return m;
}

/** True when any Double Metaphone code of one word equals any of the other's. */
export function soundsAlike(a: string, b: string): boolean {
  if (!a || !b) return false;
  const [a1, a2] = metaphone(a);
  const [b1, b2] = metaphone(b);
  return a1 === b1 || a1 === b2 || a2 === b1 || (a2 === b2 && a2 !== '');
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions); above `cap` it answers cap + 1. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (a.length > 63 || b.length > 63) return a.slice(0, 63) === b.slice(0, 63) ? 0 : cap + 1;
  const n = b.length;
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n]!, cap + 1);
}
