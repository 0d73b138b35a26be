/**
 * Duplicates: the same person recorded twice by two systems, with a spelling variant, names
 * swapped or a date of birth transposed, and something shared besides the name (a phone or
 * an address), for entity resolution to find.
 */
import { sourceIdPrefix } from '../../../server/model/source-ids.ts';
import type { SourceCode } from '../sources.ts';
import type { RiskRegister } from './risk.ts';
import type { Scene } from './scene.ts';
import type { DuplicateTruth, NetworkTruth } from './truth.ts';

const VARIANTS: [RegExp, string][] = [
  [/ț/g, 't'],
  [/ă/g, 'a'],
  [/ea$/, 'a'],
  [/ai$/, 'ail'],
  [/ll/g, 'l'],
  [/^Zh/, 'Ch'],
  [/y/g, 'i'],
  [/ph/g, 'f'],
  [/a$/, 'ah'],
  [/ie/g, 'ei'],
  [/([aeiou])/, '$1$1'],
];

/** The first spelling variant that changes the name, or its last letter changed. */
function variant(name: string): string {
  for (const [re, rep] of VARIANTS) {
    const v = name.replace(re, rep);
    if (v !== name) return v;
  }
  return `${name.slice(0, -1)}${name.slice(-1) === 'e' ? 'a' : 'e'}`;
}

export function addDuplicates(s: Scene, networks: NetworkTruth[], risk: RiskRegister): DuplicateTruth[] {
  const { b } = s;
  const duplicates: DuplicateTruth[] = [];
  const dupCandidates = [...risk.outsideNetworks.slice(0, 5), ...networks.map((n) => n.workerIds[n.workerIds.length - 1]!).slice(0, 2), networks[3]!.controllerIds[0]!];
  dupCandidates.forEach((orig, i) => {
    const o = b.get(orig).props;
    const code: SourceCode = b.get(orig).sourceIds.some((s) => s.startsWith(sourceIdPrefix('INTEL'))) ? 'TVCR' : 'INTEL';
    const src = b.record(code, s.randomDate('2025-04-01', '2025-08-31'), 'Person recorded');
    const given = o.givenName as string;
    const family = o.familyName as string;
    let props: Record<string, unknown>;
    let differences: string;
    if (i % 4 === 1) {
      // Given and family names swapped, same date of birth.
      props = { givenName: family, familyName: given, dateOfBirth: o.dateOfBirth, gender: o.gender, nationalities: o.nationalities };
      differences = 'given and family names swapped; same date of birth';
    } else if (i % 4 === 2) {
      // Day and month of birth transposed, family name spelt differently.
      const [y, m, d] = String(o.dateOfBirth).split('-');
      const dob = Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : `${y}-${m}-${String(Math.min(28, Number(d) + 1)).padStart(2, '0')}`;
      props = { givenName: given, familyName: variant(family), dateOfBirth: dob, gender: o.gender, nationalities: o.nationalities };
      differences = 'family name spelt differently; date of birth day and month transposed (or off by a day)';
    } else {
      props = { givenName: variant(given), familyName: family, dateOfBirth: o.dateOfBirth, gender: o.gender, nationalities: o.nationalities };
      differences = 'given name spelt differently (transliteration or diacritics); same date of birth';
    }
    if (o.suspect) props.suspect = true;
    const dup = b.entity('PERSON', props, src);
    // Something they share besides the name: a phone or an address.
    const ph = b.links.find((l) => l.type === 'USES_PHONE' && l.from === orig);
    const home = b.links.find((l) => l.type === 'LIVES_AT' && l.from === orig);
    if (ph && i % 2 === 0) b.link('USES_PHONE', dup, ph.to, src);
    else if (home) b.link('LIVES_AT', dup, home.to, src, { validFrom: home.validFrom ?? undefined });
    else if (ph) b.link('USES_PHONE', dup, ph.to, src);
    duplicates.push({ personIds: [orig, dup], sources: [b.get(orig).sourceIds[0]!.split('-')[1]!.toUpperCase(), code], differences });
  });
  return duplicates;
}
