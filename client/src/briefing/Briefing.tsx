/**
 * The briefing document for one snapshot: cover (marking, title, details, chart), findings,
 * entity and link tables, the provenance annex and the integrity statement. Every value is
 * rendered as text by React; nothing from the snapshot is ever parsed as HTML.
 */
import type { ReactNode } from 'react';
import { ENTITY_META, humanise, linkMeta } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';
import { typeIcon } from '../graph/icons.ts';
import { OccupancyChart } from '../occupancy/OccupancyChart.tsx';
import type { Occupancy } from '../occupancy/stays.ts';
import type { BriefingMap, BriefingPictures } from './pictures.ts';
import { conditionsListedApart, markingLine, type BriefingInput, type SnapshotEdge, type SnapshotGrading, type SnapshotNode } from '../../../server/kernel/snapshot.ts';

export interface ChartPicture {
  url: string;
  width: number;
  height: number;
}

const SOURCE_WORDS = { 1: 'reliable', 2: 'untested', 3: 'not reliable' } as const;
const ASSESSMENT_WORDS = {
  A: 'known directly',
  B: 'known indirectly, corroborated',
  C: 'known indirectly',
  D: 'not known',
  E: 'suspected false',
} as const;

export function gradeWords(g: SnapshotGrading): string {
  return `${SOURCE_WORDS[g.sourceEvaluation]}; ${ASSESSMENT_WORDS[g.intelligenceAssessment]}; ${g.handlingCode === 'P' ? 'sharing permitted' : `conditions${g.handlingConditions ? `: ${g.handlingConditions}` : ''}`}`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFmt.format(d);
}

function span(from: string | null, to: string | null): string {
  if (!from && !to) return '';
  return `${from ? day(from) : '…'} – ${to ? day(to) : 'open'}`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const typeName = (t: string) => ENTITY_META[t as EntityType]?.name ?? humanise(t);

function Grade({ g }: { g: SnapshotGrading }) {
  return (
    <span className={`grade${g.low ? ' low' : ''}${g.handlingCode === 'C' ? ' conditional' : ''}`} title={gradeWords(g)}>
      {g.code}
    </span>
  );
}

function Flags({ n }: { n: SnapshotNode }) {
  const flags = [
    n.potentialVictim && 'potential victim',
    n.masked && 'pseudonym',
    n.suspect && 'suspect',
    n.safeguarded && 'safeguarded',
    n.riskScore !== null && n.riskScore >= 0.6 && `risk ${n.riskScore.toFixed(2)}`,
  ].filter(Boolean) as string[];
  return <>{flags.map((f) => <span key={f} className={`flag flag-${f.split(' ')[0]}`}>{f}</span>)}</>;
}

function Section({ id, title, children, note }: { id: string; title: string; children: ReactNode; note?: ReactNode }) {
  return (
    <section className="doc-section" id={id}>
      <h2>{title}</h2>
      {note && <p className="section-note">{note}</p>}
      {children}
    </section>
  );
}

function selectionText(input: BriefingInput): string {
  const s = input.content.selection;
  if (s.kind === 'chart') return `Saved chart “${s.name}”`;
  if (s.kind === 'elements') return `${s.ids.length} entities chosen on the chart`;
  return `${s.ids.join(', ')}${s.hops > 0 ? ` and ${s.hops} hop${s.hops === 1 ? '' : 's'} around` : ''}`;
}

/** Rows of the occupancy timeline per printed page (and in the PNG, the most drawn). */
const OCCUPANCY_ROWS = { page: 24, png: 40 } as const;

function MapFigure({ map, placedTypes, withOccupancy }: { map: BriefingMap | null; placedTypes: string[]; withOccupancy: boolean }) {
  return (
    <figure className="picture map-picture" data-testid="map-picture">
      <div className="picture-area">
        {map ? (
          <img src={map.url} width={map.width} height={map.height} alt={`Map of ${count(map.placed, 'placed entity', 'placed entities')}`} data-testid="map-image" />
        ) : (
          <div className="empty">No entity on this snapshot has a place.</div>
        )}
      </div>
      {map && (
        <figcaption className="legend" data-testid="map-legend">
          {placedTypes.map((t) => (
            <span key={t} className="legend-item">
              <img src={typeIcon(t as EntityType)} alt="" width={14} height={14} />
              {ENTITY_META[t as EntityType]?.plural ?? humanise(t)}
            </span>
          ))}
          {withOccupancy && <span className="legend-item"><span className="ring" />ring: the premises’ colour in the occupancy timeline</span>}
          {map.lineTypes.map((t) => (
            <span key={t} className="legend-item"><span className="line" style={{ borderColor: linkMeta(t).colour }} />{linkMeta(t).verb}</span>
          ))}
          {map.routes && <span className="legend-item"><span className="line route" />a person’s moves between premises, in date order</span>}
          <span className="legend-item">E1, E2…: references in the entity table</span>
          <span className="legend-item">Scale bar {map.scale} · {count(map.placed, 'entity', 'entities')} placed{map.unplaced > 0 ? `, ${map.unplaced} without a place` : ''}</span>
          <span className="legend-item">Outline: Natural Earth (coarse: it shows coasts and borders, not streets)</span>
        </figcaption>
      )}
    </figure>
  );
}

function OccupancyFigure({ o, mode, refOf, labelOf }: { o: Occupancy; mode: 'document' | 'png'; refOf(id: string): string; labelOf(id: string): string }) {
  const per = mode === 'png' ? o.rows.length : OCCUPANCY_ROWS.page;
  const shown = mode === 'png' ? o.rows.slice(0, OCCUPANCY_ROWS.png) : o.rows;
  const pages = Array.from({ length: Math.max(1, Math.ceil(shown.length / per)) }, (_, i) => shown.slice(i * per, (i + 1) * per));
  return (
    <figure className="picture occupancy-picture" data-testid="occupancy-picture">
      {o.rows.length === 0 ? (
        <div className="empty">No dated stay (works at, lives at) on this snapshot.</div>
      ) : (
        pages.map((rows, i) => (
          <div key={i} className="picture-area occupancy-area" data-testid="occupancy-image">
            <OccupancyChart o={{ ...o, rows }} premisesLabel={labelOf} />
          </div>
        ))
      )}
      {o.rows.length > shown.length && <p className="section-note">{o.rows.length - shown.length} more people in the PDF and HTML.</p>}
      {o.rows.length > 0 && (
        <figcaption className="legend" data-testid="occupancy-legend">
          <span className="legend-item">
            {count(o.rows.length, 'person', 'people')} · {day(o.start)} to {day(o.end)} · a tall bar: works at; a thin bar: lives at
            {o.undated > 0 ? ` · ${count(o.undated, 'undated stay', 'undated stays')} not drawn` : ''}
          </span>
          {o.premises.map((p) => (
            <span key={p.id} className="legend-item">
              <span className="swatch" style={{ background: p.colour }} />
              <span className="ref-inline">{refOf(p.id)}</span> {p.label}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

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

  // The chart and its legend: on the cover of the PNG; in the document after the findings, on a
  // page of its own in print (under the cover's marking and details a tall network was drawn a
  // third of the page high).
  const chartFigure = (
    <>
      <figure className={`chart ${c.nodes.length < 8 ? 'sparse' : 'fill'}`}>
        <div className="chart-area">
          {chart ? (
            <img src={chart.url} alt={`Link chart of ${c.nodes.length} entities and ${c.edges.length} links`} data-testid="chart-image" />
          ) : (
            <div className="empty">Nothing to chart.</div>
          )}
        </div>
        <figcaption className="legend">
          {typesShown.map((t) => (
            <span key={t} className="legend-item">
              <img src={typeIcon(t as EntityType)} alt="" width={14} height={14} />
              {ENTITY_META[t as EntityType]?.plural ?? humanise(t)}
            </span>
          ))}
          <span className="legend-item"><span className="dot victim" />potential victim</span>
          <span className="legend-item"><span className="dot suspect" />suspect</span>
          <span className="legend-item"><span className="dash" />low grade (source 3, or D/E)</span>
        </figcaption>
      </figure>
      <div className="cover-hash">
        <span>Content hash (SHA-256 over RFC 8785 canonical JSON)</span>
        <span className="mono" data-testid="hash">{hash}</span>
      </div>
    </>
  );

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
