/**
 * Given names that stand for one another. English nicknames and diminutives (Bob / Robert,
 * Peggy / Margaret) come from a maintained open list, data/nicknames.csv (Apache-2.0, see
 * data/README.md): a formal name and its nicknames are one group. The groups below add the
 * common transliteration variants of names seen in MSHT casework (Romanian, Albanian,
 * Vietnamese, Chinese, Slavic, Arabic), curated by hand and small on purpose: spelling variants
 * that Jaro-Winkler or Double Metaphone already catch (Mohammed / Muhammad, Catherine /
 * Katherine) need no entry. A name may be in several groups (Bill: William and Robert).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NICKNAMES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'nicknames.csv');

/** The list's groups: each formal name (name1) with its nicknames (name2 of `has_nickname` rows). */
function listGroups(text: string): string[] {
  const groups = new Map<string, Set<string>>();
  for (const line of text.split('\n').slice(1)) {
    const [formal, relationship, nickname] = line.trim().toLowerCase().split(',');
    if (!formal || !nickname || relationship !== 'has_nickname') continue;
    const g = groups.get(formal) ?? new Set([formal]);
    g.add(nickname);
    groups.set(formal, g);
  }
  return [...groups.values()].map((g) => [...g].join(' '));
}

const GROUPS: string[] = [
  'robert robbie bert',
  'william liam',
  'john ion ioan giovanni juan jan',
  'michael mihai mikhail mykhailo',
  'nicholas nicolae mykola nikolai',
  'alexander alexandru sasha oleksandr aleksandr',
  'alexandra sasha',
  'elizabeth elisabeta elzbieta',
  'catherine kate katie ekaterina katarzyna',
  'anthony antonio anton',
  'joseph iosif giuseppe jose',
  'thomas toma',
  'andrew andrei andriy',
  'stephen steven stefan stephan',
  'peter petru piotr petr',
  'george georgi gheorghe jerzy',
  'christine kristina cristina',
  'maria mariya',
  'anna hanna',
  'helen helena olena',
  'olga olha',
  'natalia natalya natasha nataliya',
  'ekaterina yekaterina katya',
  'yuri yuriy iurii',
  'sergei sergey serhiy sergiu',
  'dmitri dmitry dmytro',
  'mohammed muhammad mohamed mohammad mehmet',
  'ahmed ahmad',
  'nguyen nguyễn',
  'zhang chang',
  'zhou chou',
  'wang wong',
  'ioana joanna jo johanna',
  'florin florian',
];

const INDEX = new Map<string, Set<number>>();
[...GROUPS, ...listGroups(fs.readFileSync(NICKNAMES_FILE, 'utf8'))].forEach((g, i) => {
  for (const name of g.split(' ')) {
    const set = INDEX.get(name) ?? new Set<number>();
    set.add(i);
    INDEX.set(name, set);
  }
});

/** True when the two (folded, lower-case) given names are in one nickname or variant group. */
export function nicknameMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = INDEX.get(a);
  const gb = INDEX.get(b);
  if (!ga || !gb) return false;
  for (const g of ga) if (gb.has(g)) return true;
  return false;
}

/** The groups a name belongs to (for blocking: names in one group share a key). */
export function nicknameGroups(name: string): number[] {
  return [...(INDEX.get(name) ?? [])];
}
