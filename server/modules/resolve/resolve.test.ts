import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { datasetsDir } from '../../../bench/datasets/location.ts';
import { blockingKeys } from './blocking.ts';
import { comparePeople, COMPARISONS, dobConflict } from './compare.ts';
import { parseDob, preparePerson, type PersonInput } from './person.ts';
import { personConflicts, personDecisive, personReviewsConflict, sameMailbox } from './person-rules.ts';
import { bagDistance, typos } from './similarity.ts';
import { pairwiseScore } from './evaluate.ts';
import { matchWeight, priorModel, probability, estimate } from './fellegi-sunter.ts';
import { nicknameMatch } from './nicknames.ts';
import { clustersOf } from './clusters.ts';
import { DEFAULT_THRESHOLDS, resolvePeople } from './resolver.ts';
import { editDistance, jaroWinkler, plain, plainName, soundsAlike, splitName } from './text.ts';

const level = (field: string, a: PersonInput, b: PersonInput) => {
  const c = comparePeople(preparePerson(a), preparePerson(b));
  const i = COMPARISONS.findIndex((x) => x.name === field);
  const l = c.levels[i];
  return l === null || l === undefined ? null : COMPARISONS[i]!.levels[l];
};

describe('text forms', () => {
  it('folds accents, other scripts and titles', () => {
    expect(plain('Ionuț Popă')).toBe('ionut popa');
    expect(plain('Олена Шевченко')).toBe('olena shevchenko');
    expect(plainName('Frau Dr. Irene Nierstenhöfer')).toBe('irene nierstenhofer');
    expect(splitName('POPA, Ionut Andrei')).toEqual({ familyName: 'popa', givenName: 'ionut' });
    expect(splitName('Ionut Andrei Popa')).toEqual({ givenName: 'ionut', familyName: 'popa' });
  });

  it('computes Jaro-Winkler as published (MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });

  it('counts edits with adjacent transpositions, capped', () => {
    expect(editDistance('19850223', '19850232')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
  });

  it('hears names alike by Double Metaphone and knows nicknames', () => {
    expect(soundsAlike('stephen', 'steven')).toBe(true);
    expect(soundsAlike('smith', 'schmidt')).toBe(true);
    expect(soundsAlike('popa', 'krasniqi')).toBe(false);
    expect(nicknameMatch('bob', 'robert')).toBe(true);
    expect(nicknameMatch('bob', 'william')).toBe(false);
    // From the vendored list (data/nicknames.csv), not the hand-curated groups.
    expect(nicknameMatch('peggy', 'margaret')).toBe(true);
    expect(nicknameMatch('bill', 'william')).toBe(true);
    expect(nicknameMatch('margaret', 'william')).toBe(false);
    // Two nicknames of one name, and a transliteration from the hand-curated groups.
    expect(nicknameMatch('bob', 'rob')).toBe(true);
    expect(nicknameMatch('ion', 'john')).toBe(true);
  });
});

describe('field comparisons', () => {
  const base: PersonInput = { id: 'a', givenName: 'Bianca', familyName: 'Moldovan', dateOfBirth: '1998-06-20' };

  it('compares swapped given and family names the other way round, and says so', () => {
    const c = comparePeople(preparePerson(base), preparePerson({ ...base, id: 'b', givenName: 'Moldovan', familyName: 'Bianca' }));
    expect(c.swapped).toBe(true);
    expect(c.levels.slice(0, 2)).toEqual([0, 0]);
  });

  it('compares a record with one name against whichever name of the other agrees, and says so', () => {
    // "|Clark" (a surname only) and "Clark|Violet" (the name written in the given-name column).
    const c = comparePeople(preparePerson({ id: 'a', familyName: 'Clark' }), preparePerson({ id: 'b', givenName: 'Clark', familyName: 'Violet' }));
    expect(c.swapped).toBe(true);
    expect(c.levels.slice(0, 2)).toEqual([null, 0]);
    // A name in its own column is compared there.
    const d = comparePeople(preparePerson({ id: 'a', familyName: 'Clark' }), preparePerson({ id: 'b', givenName: 'Violet', familyName: 'Clark' }));
    expect(d.swapped).toBe(false);
    expect(d.levels.slice(0, 2)).toEqual([null, 0]);
  });

  it('takes letters typed out of order with one of them wrong for a typo, in names of five letters or more', () => {
    expect(typos('hnoan', 'noah')).toBe(true);
    expect(typos('tmhsmoo', 'thomson')).toBe(true);
    expect(bagDistance('tmhsmoo', 'thomson')).toBe(1);
    // Short names a letter apart are other names.
    expect(typos('john', 'joan')).toBe(false);
  });

  it('grades dates of birth: day-month swap, one typo, same year, different', () => {
    expect(level('dateOfBirth', base, { ...base, id: 'b', dateOfBirth: '1998-06-20' })).toBe('exact');
    expect(level('dateOfBirth', { ...base, dateOfBirth: '1998-03-04' }, { ...base, id: 'b', dateOfBirth: '1998-04-03' })).toBe('day and month swapped');
    expect(level('dateOfBirth', base, { ...base, id: 'b', dateOfBirth: '1998-06-21' })).toBe('one typo or a day apart');
    expect(level('dateOfBirth', base, { ...base, id: 'b', dateOfBirth: '1998-11-02' })).toBe('same year');
    expect(level('dateOfBirth', base, { ...base, id: 'b', dateOfBirth: '1971-01-09' })).toBe('different');
    expect(level('dateOfBirth', base, { ...base, id: 'b', dateOfBirth: null })).toBeNull();
  });

  it('grades given names: nickname, transliteration, sound, spelling', () => {
    expect(level('givenName', { ...base, givenName: 'Robert' }, { ...base, id: 'b', givenName: 'Bob' })).toBe('nickname or variant');
    expect(level('givenName', { ...base, givenName: 'Ionuț' }, { ...base, id: 'b', givenName: 'Ionut' })).toBe('exact');
    expect(level('givenName', { ...base, givenName: 'Klodian' }, { ...base, id: 'b', givenName: 'Kloodian' })).toBe('Jaro-Winkler >= 0.92');
    expect(level('givenName', { ...base, givenName: 'Zhang' }, { ...base, id: 'b', givenName: 'Oleksandr' })).toBe('different');
    // Typed letters that Jaro-Winkler scores low; short names two letters apart are other names.
    expect(level('familyName', { ...base, familyName: 'Price' }, { ...base, id: 'b', familyName: 'Pcire' })).toBe('letters swapped or two typos');
    expect(level('familyName', { ...base, familyName: 'Sofia' }, { ...base, id: 'b', familyName: 'Fosia' })).toBe('letters swapped or two typos');
    expect(level('givenName', { ...base, givenName: 'Jack' }, { ...base, id: 'b', givenName: 'Jane' })).toBe('different');
  });

  it('treats a shared address line and postcode as one piece of evidence', () => {
    const home = { postcodes: ['RG1 2AB'], addresses: ['12 High Street'] };
    expect(level('address', { ...base, ...home }, { ...base, id: 'b', postcodes: ['rg12ab'], addresses: ['12 high street'] })).toBe('same address');
    expect(level('address', { ...base, ...home }, { ...base, id: 'b', postcodes: ['RG1 2AB'], addresses: ['3 Low Road'] })).toBe('same postcode');
    expect(COMPARISONS.some((c) => (c.name as string) === 'postcode')).toBe(false);
  });

  it('counts a gender disagreement against a match but not an agreement for it', () => {
    expect(level('gender', { ...base, gender: 'FEMALE' }, { ...base, id: 'b', gender: 'FEMALE' })).toBeNull();
    expect(level('gender', { ...base, gender: 'FEMALE' }, { ...base, id: 'b', gender: 'MALE' })).toBe('different');
  });
});

describe('Fellegi-Sunter', () => {
  const u = COMPARISONS.map((c) => c.levels.map((_, l) => (l === c.levels.length - 1 ? 0.97 : 0.03 / (c.levels.length - 1))));

  it('adds evidence for agreement, takes it away for disagreement, and ignores missing fields', () => {
    const model = priorModel(u, 0.001);
    const none = COMPARISONS.map(() => null);
    const agree = [0, 0, 0, null, 0, null, null, null, null];
    const disagree = [6, 5, 4, null, 1, null, null, null, null];
    expect(matchWeight(model, none)).toBeCloseTo(Math.log2(0.001 / 0.999));
    expect(probability(matchWeight(model, agree))).toBeGreaterThan(0.99);
    expect(probability(matchWeight(model, disagree))).toBeLessThan(0.001);
  });

  it('estimates m by EM from a mixture of matching and non-matching pairs', () => {
    const matches = Array.from({ length: 300 }, (_, k) => [k % 10 === 0 ? 2 : 0, 0, k % 20 === 0 ? 1 : 0, null, null, null, null, null, null]);
    const others = Array.from({ length: 3000 }, (_, k) => [6, k % 50 === 0 ? 0 : 5, 4, null, null, null, null, null, null]);
    const est = estimate(priorModel(u, 0.05), [...matches, ...others]);
    expect(est.lambda).toBeGreaterThan(0.07);
    expect(est.lambda).toBeLessThan(0.12);
    expect(est.m[0]![0]).toBeGreaterThan(0.8);
  });
});

describe('resolvePeople', () => {
  // A small population: distinct people, plus duplicates recorded by a second system.
  const GIVEN = ['Ana', 'Mihai', 'Elena', 'Andrei', 'Ioana', 'Florin', 'Maria', 'Dorin', 'Lavinia', 'Sorin', 'Adela', 'Costel'];
  const FAMILY = ['Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Rusu', 'Munteanu', 'Matei', 'Ciobanu'];
  const people: PersonInput[] = [];
  for (let i = 0; i < 120; i++) {
    people.push({
      id: `p${i}`,
      givenName: GIVEN[i % GIVEN.length]!,
      familyName: FAMILY[(i * 7) % FAMILY.length]!,
      dateOfBirth: `19${60 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`,
      phones: [`+4477009${String(i).padStart(5, '0')}`],
      postcodes: [`RG${1 + (i % 9)} ${i % 10}AB`],
    });
  }
  const dup = (i: number, over: Partial<PersonInput>): PersonInput => ({ ...people[i]!, id: `d${i}`, ...over });
  const dups = [
    dup(3, { givenName: people[3]!.familyName, familyName: people[3]!.givenName }),
    dup(10, { familyName: `${people[10]!.familyName}u`, phones: [] }),
    dup(20, { dateOfBirth: people[20]!.dateOfBirth!.replace(/-(\d\d)-(\d\d)$/, '-$2-$1'), postcodes: [] }),
    dup(30, { givenName: 'Anna', phones: [] }),
  ];
  const all = [...people, ...dups];

  it('merges the duplicates and nothing else, with evidence and a score', () => {
    const r = resolvePeople(all);
    const s = pairwiseScore(r.clusters, dups.map((d) => [d.id, `p${d.id.slice(1)}`]));
    expect(s.precision).toBe(1);
    expect(s.recall).toBeGreaterThanOrEqual(0.75);
    const swapped = r.pairs.find((p) => p.a === 'd3' || p.b === 'd3')!;
    expect(swapped.swapped).toBe(true);
    expect(swapped.evidence.map((e) => e.field)).toEqual(expect.arrayContaining(['givenName', 'familyName', 'dateOfBirth', 'phone']));
    expect(swapped.probability).toBeGreaterThan(0.95);
  });

  it('scores only pairs touching the new records when run incrementally', () => {
    const r = resolvePeople(all, { onlyTouching: new Set(['d10']) });
    expect(r.pairs.every((p) => p.a === 'd10' || p.b === 'd10')).toBe(true);
    // d10's name words block with the few others of its given name; nothing else is scored.
    expect(r.stats.candidatePairs).toBeLessThan(40);
  });

  it('does not merge namesakes whose dates of birth and contacts differ', () => {
    const twins: PersonInput[] = [
      { id: 'x1', givenName: 'John', familyName: 'Smith', dateOfBirth: '1950-01-01', phones: ['+447700900001'] },
      { id: 'x2', givenName: 'John', familyName: 'Smith', dateOfBirth: '1982-07-19', phones: ['+447700900002'] },
    ];
    const r = resolvePeople([...people, ...twins]);
    expect(r.pairs.find((p) => p.a === 'x1' && p.b === 'x2')?.decision ?? 'NO_MATCH').not.toBe('MERGE');
  });
});

describe('hard rules: conflicts veto a merge, a match key decides one', () => {
  const keys = { matchKeys: new Set(['ni', 'passport', 'pnc', 'nhs']) };
  const conflicts = (a: PersonInput, b: PersonInput) => personConflicts(preparePerson(a), preparePerson(b), keys);
  const john: PersonInput = { id: 'a', givenName: 'John', familyName: 'Smith', dateOfBirth: '1961-04-12', addresses: ['12 High Street'], postcodes: ['RG1 1AA'] };

  it('lets dates of birth a typo apart through: day and month swapped, one digit, a transposition, a day apart', () => {
    for (const other of ['1961-12-04', '1961-04-13', '1961-04-02', '1691-04-12', '1961-04-11', '1961-04-21']) {
      expect(dobConflict(parseDob('1961-04-12'), parseDob(other)), other).toBe(false);
    }
  });

  it('vetoes dates of birth further apart than a typo, and says which', () => {
    for (const other of ['1988-09-30', '1961-09-30', '1962-05-12']) expect(dobConflict(parseDob('1961-04-12'), parseDob(other)), other).toBe(true);
    expect(conflicts(john, { ...john, id: 'b', dateOfBirth: '1988-09-30' })).toEqual(['dates of birth differ by more than a typo (19610412, 19880930)']);
    expect(conflicts(john, { ...john, id: 'b', dateOfBirth: null })).toEqual([]);
  });

  it('takes generational suffixes off the names and vetoes different ones', () => {
    const sr = preparePerson({ ...john, familyName: 'Smith Sr.' });
    const jr = preparePerson({ ...john, id: 'b', fullName: 'John Smith Jnr', givenName: null, familyName: null });
    expect([sr.family, sr.suffix, jr.given, jr.family, jr.suffix]).toEqual(['smith', 'sr', 'john', 'smith', 'jr']);
    expect(personConflicts(sr, jr, keys)).toEqual(['generational suffixes differ (sr, jr)']);
    // Only a suffix after a name: "Junior" as a given name stays a name.
    expect(preparePerson({ id: 'c', givenName: 'Junior', familyName: 'Silva' })).toMatchObject({ given: 'junior', suffix: null });
    expect(conflicts({ ...john, givenName: 'John III' }, { ...john, id: 'b', givenName: 'John II' })).toEqual(['generational suffixes differ (iii, ii)']);
  });

  it('decides on a shared match key and vetoes on different values of one kind (a one-character slip is neither)', () => {
    const a = preparePerson({ ...john, identifiers: ['passport:123456789', 'nhs:943 476 5919'] });
    expect(personDecisive(a, preparePerson({ id: 'b', givenName: 'J', familyName: 'Smyth', identifiers: ['nhs:9434765919'] }), keys)).toBe('same nhs identifier');
    expect(personConflicts(a, preparePerson({ ...john, id: 'b', identifiers: ['passport:987654321'] }), keys)).toEqual(['different passport identifiers']);
    expect(personConflicts(a, preparePerson({ ...john, id: 'b', identifiers: ['passport:123456780'] }), keys)).toEqual([]);
    // A kind not declared as a match key is evidence only.
    expect(personConflicts(preparePerson({ ...john, identifiers: ['ssn:1'] }), preparePerson({ ...john, id: 'b', identifiers: ['ssn:2'] }), keys)).toEqual([]);
  });

  // A register of unrelated people for the pipeline tests, so that weights can be estimated.
  const register: PersonInput[] = Array.from({ length: 150 }, (_, i) => ({
    id: `r${i}`,
    givenName: ['Ana', 'Mihai', 'Elena', 'Andrei', 'Ioana', 'Florin', 'Maria', 'Dorin', 'Lavinia', 'Sorin'][i % 10]!,
    familyName: ['Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Rusu', 'Munteanu', 'Matei', 'Ciobanu', 'Lungu', 'Avram', 'Toma'][(i * 7) % 13]!,
    dateOfBirth: `19${60 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 5) % 28)).padStart(2, '0')}`,
    addresses: [`${i + 1} Long Lane`],
    postcodes: [`RG${1 + (i % 9)} ${i % 10}AB`],
  }));

  it('does not merge a father and son of one name at one address, nor join them through a record without a date of birth', () => {
    const home = { givenName: 'Marius', familyName: 'Petrescu', addresses: ['7 Mill Road'], postcodes: ['RG2 7QQ'], phones: ['+447700900777'] };
    const family: PersonInput[] = [
      { id: 'father', ...home, dateOfBirth: '1962-03-14' },
      { id: 'son', ...home, dateOfBirth: '1991-11-02' },
      { id: 'undated', ...home },
    ];
    const r = resolvePeople([...register, ...family]);
    const together = r.clusters.find((c) => c.includes('father') && c.includes('son'));
    expect(together).toBeUndefined();
    expect(r.pairs.find((p) => p.a === 'father' && p.b === 'son')).toBeUndefined();
    const held = r.pairs.find((p) => p.rule?.includes('would join records that conflict'));
    expect(held?.decision).toBe('REVIEW');
    expect(held?.rule).toMatch(/(father and son|son and father): dates of birth differ/);
  });

  it('takes a mailbox mistyped in its letters for the same one, never one with other digits, and lets it outweigh a date of birth', () => {
    expect(sameMailbox(['a.cross58@browning-nguyen.com'], ['a.cross58@browning-nguyeyn.com'])).toBe(true);
    expect(sameMailbox(['l.ferguson46@shah.com'], ['l.fergson46@shah.com'])).toBe(true);
    expect(sameMailbox(['arben.s0000001@example.net'], ['arben.s0001551@example.net'])).toBe(false);
    expect(sameMailbox(['j.smith1@mail.com'], ['j.smith2@mail.com'])).toBe(false);
    expect(sameMailbox(['john.smith@mail.com'], ['jane.smith@mail.com'])).toBe(false);
    const far = { ...john, id: 'b', dateOfBirth: '1988-09-30' };
    expect(conflicts({ ...john, emails: ['a.cross58@browning-nguyen.com'] }, { ...far, emails: ['a.cross58@browning-nguyeyn.com'] })).toEqual([]);
    expect(conflicts({ ...john, emails: ['j.smith1@mail.com'] }, { ...far, emails: ['j.smith2@mail.com'] })).toHaveLength(1);
    // An identifier of one kind with the same value, match key or not, likewise.
    expect(conflicts({ ...john, identifiers: ['ssn:6988048'] }, { ...far, identifiers: ['ssn:6988048'] })).toEqual([]);
    expect(conflicts({ ...john, identifiers: ['ssn:6988048'] }, { ...far, identifiers: ['ssn:1234567'] })).toHaveLength(1);
  });

  it('queues a far date of birth with the rest agreeing for review, but not namesakes of one household', () => {
    const reviews = (a: PersonInput, b: PersonInput) => {
      const [x, y] = [preparePerson(a), preparePerson(b)];
      return personReviewsConflict(x, y, comparePeople(x, y).levels, keys);
    };
    const inTown = { id: 'a', givenName: 'Oana', familyName: 'Vlad', dateOfBirth: '1980-06-15', towns: ['Leeds'] };
    expect(reviews(inTown, { ...inTown, id: 'b', dateOfBirth: '1990-01-01' })).toBe(true);
    // Same address (or phone): a father and son, vetoed and not queued.
    expect(reviews(john, { ...john, id: 'b', dateOfBirth: '1988-09-30' })).toBe(false);
    expect(reviews({ ...inTown, phones: ['+447700900123'] }, { ...inTown, id: 'b', dateOfBirth: '1990-01-01', phones: ['+447700900123'] })).toBe(false);
    // Another conflict besides the date: vetoed.
    expect(reviews({ ...inTown, identifiers: ['passport:111111111'] }, { ...inTown, id: 'b', dateOfBirth: '1990-01-01', identifiers: ['passport:222222222'] })).toBe(false);
    // Dates a typo apart are no conflict to review.
    expect(reviews(inTown, { ...inTown, id: 'b', dateOfBirth: '1980-06-16' })).toBe(false);
  });

  it('sends a pair whose score is above the merge threshold but whose dates of birth are far apart to review, saying why', () => {
    // Names, town and gender agree, the mailboxes differ only in their digits (so they do not lift
    // the veto) and the homes differ (so not a household): the score alone would merge them.
    const oana = { givenName: 'Oana', familyName: 'Vladescu', gender: 'FEMALE', towns: ['Leeds'] };
    const r = resolvePeople([
      { id: 'd1', ...oana, dateOfBirth: '1980-06-15', emails: ['oana.vladescu80@mail.ro'], postcodes: ['LS1 1AA'], addresses: ['1 Park Row'] },
      { id: 'd2', ...oana, dateOfBirth: '1990-01-01', emails: ['oana.vladescu90@mail.ro'], postcodes: ['LS9 9ZZ'], addresses: ['22 Kirkgate'] },
    ]);
    expect(r.pairs).toHaveLength(1);
    const [pair] = r.pairs;
    expect(pair!.probability).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.merge);
    expect(pair!.decision).toBe('REVIEW');
    expect(pair!.rule).toBe('no merge: dates of birth differ by more than a typo (19800615, 19900101) (sent to review: everything else agrees)');
    expect(r.clusters).toEqual([]);
  });

  it('merges on a shared match key whatever the score, and sends a vetoed one to review', () => {
    const r = resolvePeople([
      ...register,
      { id: 'k1', givenName: 'Oana', familyName: 'Vlad', dateOfBirth: '1990-01-01', identifiers: ['nhs:9434765919'] },
      { id: 'k2', givenName: 'O', familyName: 'Vlad-Marin', identifiers: ['nhs:9434765919'] },
      { id: 'k3', givenName: 'Oana', familyName: 'Vlad', dateOfBirth: '1990-01-01', identifiers: ['nhs:9434765919', 'passport:111111111'] },
      { id: 'k4', givenName: 'Oana', familyName: 'Vlad', dateOfBirth: '1990-01-01', identifiers: ['nhs:9434765919', 'passport:222222222'] },
    ]);
    const pair = (a: string, b: string) => r.pairs.find((p) => p.a === a && p.b === b);
    expect(pair('k1', 'k2')).toMatchObject({ decision: 'MERGE', rule: 'merged on the same nhs identifier' });
    expect(pair('k3', 'k4')).toMatchObject({ decision: 'REVIEW', rule: 'no merge: different passport identifiers (despite the same nhs identifier)' });
  });
});

describe('name-only matching', () => {
  it('blocks on name words and their sound, so that records with only a name are compared', () => {
    const shared = (a: PersonInput, b: PersonInput) => blockingKeys(preparePerson(a)).filter((k) => blockingKeys(preparePerson(b)).includes(k));
    expect(shared({ id: 'a', fullName: 'Angela Merkur' }, { id: 'b', fullName: 'Angela Merkel' })).toEqual(expect.arrayContaining(['t:angela']));
    expect(shared({ id: 'a', fullName: 'Stephen Fairweather' }, { id: 'b', fullName: 'Steven Fayrweather' }).some((k) => k.startsWith('tm:'))).toBe(true);
    expect(shared({ id: 'a', fullName: 'Angela Merkel' }, { id: 'b', fullName: 'Boris Johnson' })).toEqual([]);
  });

  it('compares a watch-list name with its misspelling on names alone and scores it above different people', () => {
    const list: PersonInput[] = [
      ['Angela Merkel', 'Angela Merkur'],
      ['Vladimir Ostrowski', 'Wladimir Ostrowski'],
      ['Gheorghe Hagi', 'George Hagi'],
    ].flatMap(([a, b], i) => [{ id: `w${i}a`, fullName: a }, { id: `w${i}b`, fullName: b }]);
    const others = Array.from({ length: 300 }, (_, i) => ({ id: `o${i}`, fullName: `${['Ana', 'Ion', 'Eva', 'Dan', 'Ilie', 'Rita', 'Paul', 'Otto', 'Ida', 'Emil', 'Vera', 'Lev'][i % 12]} ${['Baciu', 'Cojocaru', 'Dinu', 'Enache', 'Florea', 'Grigore', 'Hodor', 'Iliescu', 'Jitaru', 'Kovacs', 'Lazar', 'Mocanu', 'Nistor', 'Oprea', 'Pavel', 'Radu', 'Sava', 'Tudor', 'Ursu', 'Voicu', 'Zamfir', 'Bucur', 'Chiriac', 'Damian', 'Ene'][Math.floor(i / 12)]}` }));
    const r = resolvePeople([...list, ...others], { thresholds: { merge: 0.95, review: 1e-9 } });
    const pair = (a: string, b: string) => r.pairs.find((p) => p.a === a && p.b === b);
    const merkel = pair('w0a', 'w0b');
    expect(merkel, 'Merkel and Merkur are compared').toBeDefined();
    expect(merkel!.evidence.map((e) => e.field)).toEqual(['givenName', 'familyName']);
    const strangers = r.pairs.filter((p) => p.a.startsWith('o') && p.b.startsWith('o'));
    expect(strangers.length).toBeGreaterThan(0);
    for (const [a, b] of [['w0a', 'w0b'], ['w1a', 'w1b'], ['w2a', 'w2b']] as const) {
      expect(pair(a, b)!.weight, `${a} ${b}`).toBeGreaterThan(Math.max(...strangers.map((p) => p.weight)));
    }
    expect(r.clusters.filter((c) => c.some((id) => id.startsWith('o')))).toEqual([]);
  });

  // A list of names only: 20 given names by 30 family names, each person once.
  const GIVEN = ['John', 'Ana', 'Ion', 'Eva', 'Dan', 'Ilie', 'Rita', 'Paul', 'Otto', 'Ida', 'Emil', 'Vera', 'Lev', 'Mara', 'Toma', 'Irina', 'Sava', 'Nelu', 'Dora', 'Gelu'];
  const FAMILY = ['Smith', 'Baciu', 'Cojocaru', 'Dinu', 'Enache', 'Florea', 'Grigore', 'Hodor', 'Iliescu', 'Jitaru', 'Kovacs', 'Lazar', 'Mocanu', 'Nistor', 'Oprea', 'Pavel', 'Radu', 'Tudor', 'Ursu', 'Voicu', 'Zamfir', 'Bucur', 'Chiriac', 'Damian', 'Ene', 'Filip', 'Gavril', 'Husar', 'Ionita', 'Jianu'];
  const names = GIVEN.flatMap((g, i) => FAMILY.map((f, j) => ({ id: `n${i}-${j}`, fullName: `${g} ${f}` })));

  // The list also holds some people twice, as lists do, so that the prior expects matches.
  const twice = names.filter((_, i) => i % 10 === 0).map((x) => ({ ...x, id: `${x.id}-again` }));

  it('matches "Angela Merkur" with "Angela Merkel" on names alone (rare names, one misspelt), at least for review', () => {
    const r = resolvePeople([...names, ...twice, { id: 'm1', fullName: 'Angela Merkel' }, { id: 'm2', fullName: 'Angela Merkur' }, { id: 'm3', fullName: 'Angela Merkel' }]);
    // Misspelt surname: a person decides (probability well above the review threshold).
    const merkur = r.pairs.find((p) => p.a === 'm1' && p.b === 'm2')!;
    expect(merkur.decision).toBe('REVIEW');
    expect(merkur.probability).toBeGreaterThan(0.9);
    // Written the same: merged.
    expect(r.pairs.find((p) => p.a === 'm1' && p.b === 'm3')).toMatchObject({ decision: 'MERGE' });
  }, 60_000);

  it('merges swapped and accented rare names, and sends an initial with a rare surname to review', () => {
    const r = resolvePeople([
      ...names,
      ...twice,
      { id: 's1', givenName: 'Zoltán', familyName: 'Székely' },
      { id: 's2', givenName: 'Szekely', familyName: 'Zoltan' },
      { id: 's3', givenName: 'Wojciech', familyName: 'Brzęczyszczykiewicz' },
      { id: 's4', givenName: 'W', familyName: 'Brzeczyszczykiewicz' },
    ]);
    expect(r.clusters).toContainEqual(['s1', 's2']);
    expect(r.pairs.find((p) => p.a === 's3' && p.b === 's4')).toMatchObject({ decision: 'REVIEW' });
    expect(r.pairs.find((p) => p.a === 's1' && p.b === 's2')?.swapped).toBe(true);
  }, 60_000);

  it('learns from a list of names alone how often true matches agree on each name, and the share of matches (Splink fake_1000, names only)', () => {
    const rows = parse(fs.readFileSync(path.join(datasetsDir, 'splink', 'fake_1000.csv')), { columns: true }) as Record<string, string>[];
    const records: PersonInput[] = rows.map((r) => ({ id: r.unique_id!, givenName: r.first_name, familyName: r.surname }));
    const model = resolvePeople(records).model;
    // The truth, counted from the file's clusters: how often a true pair agrees exactly on each name.
    const prepared = new Map(records.map((r) => [r.id, preparePerson(r)]));
    const byCluster = new Map<string, string[]>();
    rows.forEach((r) => byCluster.set(r.cluster!, [...(byCluster.get(r.cluster!) ?? []), r.unique_id!]));
    const exact = [0, 0];
    const present = [0, 0];
    let truePairs = 0;
    for (const ids of byCluster.values()) {
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          truePairs++;
          const l = comparePeople(prepared.get(ids[i]!)!, prepared.get(ids[j]!)!).levels;
          for (const c of [0, 1]) {
            if (l[c] === null) continue;
            present[c]!++;
            if (l[c] === 0) exact[c]!++;
          }
        }
      }
    }
    for (const c of [0, 1]) {
      const truth = exact[c]! / present[c]!;
      // Estimated from the names themselves (the prior says 0.8): within 0.1 of the truth.
      expect(Math.abs(model.m[c]![0]! - truth), COMPARISONS[c]!.name).toBeLessThan(0.1);
      expect(model.m[c]![0]!).toBeLessThan(COMPARISONS[c]!.mPrior[0]!);
    }
    // The prior, the chance two records picked at random are one person: within a factor of 1.5.
    const lambda = truePairs / ((records.length * (records.length - 1)) / 2);
    expect(model.lambda).toBeGreaterThan(lambda / 1.5);
    expect(model.lambda).toBeLessThan(lambda * 1.5);
  }, 60_000);

  it('counts a name written in the other column as common as it is in its own, when names are crossed', () => {
    // Hall is a common surname here; one record has it as a given name (names crossed).
    const halls = GIVEN.map((g, i) => ({ id: `h${i}`, fullName: `${g} Hall` }));
    const r = resolvePeople([...names, ...twice, ...halls, { id: 'x1', givenName: 'Hall', familyName: 'Isla' }, { id: 'x2', givenName: 'Isabelle', familyName: 'Hall' }], { thresholds: { merge: 0.95, review: 1e-9 } });
    const crossed = r.pairs.find((p) => p.a === 'x1' && p.b === 'x2')!;
    expect(crossed.swapped).toBe(true);
    const hall = crossed.evidence.find((e) => e.level === 'exact')!;
    // Worth no more than two Halls agreeing on the surname in its own column.
    const straight = r.pairs.find((p) => p.a.startsWith('h') && p.b.startsWith('h'))!.evidence.find((e) => e.field === 'familyName')!;
    expect(hall.weight).toBeLessThanOrEqual(straight.weight + 0.01);
    expect(crossed.decision).not.toBe('MERGE');
  }, 60_000);

  it('does not merge two "John Smith" records with nothing but the name: both names are common in the list', () => {
    const r = resolvePeople([...names, ...twice, { id: 'js1', fullName: 'John Smith' }, { id: 'js2', fullName: 'John Smith' }], { thresholds: { merge: 0.95, review: 1e-9 } });
    const pair = r.pairs.find((p) => p.a === 'js1' && p.b === 'js2');
    expect(pair, 'the two are compared').toBeDefined();
    expect(pair!.decision).not.toBe('MERGE');
    expect(r.clusters.filter((c) => c.includes('js1'))).toEqual([]);
  }, 60_000);

});

describe('clusters and pairwise scores', () => {
  it('joins merge pairs transitively', () => {
    expect(clustersOf([{ a: 'a', b: 'b' }, { a: 'b', b: 'c' }, { a: 'x', b: 'y' }])).toEqual([['a', 'b', 'c'], ['x', 'y']]);
  });
  it('scores predicted clusters against true ones pair by pair', () => {
    const s = pairwiseScore([['a', 'b', 'c']], [['a', 'b'], ['c', 'd']]);
    expect(s).toMatchObject({ predictedPairs: 3, truePairs: 2, correctPairs: 1 });
    expect(s.f1).toBeCloseTo((2 * (1 / 3) * 0.5) / (1 / 3 + 0.5));
  });
});
