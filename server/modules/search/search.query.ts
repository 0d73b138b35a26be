/**
 * Caller text to a Lucene query for the full-text index `entity_search`. Pure, so it is unit
 * tested on its own. Every term is built from letters and digits only (Lucene's special
 * characters cannot survive tokenising) and escaped once more for good measure.
 *
 * - each word: exact (boosted), fuzzy (1 edit from 4 letters, 2 from 8) and prefix (from 3);
 * - several words: the phrase too, boosted (the index holds a person's name both ways round,
 *   so "Smith John" is a phrase match as well);
 * - a phone number in any written form: its E.164 digits and national digits, boosted;
 * - a UK postcode with or without its space: both forms; a VRM with or without spaces: its compact form.
 */
import { fold, parsePhone, parsePostcode, parseVrm } from '../../model/normalise.ts';

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** Escapes Lucene's query syntax characters in one term. */
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

export const MAX_WORDS = 12;

/** The words of a text as the index's standard analyzer sees them: letters and digits, folded. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
}

function wordClause(w: string): string {
  const t = escapeLucene(w);
  const parts = [`${t}^3`];
  const digits = /^\d+$/.test(w);
  if (!digits && w.length >= 4) parts.push(`${t}~${w.length >= 8 ? 2 : 1}`);
  if (w.length >= 3) parts.push(`${t}*`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** The Lucene query for `text`, or undefined when it has nothing to search for. */
export function buildSearchQuery(text: string): string | undefined {
  const clauses: string[] = [];
  const ws = words(text);
  const looksLikePhone = /^[\d\s+().-]{7,}$/.test(text.trim()) && text.replace(/\D/g, '').length >= 7;
  if (looksLikePhone) {
    const phone = parsePhone(text);
    if (phone) {
      for (const form of phone.searchForms) clauses.push(`${escapeLucene(form.replace(/\D/g, ''))}^10`);
    }
  }
  const postcode = parsePostcode(text);
  if (postcode) {
    clauses.push(`${escapeLucene(postcode.compact.toLowerCase())}^8`);
    clauses.push(`"${postcode.formatted.toLowerCase().split(' ').map(escapeLucene).join(' ')}"^8`);
  }
  const compact = text.replace(/\s+/g, '');
  if (!looksLikePhone && /^[A-Za-z0-9]{2,8}$/.test(compact) && /\d/.test(compact) && /[A-Za-z]/.test(compact) && ws.length > 1) {
    const vrm = parseVrm(compact);
    if (vrm) clauses.push(`${escapeLucene(vrm.compact.toLowerCase())}^8`);
  }
  for (const w of ws) clauses.push(wordClause(w));
  if (ws.length > 1) clauses.push(`"${ws.map(escapeLucene).join(' ')}"^4`);
  return clauses.length > 0 ? [...new Set(clauses)].join(' ') : undefined;
}

/** Which of an entity's searchable forms the text matched best: the form sharing most words. */
export function matchedForm(searchText: unknown, text: string): string | null {
  if (typeof searchText !== 'string') return null;
  const ws = words(text);
  const digits = text.replace(/\D/g, '');
  let best: { form: string; score: number } | undefined;
  for (const form of searchText.split(' | ')) {
    const fw = words(form);
    let score = ws.filter((w) => fw.some((f) => f === w || f.startsWith(w))).length;
    if (digits.length >= 7 && form.replace(/\D/g, '').endsWith(digits.slice(-9))) score += 5;
    if (score > 0 && (!best || score > best.score)) best = { form, score };
  }
  return best?.form ?? null;
}
