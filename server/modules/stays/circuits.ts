/**
 * Circuits, pure (docs/analytics.md#circuits): a person's dated WORKS_AT stays read in order,
 * chained while each stay starts once the one before has ended (a move, not two jobs at once) and
 * within `windowDays` of the chain's first stay; a chain through `minPremises` or more premises is
 * a circuit. People moving together: two circuits that go through the same `minTogether` premises
 * in the same order, their stays at each overlapping in time, are one group circuit.
 */

export interface StayFact {
  id: string;
  person: string;
  premises: string;
  from: string;
  /** Null: still open when last recorded. */
  to: string | null;
}

export interface CircuitFound<S extends StayFact = StayFact> {
  kind: 'PERSON' | 'GROUP';
  people: string[];
  /** Premises in the order first reached. */
  premises: string[];
  from: string;
  to: string | null;
  /** Moves from one premises to another along the circuit (per person, summed for a group). */
  moves: number;
  stays: S[];
}

export interface CircuitOptions {
  windowDays: number;
  minPremises: number;
  minTogether: number;
}

const DAY = 86_400_000;
// Days parsed once: the pairing below compares every two circuits' stays, and parsing the same
// dates again and again was most of its time (a circuits query over 1000 people took 7 s).
const days = new Map<string, number>();
const t = (d: string): number => {
  let v = days.get(d);
  if (v === undefined) {
    if (days.size > 100_000) days.clear();
    days.set(d, (v = Date.parse(`${d.slice(0, 10)}T00:00:00Z`)));
  }
  return v;
};
/** A stay recorded a few days into the next is still a move (records are dated loosely). */
export const MOVE_TOLERANCE_DAYS = 3;

const orderOf = (a: StayFact, b: StayFact) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id);
const lastEnd = (stays: StayFact[]): string | null => (stays.some((s) => s.to === null) ? null : stays.map((s) => s.to!).sort().at(-1)!);
const distinct = (xs: string[]) => [...new Set(xs)];

function moves(stays: StayFact[]): number {
  let n = 0;
  for (let i = 1; i < stays.length; i++) if (stays[i]!.premises !== stays[i - 1]!.premises) n++;
  return n;
}

/** One person's circuits. */
function chainsOf<S extends StayFact>(stays: S[], o: CircuitOptions): S[][] {
  const sorted = [...stays].sort(orderOf);
  const chains: S[][] = [];
  let chain: S[] = [];
  for (const s of sorted) {
    const last = chain.at(-1);
    const follows = last !== undefined && last.to !== null && t(s.from) >= t(last.to) - MOVE_TOLERANCE_DAYS * DAY && t(s.from) <= t(chain[0]!.from) + o.windowDays * DAY;
    if (!follows && chain.length > 0) {
      chains.push(chain);
      chain = [];
    }
    chain.push(s);
  }
  if (chain.length > 0) chains.push(chain);
  return chains.filter((c) => distinct(c.map((s) => s.premises)).length >= o.minPremises);
}

function circuit<S extends StayFact>(kind: CircuitFound['kind'], stays: S[], moveCount: number): CircuitFound<S> {
  const sorted = [...stays].sort(orderOf);
  return { kind, people: distinct(sorted.map((s) => s.person)), premises: distinct(sorted.map((s) => s.premises)), from: sorted[0]!.from, to: lastEnd(sorted), moves: moveCount, stays: sorted };
}

const overlap = (a: StayFact, b: StayFact) => t(a.from) <= (b.to ? t(b.to) : Infinity) && t(b.from) <= (a.to ? t(a.to) : Infinity);

/** The longest run of steps two circuits take together (same premises in order, overlapping), if long enough. */
function together<S extends StayFact>(a: S[], b: S[], min: number): { a: S[]; b: S[] } | null {
  let best: { a: S[]; b: S[] } | null = null;
  for (let i = 0; i < a.length; i++)
    for (let k = 0; k < b.length; k++) {
      let n = 0;
      while (i + n < a.length && k + n < b.length && a[i + n]!.premises === b[k + n]!.premises && overlap(a[i + n]!, b[k + n]!)) n++;
      if (n >= min && n > (best?.a.length ?? 0)) best = { a: a.slice(i, i + n), b: b.slice(k, k + n) };
    }
  return best;
}

/** Every person's circuits, then the groups moving together, each with its stays as evidence. */
export function findCircuits<S extends StayFact>(stays: S[], o: CircuitOptions): CircuitFound<S>[] {
  const byPerson = new Map<string, S[]>();
  for (const s of stays) byPerson.set(s.person, [...(byPerson.get(s.person) ?? []), s]);
  const people: CircuitFound<S>[] = [];
  for (const list of byPerson.values()) for (const c of chainsOf(list, o)) people.push(circuit('PERSON', c, moves(c)));

  // Pairs moving together, merged into groups by the premises sequence they share (union of people).
  const groups = new Map<string, { people: Set<string>; stays: Map<string, S>; moves: Map<string, number> }>();
  for (let x = 0; x < people.length; x++)
    for (let y = x + 1; y < people.length; y++) {
      const a = people[x]!, b = people[y]!;
      if (a.people[0] === b.people[0]) continue;
      const run = together(a.stays, b.stays, o.minTogether);
      if (!run) continue;
      const key = run.a.map((s) => s.premises).join('>');
      const g = groups.get(key) ?? { people: new Set(), stays: new Map(), moves: new Map() };
      for (const s of [...run.a, ...run.b]) g.stays.set(s.id, s);
      g.people.add(a.people[0]!).add(b.people[0]!);
      g.moves.set(a.people[0]!, moves(run.a)).set(b.people[0]!, moves(run.b));
      groups.set(key, g);
    }
  const found = [...people];
  for (const g of groups.values()) found.push(circuit('GROUP', [...g.stays.values()], [...g.moves.values()].reduce((s, n) => s + n, 0)));
  return found.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'GROUP' ? -1 : 1) || b.premises.length - a.premises.length || a.from.localeCompare(b.from) || a.people[0]!.localeCompare(b.people[0]!));
}
