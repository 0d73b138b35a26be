import { describe, expect, it } from 'vitest';
import { type EntityType } from '../../server/model/model.ts';
import { parsePhone } from '../../server/model/normalise.ts';
import { prepare } from '../../server/modules/load/load.service.ts';
import { generateDemo } from '../demo/generate.ts';
import { cellCount, generateCell, generateScale, PEOPLE_PER_CELL, scalePhoneForms } from './generate.ts';

async function collect(people: number, cellsPerChunk?: number) {
  const chunks = [];
  for await (const c of generateScale({ people, ...(cellsPerChunk ? { cellsPerChunk } : {}) })) chunks.push(c);
  return chunks;
}

const count = (entities: { type: EntityType }[]) => {
  const o: Partial<Record<EntityType, number>> = {};
  for (const e of entities) o[e.type] = (o[e.type] ?? 0) + 1;
  return o;
};

describe('the scale generator', { timeout: 60_000 }, () => {
  it('comes out the same on every run, and a cell is the same whatever N is', async () => {
    const a = await collect(1000);
    const b = await collect(1000);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const big = await collect(3000);
    expect(JSON.stringify(big[0]!.data)).toBe(JSON.stringify(a[0]!.data));
    expect(JSON.stringify(generateCell(7))).toBe(JSON.stringify(generateCell(7)));
    expect(JSON.stringify(generateCell(7, PEOPLE_PER_CELL, 1).data.entities.slice(0, 10))).not.toBe(JSON.stringify(generateCell(7).data.entities.slice(0, 10)));
  });

  it('makes exactly N people, for N that is not a whole number of cells too', async () => {
    for (const n of [1, 49, 50, 51, 1234]) {
      const chunks = await collect(n);
      const people = chunks.flatMap((c) => c.data.entities).filter((e) => e.type === 'PERSON');
      expect(people).toHaveLength(n);
      expect(chunks.reduce((s, c) => s + c.people, 0)).toBe(n);
    }
  });

  it('has the demo’s proportions: every entity type, links and source records per person within 0.7x to 1.3x of the demo’s', async () => {
    const demo = generateDemo().data;
    const chunks = await collect(2000);
    const entities = chunks.flatMap((c) => c.data.entities);
    const d = count(demo.entities);
    const s = count(entities);
    const perPerson = (o: Partial<Record<EntityType, number>>, k: EntityType) => (o[k] ?? 0) / o.PERSON!;
    for (const k of Object.keys(d) as EntityType[]) {
      const ratio = perPerson(s, k) / perPerson(d, k);
      expect.soft(ratio, k).toBeGreaterThan(0.7);
      expect.soft(ratio, k).toBeLessThan(1.3);
    }
    const links = chunks.reduce((n, c) => n + c.data.links.length, 0) / s.PERSON!;
    const sources = chunks.reduce((n, c) => n + c.data.sources.length, 0) / s.PERSON!;
    expect(links / (demo.links.length / d.PERSON!)).toBeGreaterThan(0.7);
    expect(links / (demo.links.length / d.PERSON!)).toBeLessThan(1.3);
    expect(sources / (demo.sources.length / d.PERSON!)).toBeGreaterThan(0.7);
    expect(sources / (demo.sources.length / d.PERSON!)).toBeLessThan(1.3);
    // One planted network per full cell, with its victims and referrals.
    const networks = chunks.flatMap((c) => c.truth.networks);
    expect(networks).toHaveLength(2000 / PEOPLE_PER_CELL);
    expect(networks.every((n) => n.premisesIds.length >= 7 && n.workerIds.length === 9 && n.phoneIds.length >= 3)).toBe(true);
    expect(chunks.flatMap((c) => c.truth.potentialVictims).length).toBeGreaterThan(networks.length);
  });

  it('names every network worker’s rotation in the truth, with the WORKS_AT stays as written', async () => {
    const chunks = await collect(500);
    const links = chunks.flatMap((c) => c.data.links).filter((l) => l.type === 'WORKS_AT');
    const networks = chunks.flatMap((c) => c.truth.networks);
    const rotations = chunks.flatMap((c) => c.truth.rotations);
    expect(rotations.map((r) => r.personId).sort()).toEqual(networks.flatMap((n) => n.workerIds).sort());
    for (const r of rotations) {
      const written = links.filter((l) => l.from === r.personId).map((l) => `${l.to}|${l.validFrom}|${l.validTo}`).sort();
      expect(r.stays.map((s) => `${s.premisesId}|${s.from}|${s.to}`).sort(), r.personId).toEqual(written);
      expect(r.premisesIds.length, r.personId).toBeGreaterThanOrEqual(2);
    }
  });

  it('passes the loader’s checks, with unique ids and identities, and links only to entities that exist', async () => {
    const chunks = await collect(1500);
    const ids = new Set<string>();
    const e164 = new Set<string>();
    for (const c of chunks) {
      const p = prepare(c.data, { synthetic: true });
      for (const rows of p.entities.values()) {
        for (const r of rows) {
          expect(ids.has(r.id)).toBe(false);
          ids.add(r.id);
          if (r.props.e164) {
            expect(e164.has(String(r.props.e164))).toBe(false);
            e164.add(String(r.props.e164));
            // The UK's unallocated 04 range: no real number.
            expect(String(r.props.e164)).toMatch(/^\+444\d{9}$/);
          }
        }
      }
    }
    for (const c of chunks) for (const l of c.data.links) expect(ids.has(l.from) && ids.has(l.to), l.id).toBe(true);
    expect(parsePhone('04000000001')?.lineType).toBe('UNKNOWN');
  });

  it('streams: it holds one chunk at a time, and a chunk is bounded whatever N is', async () => {
    expect(cellCount(1_000_000)).toBe(20_000);
    let chunks = 0;
    let biggest = 0;
    const gen = generateScale({ people: 1_000_000, cellsPerChunk: 2 });
    // Take a few chunks of a million-person stream: it yields at once, without building the rest.
    for await (const c of gen) {
      chunks += 1;
      biggest = Math.max(biggest, c.data.sources.length + c.data.entities.length + c.data.links.length);
      expect(c.cells[1] - c.cells[0]).toBe(2);
      if (chunks === 3) break;
    }
    expect(chunks).toBe(3);
    expect(biggest).toBeLessThan(2 * 1000);
    const small = await collect(200, 2);
    expect(Math.max(...small.map((c) => c.data.entities.length + c.data.links.length + c.data.sources.length))).toBeLessThan(2 * 1000);
  });

  it('gives its own phone numbers the forms libphonenumber gives them, and no forms to any other number', () => {
    // Every phone of a few cells (the first, and ones near 1M people), and numbers across the range.
    const numbers = [0, 1, 7, 9_999, 19_999].flatMap((cell) => generateCell(cell).data.entities.filter((e) => e.type === 'PHONE').map((e) => String(e.props.number)));
    expect(numbers.length).toBeGreaterThan(50);
    for (let i = 0; i < 500; i++) numbers.push(`04${String((i * 2_654_435_761) % 1_000_000_000).padStart(9, '0')}`);
    numbers.push('04000000000', '04999999999');
    for (const n of numbers) expect(scalePhoneForms(n), n).toEqual(parsePhone(n));
    for (const other of ['07700900123', '+447700900123', '0400000000', '040000000001', '4400000001', ' 04000000001', '0118 496 0000']) expect(scalePhoneForms(other)).toBeUndefined();
  });
});
