import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../server/modules/import/mapping.ts';
import { mapFiles } from '../../server/modules/import/import.service.ts';
import { prepare, type Dataset, type EntityInput, type LinkInput } from '../../server/modules/load/load.service.ts';
import { exportDemo } from './export.ts';
import { readDemoSources } from './front-door.ts';
import { demo } from './index.ts';
import { SOURCE_SYSTEMS, type SourceCode } from './sources.ts';

const { data, truth } = demo();
const committed = readDemoSources();

/** What the importer makes of the committed files, gathered as it writes them (entities and links by id, their sources together). */
function imported(): Dataset {
  const out: Dataset = { sources: [], entities: [], links: [] };
  const entities = new Map<string, EntityInput>();
  const links = new Map<string, LinkInput>();
  for (const f of committed) {
    const r = mapFiles({ source: f.code, mapping: parseMapping(f.mapping, f.mappingFile), files: [{ name: f.file, bytes: f.bytes }] });
    expect(r.errors, f.file).toEqual([]);
    expect(r.warnings, f.file).toEqual([]);
    for (const row of r.mapped) {
      const { contentHash: _h, ...source } = row.source;
      out.sources.push(source);
      for (const e of row.entities) {
        const had = entities.get(e.id);
        if (had) {
          expect({ id: e.id, props: e.props }, `${f.file}:${row.line}`).toEqual({ id: e.id, props: had.props });
          had.sourceIds.push(...e.sourceIds);
        } else entities.set(e.id, { type: e.type, id: e.id, props: e.props, sourceIds: [...e.sourceIds] });
      }
      for (const l of row.links) {
        const had = links.get(l.id);
        if (had) had.sourceIds.push(...l.sourceIds);
        else links.set(l.id, { ...l, sourceIds: [...l.sourceIds] });
      }
    }
  }
  out.entities = [...entities.values()];
  out.links = [...links.values()];
  return out;
}

/** Handling conditions gathered from several records, in any order. */
const conditions = (v: unknown) => (typeof v === 'string' ? [...new Set(v.split('; '))].sort() : v);

/** The loader's view of a dataset (shaped properties, dates, grading from the sources), in a stable order. */
function canonical(d: Dataset) {
  const p = prepare(d, { synthetic: true });
  const sortRows = <T extends { id: string; props: Record<string, unknown> }>(rows: T[]) =>
    rows
      .map((r) => ({ ...r, props: { ...r.props, sourceIds: [...(r.props.sourceIds as string[])].sort(), handlingConditions: conditions(r.props.handlingConditions) } }))
      .sort((a, b) => a.id.localeCompare(b.id));
  return {
    sources: [...p.sources].sort((a, b) => a.id.localeCompare(b.id)),
    entities: Object.fromEntries([...p.entities].sort(([a], [b]) => a.localeCompare(b)).map(([t, rows]) => [t, sortRows(rows)])),
    links: Object.fromEntries([...p.links].sort(([a], [b]) => a.localeCompare(b)).map(([t, rows]) => [t, sortRows(rows)])),
  };
}

describe('the demo’s source files (seed/demo/sources/)', () => {
  it('are what export.ts writes now (run `npx tsx seed/demo/write-sources.ts` after changing the scenario)', () => {
    const now = exportDemo(data);
    expect(committed.map((f) => f.file)).toEqual(now.map((x) => x.file));
    for (const [i, x] of now.entries()) {
      expect(committed[i]!.mapping, x.mappingFile).toBe(x.mapping);
      expect(Buffer.from(committed[i]!.bytes).equals(Buffer.from(x.bytes)), `${x.file} differs from what export.ts writes`).toBe(true);
    }
  }, 120_000);

  it('read through their mappings, are the demo: every source record, entity and link, with the same ids, properties and citations', () => {
    const got = imported();
    expect(got.sources).toHaveLength(data.sources.length);
    expect(got.entities).toHaveLength(data.entities.length);
    expect(got.links).toHaveLength(data.links.length);
    expect(canonical(got)).toEqual(canonical(data));
  }, 120_000);

  it('are each in their system’s own format and conventions', () => {
    const text = (code: string) => {
      const f = committed.find((x) => x.code === code)!;
      return { f, utf8: new TextDecoder().decode(f.bytes) };
    };
    // Crime records: header row, DD/MM/YYYY dates, names "Family, Given".
    const tvcr = text('TVCR').utf8.split('\n');
    expect(tvcr[0]).toMatch(/^occurrence_ref,recorded,summary,/);
    expect(tvcr[1]).toMatch(/,\d\d\/\d\d\/20\d\d \d\d:\d\d:00,/);
    expect(tvcr.slice(1).some((l) => /,[A-Z][\p{L}'-]+, [A-Z]/u.test(l.replace(/"/g, '')))).toBe(true);
    // Licensing: Latin-1 (not valid UTF-8: it has an ó), CRLF.
    const lic = committed.find((x) => x.code === 'LICENSING')!;
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(lic.bytes)).toThrow();
    expect(new TextDecoder('windows-1252').decode(lic.bytes)).toMatch(/ó/);
    expect(new TextDecoder('windows-1252').decode(lic.bytes).split('\r\n').length).toBe(SOURCE_SYSTEMS.LICENSING.header ? 72 : 71);
    // Intelligence log: one JSON object a line, each graded.
    const intel = text('INTEL').utf8.trim().split('\n').map((l) => JSON.parse(l) as { grading: { sourceEvaluation: number } });
    expect(new Set(intel.map((r) => r.grading.sourceEvaluation))).toEqual(new Set([2, 3]));
    // Phone billing: national-format numbers.
    expect(text('COMMS').utf8).toMatch(/,07700900\d{3},/);
    expect(text('COMMS').utf8).not.toMatch(/\+44/);
    // Advert monitoring: a JSON document; ANPR: no header row; VISITS: byte-order mark, semicolons, CRLF.
    expect(Object.keys(JSON.parse(text('ADMON').utf8) as object)).toEqual(['captures']);
    expect(text('ANPR').utf8).toMatch(/^ANPR-2025-000001,/);
    expect(Array.from(committed.find((x) => x.code === 'VISITS')!.bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(text('VISITS').utf8).toMatch(/^visit_record;recorded;summary;[^\n]*\r\n/);
  });

  it('hold the truth’s duplicates as separate people, in the systems that recorded them', () => {
    const bySource = new Map(data.sources.map((s) => [s.id, s.source]));
    const byId = new Map(data.entities.map((e) => [e.id, e]));
    expect(truth.duplicates.length).toBeGreaterThan(0);
    for (const d of truth.duplicates) {
      const [a, b] = [byId.get(d.personIds[0]!)!, byId.get(d.personIds[1]!)!];
      expect(a.id).not.toBe(b.id);
      const files = (e: EntityInput) => e.sourceIds.map((s) => SOURCE_SYSTEMS[bySource.get(s) as SourceCode].file);
      for (const e of [a, b]) {
        const f = files(e)[0]!;
        const c = committed.find((x) => x.file === f)!;
        expect(new TextDecoder(c.code === 'LICENSING' ? 'windows-1252' : 'utf-8').decode(c.bytes)).toContain(e.id);
      }
    }
  });
});
