/**
 * The briefing document for one snapshot: cover (marking, title, details, chart), findings,
 * entity and link tables, the provenance annex and the integrity statement. Every value is
 * rendered as text by React; nothing from the snapshot is ever parsed as HTML.
 */
import { linkMeta, humanise } from '../model/meta.ts';
import type { BriefingPictures } from './pictures.ts';
import { conditionsListedApart, markingLine, type BriefingInput, type SnapshotEdge } from '../../../server/kernel/snapshot.ts';
import { ChartFigure, MapFigure, OccupancyFigure, type ChartPicture } from './Figures.tsx';
import { Flags, Grade, Section } from './parts.tsx';
import { count, day, gradeWords, selectionText, span, typeName, when } from './words.ts';

export function Briefing({ input, chart, pictures = { map: null, occupancy: null }, mode }: { input: BriefingInput; chart: ChartPicture | null; pictures?: BriefingPictures; mode: 'document' | 'png' }) {
  const c = input.content;
  const hash = input.hash;
  const nodeRef = new Map(c.nodes.map((n, i) => [n.id, `E${i + 1}`]));
  const edgeRef = new Map(c.edges.map((e, i) => [e.id, `L${i + 1}`]));
  const nodeById = new Map(c.nodes.map((n) => [n.id, n]));
  const ref = (id: string) => nodeRef.get(id) ?? edgeRef.get(id) ?? id;
  const label = (id: string) => nodeById.get(id)?.label ?? id;
  const typesShown = [...new Set(c.nodes.map((n) => n.type))];
  const sensitive = c.marking.classification === 'OFFICIAL-SENSITIVE';
  // The line on every page is kept short (records made before it was, too); the conditions
  // themselves are listed once, under the cover's banner and in Annex B.
  const marking = markingLine(c.marking);
  const conditions = c.marking.handlingCode === 'C' ? c.marking.handlingConditions : [];
  const conditionsListed = conditionsListedApart(c.marking);
  const want = c.pictures ?? { map: false, occupancy: false };
  const placedTypes = [...new Set(c.nodes.filter((n) => n.place).map((n) => n.type))];
  const mapFigure = want.map && (
    <section className="picture-page" id="map">
      <h2 className="picture-title">Map</h2>
      <MapFigure map={pictures.map} placedTypes={placedTypes} withOccupancy={want.occupancy && (pictures.occupancy?.rows.length ?? 0) > 0} />
    </section>
  );
  const occupancyFigure = want.occupancy && pictures.occupancy && (
    <section className="picture-page" id="occupancy">
      <h2 className="picture-title">Occupancy: who stayed where, when</h2>
      <OccupancyFigure o={pictures.occupancy} mode={mode} refOf={ref} labelOf={label} />
    </section>
  );
  const linkText = (e: SnapshotEdge) => `${linkMeta(e.type).verb}${e.role ? ` (${humanise(e.role)})` : ''}${e.type === 'CALLED' && e.weight ? ` ×${Math.round(e.weight)}` : ''}`;

  const chartFigure = <ChartFigure chart={chart} nodes={c.nodes.length} edges={c.edges.length} typesShown={typesShown} hash={hash} />;

  return (
    <article className={`briefing ${sensitive ? 'sensitive' : 'official'}`} data-mode={mode}>
      <div className="screen-marking top" aria-hidden="true">{marking}</div>
      <div className="screen-marking bottom" aria-hidden="true">
        <span>{c.title}</span>
        <span className="mono">SHA-256 {hash}</span>
      </div>

      <section className="cover" id="cover">
        <div className="marking-banner" data-testid="marking">{marking}</div>
        {conditionsListed && (
          <div className="handling-conditions" data-testid="handling-conditions">
            <span className="label">Handling conditions</span>
            <ol>{conditions.map((h) => <li key={h}>{h}</li>)}</ol>
          </div>
        )}
        <header className="cover-head">
          <div className="kicker">
            <span className="logo" aria-hidden="true" />
            Lantern briefing snapshot · version {c.version}
          </div>
          <h1>{c.title}</h1>
          {c.purpose && <p className="purpose">{c.purpose}</p>}
        </header>
        <dl className="facts">
          <div><dt>Author</dt><dd>{c.author.name} ({c.author.role})</dd></div>
          <div><dt>Created</dt><dd>{when(c.createdAt)}</dd></div>
          <div><dt>As known on</dt><dd>{c.asKnownOn ? day(c.asKnownOn) : `${day(c.createdAt)} (when made)`}</dd></div>
          <div><dt>Selection</dt><dd>{selectionText(input)}</dd></div>
          <div><dt>Shows</dt><dd>{count(c.nodes.length, 'entity', 'entities')} · {count(c.edges.length, 'link', 'links')} · {count(c.findings.length, 'finding', 'findings')}</dd></div>
          <div><dt>Reference</dt><dd className="mono">{input.id}{c.supersedes ? ` (supersedes ${c.supersedes})` : ''}</dd></div>
        </dl>
        <div className={`masking ${c.masking.masked ? 'masked' : 'unmasked'}`}>
          {c.masking.masked ? (
            c.masking.protectedPeople === 0 ? (
              <>No potential victim is shown. Any would appear under a pseudonym, with their identity withheld.</>
            ) : (
              <>Potential victims are shown under pseudonyms ({c.masking.protectedPeople} {c.masking.protectedPeople === 1 ? 'person' : 'people'}); their identities are withheld.</>
            )
          ) : (
            <>
              <strong>Contains the identities of potential victims.</strong> Unmasked by {c.masking.unmaskedBy?.name} ({c.masking.unmaskedBy?.role}) for:{' '}
              <q>{c.masking.reason}</q>
            </>
          )}
        </div>
        {c.truncation && <div className="truncation">Incomplete selection: {c.truncation}.</div>}
        {mode === 'png' && chartFigure}
        {mode === 'png' && mapFigure}
        {mode === 'png' && occupancyFigure}
      </section>

      {/* The PNG is the cover alone: the rest is not laid out for it. */}
      {mode === 'document' && (
        <>
          <Section id="findings" title="Findings">
            {c.findings.length === 0 ? (
              <p className="muted">No findings were recorded with this snapshot.</p>
            ) : (
              <ol className="findings">
                {c.findings.map((f) => (
                  <li key={f.id}>
                    <span className="ref">{f.id}</span>
                    <div>
                      <p className="finding-text">{f.text}</p>
                      {f.elementIds.length > 0 && (
                        <p className="finding-refs">Rests on: {f.elementIds.map((id) => `${ref(id)} ${nodeById.get(id)?.label ?? ''}`.trim()).join(' · ')}</p>
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            )}
            {c.annotations.length > 0 && (
              <>
                <h3>Analysts’ notes on the elements shown</h3>
                <table className="grid notes">
                  <thead><tr><th>On</th><th>Note</th><th>By</th><th>Date</th></tr></thead>
                  <tbody>
                    {c.annotations.map((a) => (
                      <tr key={a.id}>
                        <td className="nowrap">{ref(a.targetId)} {label(a.targetId)}</td>
                        <td>{a.text}</td>
                        <td>{a.author}</td>
                        <td className="nowrap">{day(a.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </Section>
          <section className="chart-page" id="chart">{chartFigure}</section>
          {mapFigure}
          {occupancyFigure}

          <Section id="entities" title={`Entities (${c.nodes.length})`} note="Grade: source evaluation (1 reliable, 2 untested, 3 not reliable), intelligence assessment (A–E) and handling code (P, C) of the entity’s best-graded record.">
            <table className="grid entities">
              <thead><tr><th>Ref</th><th>Type</th><th>Entity</th><th>Details</th><th>Flags</th><th>Grade</th><th>Id</th></tr></thead>
              <tbody>
                {c.nodes.map((n) => (
                  <tr key={n.id} className={n.masked ? 'masked-row' : undefined}>
                    <td className="ref">{nodeRef.get(n.id)}</td>
                    <td className="nowrap">{typeName(n.type)}</td>
                    <td className="strong">{n.label}</td>
                    <td>{n.subtitle ?? ''}</td>
                    <td><Flags n={n} /></td>
                    <td><Grade g={n.grading} /></td>
                    <td className="mono id">{n.id}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>

          <Section id="links" title={`Links (${c.edges.length})`}>
            <table className="grid links">
              <thead><tr><th>Ref</th><th>From</th><th>Link</th><th>To</th><th>Valid</th><th>Grade</th></tr></thead>
              <tbody>
                {c.edges.map((e) => (
                  <tr key={e.id}>
                    <td className="ref">{edgeRef.get(e.id)}</td>
                    <td><span className="ref-inline">{ref(e.source)}</span> {label(e.source)}</td>
                    <td className="nowrap">{linkText(e)}</td>
                    <td><span className="ref-inline">{ref(e.target)}</span> {label(e.target)}</td>
                    <td className="nowrap">{span(e.validFrom, e.validTo)}</td>
                    <td><Grade g={e.grading} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>

          <Section id="provenance" title="Annex A · Provenance of every link shown" note="Each link with the source records it rests on: the source system and record, the record’s 3x5x2 grade, when it was recorded, and the link’s real-world validity.">
            <table className="grid provenance">
              <thead><tr><th>Link</th><th>Source system</th><th>Record</th><th>Grade</th><th>Grade in words</th><th>Recorded</th><th>Valid</th></tr></thead>
              <tbody>
                {c.edges.flatMap((e) => {
                  const rows = e.sources.length > 0 ? e.sources : [null];
                  return rows.map((s, i) => (
                    <tr key={`${e.id}-${s?.id ?? 'none'}`} className={i === 0 ? 'first' : 'cont'}>
                      <td className="nowrap">{i === 0 ? <><span className="ref">{edgeRef.get(e.id)}</span> {linkText(e)}</> : ''}</td>
                      {s ? (
                        <>
                          <td>{s.source}</td>
                          <td className="mono nowrap">{s.recordKey ?? s.id}</td>
                          <td><Grade g={s.grading} /></td>
                          <td className="small">{gradeWords(s.grading)}</td>
                          <td className="nowrap">{day(s.recordedAt)}</td>
                        </>
                      ) : (
                        <>
                          <td className="muted" colSpan={2}>No source record visible to the author</td>
                          <td><Grade g={e.grading} /></td>
                          <td className="small">{gradeWords(e.grading)}</td>
                          <td className="nowrap">{day(e.recordedAt)}</td>
                        </>
                      )}
                      <td className="nowrap">{i === 0 ? span(e.validFrom, e.validTo) : ''}</td>
                    </tr>
                  ));
                })}
              </tbody>
            </table>
          </Section>

          <Section id="integrity" title="Annex B · Integrity and handling">
            <dl className="facts integrity">
              <div><dt>Marking</dt><dd>{marking}</dd></div>
              {conditions.length > 0 && (
                <div><dt>Handling conditions</dt><dd><ol className="conditions">{conditions.map((h) => <li key={h}>{h}</li>)}</ol></dd></div>
              )}
              <div><dt>SHA-256</dt><dd className="mono">{hash}</dd></div>
              <div><dt>Reference</dt><dd className="mono">{input.id}</dd></div>
              <div><dt>Version</dt><dd>{c.version}{c.supersedes ? `, superseding ${c.supersedes}` : ''}</dd></div>
            </dl>
            <p className="small">
              The hash is taken over the snapshot’s whole record (everything above, as data) in the JSON Canonicalization Scheme (RFC 8785).
              Lantern keeps the record unchanged; a correction is a new version that supersedes this one. To check a copy, ask Lantern for
              snapshot {input.id}: it recomputes the hash and reports whether it still matches.
            </p>
          </Section>
        </>
      )}
    </article>
  );
}
