/**
 * Property-based fuzzing of import rows: whatever a source file holds, preparing it either
 * succeeds or fails with a LoadError or ShapeError naming the row, never with a crash
 * (TypeError, RangeError, ...).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../model/model.ts';
import { shapeEntity, ShapeError } from '../../model/shape.ts';
import { LoadError, prepare } from './load.service.ts';

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom("'}) MATCH (n) DETACH DELETE n //", '"; DROP CONSTRAINT entity_id; //', '<script>alert(1)</script>', '\u0000', '9'.repeat(400), '2025-13-45', '+44 (0) 7700 900123', ''),
);
const value = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.dictionary(fc.string(), nasty, { maxKeys: 2 }));
const props = fc.dictionary(fc.oneof(fc.constantFrom('fullName', 'givenName', 'dateOfBirth', 'number', 'address', 'postcode', 'vrm', 'email', 'name', 'kind', 'category', 'aliases', 'nationalities', 'latitude', 'postedOn'), fc.string()), value, { maxKeys: 8 });

function expectClean(work: () => unknown) {
  try {
    work();
  } catch (e) {
    expect(e instanceof LoadError || e instanceof ShapeError, `crashed with ${String(e)}`).toBe(true);
  }
}

describe('fuzzing import rows', () => {
  it('shapes any properties of any entity type or refuses them with a ShapeError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENTITY_TYPES), props, (type, p) => expectClean(() => shapeEntity(type, p))),
      { numRuns: 500 },
    );
  });

  it('prepares any data set or refuses it with a LoadError naming the row', () => {
    const grading = fc.record({
      sourceEvaluation: fc.oneof(fc.constantFrom(1, 2, 3), value),
      intelligenceAssessment: fc.oneof(fc.constantFrom('A', 'B', 'C', 'D', 'E'), value),
      handlingCode: fc.oneof(fc.constantFrom('P', 'C'), value),
      handlingConditions: fc.oneof(fc.constant(null), nasty),
      classification: fc.oneof(fc.constantFrom('OFFICIAL', 'OFFICIAL-SENSITIVE'), value),
    });
    const source = fc.tuple(grading, fc.record({ id: fc.constantFrom('s1', 's2'), source: nasty, recordKey: nasty, recordedAt: fc.oneof(fc.constant('2025-06-23T10:00:00Z'), nasty), summary: nasty }));
    const entity = fc.record({ type: fc.oneof(fc.constantFrom(...ENTITY_TYPES), nasty), id: fc.oneof(fc.constantFrom('e1', 'e2'), nasty), props, sourceIds: fc.array(fc.oneof(fc.constantFrom('s1', 's2'), nasty), { maxLength: 2 }) });
    const link = fc.record({ type: fc.oneof(fc.constantFrom('USES_PHONE', 'WORKS_AT', 'LIVES_AT'), nasty), id: nasty, from: fc.constantFrom('e1', 'e2', 'x'), to: fc.constantFrom('e1', 'e2', 'x'), validFrom: fc.oneof(fc.constant(undefined), nasty), sourceIds: fc.array(fc.constantFrom('s1', 's2', 'zz'), { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(source, { maxLength: 3 }), fc.array(entity, { maxLength: 4 }), fc.array(link, { maxLength: 3 }), (sources, entities, links) =>
        // Deliberately ill-typed input (that is the fuzz): the cast lets it past the compiler.
        expectClean(() => prepare({ sources: sources.map(([g, s]) => ({ ...g, ...s })), entities, links } as never)),
      ),
      { numRuns: 300 },
    );
  });
});
