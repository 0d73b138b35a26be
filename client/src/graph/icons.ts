/**
 * Node images: the type's glyph in white, with badges in the corners for roles and flags
 * (potential victim, suspect, safeguarded, risk). One SVG per combination, cached, as a data
 * URI (img-src data: under the Content-Security-Policy). Entity text never goes into an SVG.
 */
import { entityMeta } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';

export interface BadgeFlags {
  potentialVictim?: boolean;
  suspect?: boolean;
  safeguarded?: boolean;
  risk?: boolean;
  /** An MSHT indicator fires on it (view state from the flagged list, client/src/analysis). */
  indicator?: boolean;
}

export const BADGES = {
  potentialVictim: { letter: 'V', colour: '#e0a100', title: 'Potential victim', corner: [9, 9] },
  suspect: { letter: 'S', colour: '#c62828', title: 'Suspect', corner: [55, 9] },
  safeguarded: { letter: '✓', colour: '#2e7d32', title: 'Safeguarded', corner: [55, 55] },
  risk: { letter: 'R', colour: '#7b1fa2', title: 'Risk score 0.6 or more', corner: [9, 55] },
  indicator: { letter: '!', colour: '#d84315', title: 'MSHT indicator fires', corner: [32, 4] },
} as const;

const cache = new Map<string, string>();

export function badgeKey(flags: BadgeFlags): string {
  return (['potentialVictim', 'suspect', 'safeguarded', 'risk', 'indicator'] as const).map((k) => (flags[k] ? '1' : '0')).join('');
}

/** The SVG markup for a type with its badges, in a 64x64 box (the node's bounding box). */
export function nodeSvg(type: EntityType, flags: BadgeFlags = {}): string {
  const meta = entityMeta(type);
  const glyph = meta.glyph.replace(/"C"/g, `"${meta.colour}"`);
  const badges = (Object.keys(BADGES) as (keyof typeof BADGES)[])
    .filter((k) => flags[k])
    .map((k) => {
      const b = BADGES[k];
      const [cx, cy] = b.corner;
      return `<circle cx="${cx}" cy="${cy}" r="8.5" fill="${b.colour}" stroke="#fff" stroke-width="2"/>` +
        `<text x="${cx}" y="${cy + 4}" text-anchor="middle" font-family="Arial,sans-serif" font-size="11" font-weight="700" fill="#fff">${b.letter}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<g transform="translate(18 18) scale(1.1667)" fill="#fff">${glyph}</g>${badges}</svg>`;
}

export function nodeImage(type: EntityType, flags: BadgeFlags = {}): string {
  const key = `${type}:${badgeKey(flags)}`;
  let uri = cache.get(key);
  if (!uri) {
    uri = `data:image/svg+xml;utf8,${encodeURIComponent(nodeSvg(type, flags))}`;
    cache.set(key, uri);
  }
  return uri;
}

/** A plain glyph on the type's colour, for the legend and search results. */
export function typeIcon(type: EntityType): string {
  const meta = entityMeta(type);
  const glyph = meta.glyph.replace(/"C"/g, `"${meta.colour}"`);
  return `data:image/svg+xml;utf8,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="-4 -4 32 32"><circle cx="12" cy="12" r="16" fill="${meta.colour}"/><g fill="#fff">${glyph}</g></svg>`,
  )}`;
}
