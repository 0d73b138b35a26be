import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../graphql/schema.ts';
import { settled, warmUpOperations } from './warm-up.ts';

// The schema is built by @graphql-tools, which loads graphql's CommonJS build; validate with the same.
const { parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

describe('the warm-up', () => {
  const seeds = { id: 'person-1', texts: ['Ana Popescu', 'Rose Spa', '07700 900123'], near: ['premises-1', 'phone-1'], far: 'person-2' };
  const ops = warmUpOperations(seeds);

  it('sends operations the schema accepts, each named as its document names it', () => {
    const schema = buildSchema();
    for (const op of ops) {
      expect(validate(schema, parse(op.query)), op.name).toEqual([]);
      expect(op.query, op.name).toMatch(new RegExp(`^query ${op.name}\\(`));
    }
  });

  it('covers the reads an analyst makes most', () => {
    const fields = ops.map((op) => /\{\s*(\w+)\(/.exec(op.query)?.[1]);
    expect(fields).toEqual(['search', 'entity', 'neighbourhood', 'neighbourhood', 'paths', 'connectingNetwork', 'commonNeighbours', 'subgraph', 'linksAmong', 'timeline']);
  });

  it('reads around the person it was given, and two links out where it can', () => {
    expect(ops.find((o) => o.name === 'Paths')?.variables).toMatchObject({ from: 'person-1', to: 'person-2' });
    expect(ops.find((o) => o.name === 'Sub')?.variables).toEqual({ ids: ['person-1', 'premises-1', 'phone-1'] });
    const alone = warmUpOperations({ id: 'person-1', texts: ['x'], near: ['phone-1'], far: null });
    expect(alone.find((o) => o.name === 'Paths')?.variables).toMatchObject({ from: 'person-1', to: 'phone-1' });
  });

  it('searches for a different name or number each round', () => {
    const texts = [0, 1, 2, 3].map((round) => warmUpOperations(seeds, round).find((o) => o.name === 'Search')?.variables.text);
    expect(texts).toEqual(['Ana Popescu', 'Rose Spa', '07700 900123', 'Ana Popescu']);
  });

  it('stops once round times stop falling, not while a JIT still cuts them', () => {
    expect(settled([900, 400, 300, 250])).toBe(false);
    // Falling 3% a round: still compiling.
    expect(settled(Array.from({ length: 20 }, (_, i) => 1000 * 0.97 ** i))).toBe(false);
    // Flat with noise.
    expect(settled([5000, 2000, 900, 400, 210, 200, 190, 205, 198, 202, 195, 201, 199, 204, 200])).toBe(true);
  });
});
