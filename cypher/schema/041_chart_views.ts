// Saved charts are views, not copies (docs/security.md): every stored chart document is cut down
// to ids, positions and styling (server/modules/chart/chart.document.ts `toStored`), so that the
// labels and subtitles the workspace used to save (names, dates of birth, account numbers of
// records a reader may not see) are no longer in the store at all. The chart also gets the lists
// of its entity and link ids (for counting what each caller may see) and `sharedWithPartners`
// (false: partners open only charts shared with them). Idempotent: a stored document goes
// through `toStored` unchanged, so running it again rewrites nothing of substance.
import type { Gateway } from '../../server/db/gateway.ts';
import { idsOf, toStored } from '../../server/modules/chart/chart.document.ts';

const READ = 'MATCH (c:Chart) WHERE c.id > $after RETURN c.id AS id, c.document AS document ORDER BY c.id LIMIT 100';
const WRITE = `UNWIND $charts AS x
MATCH (c:Chart {id: x.id})
SET c.document = x.document, c.nodeIds = x.nodeIds, c.edgeIds = x.edgeIds,
    c.sharedWithPartners = coalesce(c.sharedWithPartners, false)
REMOVE c.nodeCount, c.edgeCount`;

function parse(text: unknown): unknown {
  try {
    return JSON.parse(String(text ?? '{}')) as unknown;
  } catch {
    // A document that is not JSON keeps nothing: an empty chart rather than a leak.
    return {};
  }
}

export async function up(gateway: Gateway): Promise<void> {
  // In pages of 100 charts: a chart's document can be 5 MB.
  for (let after = ''; ; ) {
    const rows = await gateway.runScript(READ, { after });
    if (rows.length === 0) return;
    const charts = rows.map((r) => {
      const stored = toStored(parse(r.document));
      return { id: String(r.id), document: JSON.stringify(stored), ...idsOf(stored) };
    });
    await gateway.runScript(WRITE, { charts });
    after = String(rows[rows.length - 1]!.id);
  }
}
