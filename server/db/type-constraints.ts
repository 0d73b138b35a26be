/**
 * Id constraints for every type of the registry, core and deployment-defined (decision 0015).
 * The schema files list the core types' constraints as they were when written; a type added
 * later, or declared by an installation (LANTERN_TYPES), gets its own here at every start, from
 * the same registry that defines it: `MATCH (v:Vessel {id: $id})` is an index seek and two
 * imports cannot both create one id. Names are the registry's checked codes and labels
 * (upper-case codes, PascalCase labels), so building the statement from them is safe.
 */
import type { Logger } from '../config/logger.ts';
import type { Registry } from '../model/registry/registry.ts';
import type { Gateway } from './gateway.ts';

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** The constraint each type needs: `name` as the schema files name theirs, and its statement. */
export function typeConstraints(registry: Registry): { name: string; statement: string }[] {
  return [
    ...registry.entityTypes.map((t) => ({
      name: `${snake(t.label)}_id`,
      statement: `CREATE CONSTRAINT ${snake(t.label)}_id IF NOT EXISTS FOR (n:${t.label}) REQUIRE n.id IS UNIQUE`,
    })),
    ...registry.linkTypes.map((t) => ({
      name: `${t.name.toLowerCase()}_id`,
      statement: `CREATE CONSTRAINT ${t.name.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${t.name}]-() REQUIRE r.id IS UNIQUE`,
    })),
  ];
}

/** Creates the constraints the registry's types lack; returns the names it created. */
export async function ensureTypeConstraints(gateway: Gateway, registry: Registry, log: Logger): Promise<string[]> {
  const have = new Set((await gateway.runScript('SHOW CONSTRAINTS YIELD name RETURN name')).map((r) => String(r.name)));
  const missing = typeConstraints(registry).filter((c) => !have.has(c.name));
  const created: string[] = [];
  for (const c of missing) {
    try {
      await gateway.runScript(c.statement);
      created.push(c.name);
    } catch (e) {
      // Stored data that already breaks the rule (two links of one id) must not stop the server
      // from starting: said loudly, with the constraint's name, for an operator to mend.
      log.error({ constraint: c.name, detail: (e as Error).message.split('\n')[0] }, 'Cannot create an id constraint: stored data holds duplicate ids');
    }
  }
  if (created.length > 0) {
    await gateway.runScript('CALL db.awaitIndexes(300)');
    log.info({ constraints: created }, 'Created id constraints for types of the registry');
  }
  return created;
}
