import { describe, expect, it } from 'vitest';
import { findJava, LocalNeo4jError } from './local.ts';

describe('finding Java for the local Neo4j', () => {
  it('finds a Java 17 or 21 on this machine', () => {
    const java = findJava();
    expect([17, 21]).toContain(java.major);
  });

  it('without Java, says to install a JDK or set NEO4J_URI', () => {
    const env = { PATH: '/nonexistent' };
    expect(() => findJava(env, '/nonexistent')).toThrow(LocalNeo4jError);
    expect(() => findJava(env, '/nonexistent')).toThrow(/install a JDK 17.*\n.*NEO4J_URI/s);
  });
});
