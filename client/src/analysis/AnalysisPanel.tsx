/**
 * Network analysis of what is on the chart: communities, degree, betweenness and PageRank
 * (networkAnalytics over the chart's entities, weighted by grading), then size and colour
 * the nodes by a metric or by community. The styles go to the chart as view state.
 */
import { useEffect, useMemo, useState } from 'react';
import { communityColour, METRIC_NAMES, nodeStyles, OTHER_COMMUNITY, COMMUNITY_PALETTE, rampColour, type ColourBy, type NodeStyle, type SizeBy } from './encoding.ts';
import { networkAnalytics, type NetworkAnalytics } from './api.ts';
import { entityMeta } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';
import './analysis.css';

/** Types offered to leave out: the administrative hubs that otherwise top centrality and brokerage. */
export const LEAVE_OUT_TYPES: EntityType[] = ['OPERATION', 'VISIT', 'ORGANISATION', 'REFERRAL', 'RISK_FACTOR', 'OFFENCE'];

interface Props {
  /** Entities on the chart. */
  onChart: ReadonlySet<string>;
  /** The entity types on the chart. */
  types: readonly EntityType[];
  onStyles(styles: ReadonlyMap<string, NodeStyle> | null): void;
  onSelect(ids: string[]): void;
}

export function AnalysisPanel({ onChart, types, onStyles, onSelect }: Props) {
  const nodeIds = useMemo(() => [...onChart], [onChart]);
  const [result, setResult] = useState<{ key: string; data: NetworkAnalytics; excluded: EntityType[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [weighted, setWeighted] = useState(true);
  const [excluded, setExcluded] = useState<EntityType[]>([]);
  const [sizeBy, setSizeBy] = useState<SizeBy>('none');
  const [colourBy, setColourBy] = useState<ColourBy>('type');
  const key = useMemo(() => [...nodeIds].sort().join(','), [nodeIds]);
  const runKey = `${weighted}|${[...excluded].sort().join(',')}|${key}`;
  const stale = !!result && result.key !== runKey;

  const run = async () => {
    if (!nodeIds.length) return;
    setBusy(true);
    setError(null);
    try {
      const data = await networkAnalytics(nodeIds.slice(0, 5000), weighted, excluded);
      setResult({ key: runKey, data, excluded });
      if (sizeBy === 'none' && colourBy === 'type') {
        setSizeBy('betweenness');
        setColourBy('community');
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const metrics = useMemo(() => new Map((result?.data.nodes ?? []).map((m) => [m.id, m])), [result]);
  const styles = useMemo(() => (metrics.size ? nodeStyles({ sizeBy, colourBy, metrics }) : null), [metrics, sizeBy, colourBy]);
  useEffect(() => onStyles(styles && styles.size ? styles : null), [styles, onStyles]);
  // Nothing on the chart: nothing to encode.
  useEffect(() => {
    if (!nodeIds.length) setResult(null);
  }, [nodeIds.length]);

  const top = useMemo(() => {
    const m = sizeBy !== 'none' ? sizeBy : colourBy !== 'type' && colourBy !== 'community' ? colourBy : 'betweenness';
    return { metric: m, nodes: [...metrics.values()].sort((a, b) => b[m] - a[m]).slice(0, 5) };
  }, [metrics, sizeBy, colourBy]);

  const communities = result?.data.communities.filter((c) => c.size > 1) ?? [];

  return (
    <section className="panel analysis-panel" aria-labelledby="analysis-head">
      <div className="panel-head">
        <h2 id="analysis-head">Network analysis</h2>
        <button type="button" className="btn small" onClick={() => void run()} disabled={busy || !nodeIds.length} title="Communities and centrality of the entities on the chart">
          {result && !stale ? 'Re-run' : 'Analyse chart'}
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={weighted} onChange={(e) => setWeighted(e.target.checked)} /> weight links by grading
      </label>
      {LEAVE_OUT_TYPES.some((t) => types.includes(t)) && (
        <fieldset className="leave-out">
          <legend>Leave out of the analysis</legend>
          {LEAVE_OUT_TYPES.filter((t) => types.includes(t)).map((t) => (
            <label key={t} className="check">
              <input type="checkbox" checked={excluded.includes(t)} onChange={() => setExcluded((x) => (x.includes(t) ? x.filter((y) => y !== t) : [...x, t]))} />{' '}
              {entityMeta(t).plural.toLowerCase()}
            </label>
          ))}
        </fieldset>
      )}
      {busy && <div className="progress" role="progressbar" aria-label="Analysing the chart" />}
      {error && (
        <p className="error-inline" role="alert">
          {error}
        </p>
      )}
      {!nodeIds.length && <p className="hint">Add entities to the chart to find their communities, brokers and most central members.</p>}
      {stale && <p className="hint">The chart or the options have changed since the analysis: re-run it.</p>}
      <div className="row">
        <label>
          Size by
          <select value={sizeBy} onChange={(e) => setSizeBy(e.target.value as SizeBy)} disabled={!result}>
            <option value="none">Nothing (fixed)</option>
            {Object.entries(METRIC_NAMES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour by
          <select value={colourBy} onChange={(e) => setColourBy(e.target.value as ColourBy)} disabled={!result}>
            <option value="type">Entity type</option>
            <option value="community">Community</option>
            {Object.entries(METRIC_NAMES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result && (
        <>
          <p className="hint" data-testid="analysis-summary">
            {result.data.nodes.length} entities · {communities.length} communities of 2 or more · modularity {result.data.modularity.toFixed(2)} ·{' '}
            {result.data.nodes.filter((n) => n.broker).length} brokers{result.data.weighted ? ' · weighted by grading' : ''}
            {result.excluded.length > 0 && ` · without ${result.excluded.map((t) => entityMeta(t).plural.toLowerCase()).join(', ')}`}
          </p>
          {colourBy === 'community' && communities.length > 0 && (
            <ul className="community-list" aria-label="Communities">
              {communities.slice(0, COMMUNITY_PALETTE.length).map((c) => (
                <li key={c.id}>
                  <button type="button" className="link" onClick={() => onSelect(c.nodeIds)} title="Select its members">
                    <span className="dot" style={{ background: communityColour(c.id) }} /> Community {c.id + 1} ({c.size})
                  </button>
                </li>
              ))}
              {communities.length > COMMUNITY_PALETTE.length && (
                <li>
                  <span className="dot" style={{ background: OTHER_COMMUNITY }} /> {communities.length - COMMUNITY_PALETTE.length} more
                </li>
              )}
            </ul>
          )}
          {colourBy !== 'type' && colourBy !== 'community' && (
            <div className="ramp" aria-hidden="true">
              <span>low</span>
              <span className="ramp-bar" style={{ background: `linear-gradient(90deg, ${rampColour(0)}, ${rampColour(0.33)}, ${rampColour(0.67)}, ${rampColour(1)})` }} />
              <span>high</span>
            </div>
          )}
          <h3>Highest {METRIC_NAMES[top.metric]}</h3>
          <ol className="top-list">
            {top.nodes.map((n) => (
              <li key={n.id}>
                <button type="button" className="link" onClick={() => onSelect([n.id])}>
                  {n.label}
                </button>{' '}
                <span className="muted small">
                  {top.metric === 'degree' ? n.degree : n[top.metric].toFixed(3)}
                  {n.broker ? ' · broker' : ''}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
