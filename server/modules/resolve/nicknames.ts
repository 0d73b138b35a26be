/**
 * Given names that stand for one another: English nicknames and the common transliteration
 * variants of names seen in MSHT casework (Romanian, Albanian, Vietnamese, Chinese, Slavic,
 * Arabic). Each line is one group; a name may be in several groups. Curated by hand, small on
 * purpose: spelling variants that Jaro-Winkler or Double Metaphone already catch (Mohammed /
 * Muhammad, Catherine / Katherine) need no entry; what is here is what they miss (Bob / Robert).
 */
const GROUPS: string[] = [
  'robert rob robbie bob bobby bert',
  'william will bill billy liam willy',
  'richard rick ricky dick rich',
  'james jim jimmy jamie',
  'john jack johnny jon ion ivan ioan giovanni juan jan',
  'michael mike mick mickey mihai mikhail mykhailo',
  'christopher chris kit',
  'nicholas nick nicky nicolae mykola nikolai',
  'alexander alex alexandru sasha oleksandr aleksandr sandy',
  'alexandra alex sasha sandra',
  'elizabeth liz lizzie beth betty eliza elisabeta elzbieta',
  'margaret maggie meg peggy marge',
  'catherine kate katie cathy kathy ekaterina katarzyna',
  'anthony tony antonio anton',
  'joseph joe joey iosif giuseppe jose',
  'thomas tom tommy toma',
  'edward ed eddie ted ned',
  'daniel dan danny',
  'david dave davey',
  'samuel sam sammy',
  'benjamin ben benny',
  'matthew matt',
  'andrew andy drew andrei andriy',
  'stephen steven steve stefan stephan',
  'peter pete petru piotr petr',
  'george georgi gheorghe jerzy',
  'charles charlie chuck',
  'henry harry hank',
  'patrick pat paddy',
  'jennifer jen jenny',
  'rebecca becky becca',
  'victoria vicky vicki tori',
  'susan sue susie',
  'deborah debbie deb',
  'patricia pat patty trish',
  'jessica jess jessie',
  'kimberly kim',
  'jacqueline jackie',
  'christine chris chrissy kristina cristina',
  'maria mary marie mariya',
  'anna ana anne ann hanna hannah',
  'helen helena elena olena',
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
GROUPS.forEach((g, i) => {
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
