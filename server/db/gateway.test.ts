import { describe, expect, it } from 'vitest';
import { duplicateOf } from './gateway.ts';

describe('a refused duplicate', () => {
  it('names the label, property and value from Neo4j’s message, not the internal node id', () => {
    const said = duplicateOf("Node(1234) already exists with label `Phone` and property `e164` = '+447700900123'");
    expect(said).toBe(": a Phone with e164 '+447700900123' already exists");
    expect(said).not.toContain('1234');
    expect(duplicateOf("Relationship(7) already exists with type `WORKS_AT` and property `id` = 'link-1'")).toBe(": a WORKS_AT with id 'link-1' already exists");
  });

  it('falls back to a general message when Neo4j words it otherwise', () => {
    expect(duplicateOf('something else')).toBe(' (an id, phone number or other identity is already taken)');
  });
});
