/** The briefing's pictures: the link chart with its legend and the content hash, the map, and the occupancy timeline. */
import { ENTITY_META, humanise, linkMeta } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';
import { typeIcon } from '../graph/icons.ts';
import { OccupancyChart } from '../occupancy/OccupancyChart.tsx';
import type { Occupancy } from '../occupancy/stays.ts';
import type { BriefingMap } from './pictures.ts';
import { count, day } from './words.ts';

export interface ChartPicture {
  url: string;
  width: number;
  height: number;
}

/**
 * The chart and its legend: on the cover of the PNG; in the document after the findings, on a
 * page of its own in print (under the cover's marking and details a tall network was drawn a
 * third of the page high).
 */
export function ChartFigure({ chart, nodes, edges, typesShown, hash }: { chart: ChartPicture | null; nodes: number; edges: number; typesShown: string[]; hash: string }) {
  return (
    <>
      <figure className={`chart ${nodes < 8 ? 'sparse' : 'fill'}`}>
        <div className="chart-area">
          {chart ? (
            <img src={chart.url} alt={`Link chart of ${nodes} entities and ${edges} links`} data-testid="chart-image" />
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
}

export function MapFigure({ map, placedTypes, withOccupancy }: { map: BriefingMap | null; placedTypes: string[]; withOccupancy: boolean }) {
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

/** Rows of the occupancy timeline per printed page (and in the PNG, the most drawn). */
const OCCUPANCY_ROWS = { page: 24, png: 40 } as const;
export function OccupancyFigure({ o, mode, refOf, labelOf }: { o: Occupancy; mode: 'document' | 'png'; refOf(id: string): string; labelOf(id: string): string }) {
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
