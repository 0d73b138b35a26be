/**
 * A saved chart of the demo's Operation Harrier (seed/demo: 57 premises visited): the
 * operation's two-hop neighbourhood (its visits, the premises they went to, the people met there,
 * and the links among them, dated stays included), as the map's browser tests and bench/map.ts open it.
 */
import type { TestClient } from '../../server/testing/harness.ts';
import { NEIGHBOURHOOD } from '../../server/kernel/documents.ts';
import { addGraph, EMPTY_DOC, toSaved } from '../../client/src/state/chartDoc.ts';
import type { Graph } from '../../client/src/model/types.ts';

export const HARRIER = 'operation-000002';

/** Saves the chart under `name`; its id and graph. */
export async function saveHarrierChart(client: TestClient, name: string): Promise<{ id: string; graph: Graph }> {
  const r = await client.graphql<{ neighbourhood: Graph }>(String(NEIGHBOURHOOD), { ids: [HARRIER], hops: 2, limit: 500 });
  if (r.errors) throw new Error(`reading Operation Harrier's neighbourhood: ${JSON.stringify(r.errors)}`);
  const graph = r.data!.neighbourhood;
  const saved = await client.graphql<{ saveChart: { id: string } }>('mutation($name: String!, $document: JSON!) { saveChart(name: $name, document: $document) { id } }', {
    name,
    document: toSaved(addGraph(EMPTY_DOC, graph), null),
  });
  if (saved.errors) throw new Error(`saving the chart: ${JSON.stringify(saved.errors)}`);
  return { id: saved.data!.saveChart.id, graph };
}
