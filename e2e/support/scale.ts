/**
 * The first `people` people of `lantern seed scale` (cells of 50; cell N links into cell N - 1, so
 * a store is always cells 0 to N), for the browser tests of large charts: their entity ids, and
 * the removal of what they loaded. Suites that load them run one at a time (the e2e project has
 * no file parallelism) and remove them after.
 */
import type { Gateway } from '../../server/db/gateway.ts';
import { cellCount, generateCell } from '../../seed/scale/index.ts';
import { runOffline } from '../../server/testing/statements.ts';

export function scalePeople(people: number): { entityIds: string[]; remove(gateway: Gateway): Promise<void> } {
  const cells = Array.from({ length: cellCount(people) }, (_, c) => generateCell(c).data);
  const entityIds = cells.flatMap((d) => d.entities.map((e) => e.id));
  // Source record ids are src-<system>-s<cell, 6 digits>-<n>: one prefix per system covers cells 0 to 9.
  const sourcePrefixes = [...new Set(cells.flatMap((d) => d.sources.map((s) => s.id.replace(/-s00000\d-\d+$/, '-s00000'))))];
  return {
    entityIds,
    async remove(gateway) {
      // The entities (with their links) go with the first call, each system's source records with its own.
      for (const [i, prefix] of sourcePrefixes.entries()) {
        await runOffline(gateway, 'testing/remove-fixture', { ids: i === 0 ? entityIds : [], prefix, source: `e2e-none-${process.pid}` });
      }
    },
  };
}
