/**
 * Why a person or premises is flagged: the risk score factor by factor (weight x grading x
 * status x decay, with sources and grades) and the MSHT indicators that fire, each with its
 * evidence and one action to put that evidence on the chart.
 */
import { useEffect, useState } from 'react';
import { humanise } from '../model/meta.ts';
import type { GraphNode, Grading } from '../model/types.ts';
import { indicatorHits, riskProfile, type IndicatorHit, type RiskProfile, type SourceBrief } from './api.ts';
import { useAddToChart } from './addToChart.ts';
import './analysis.css';

interface Loaded {
  id: string;
  profile: RiskProfile | null;
  hits: IndicatorHit[];
}

function Grade({ g }: { g: Grading }) {
  return (
    <span className={`grade ${g.low ? 'low' : ''}`} title={`${humanise(g.sourceEvaluation)} source, assessment ${g.intelligenceAssessment}${g.low ? ': low grade' : ''}`}>
      {g.code}
    </span>
  );
}

function SourceList({ sources }: { sources: SourceBrief[] }) {
  if (!sources.length) return <span className="muted">no source record you may see</span>;
  return (
    <>
      {sources.slice(0, 3).map((s) => (
        <span key={s.id} className="src">
          {s.source} <span className="mono">{s.recordKey}</span>
        </span>
      ))}
      {sources.length > 3 && <span className="muted"> +{sources.length - 3}</span>}
    </>
  );
}

const n2 = (x: number) => (Math.round(x * 100) / 100).toString();

export function WhyFlagged({ node }: { node: GraphNode }) {
  const onAdd = useAddToChart();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const applies = node.type === 'PERSON' || node.type === 'PREMISES';

  useEffect(() => {
    if (!applies) return;
    let live = true;
    setError(null);
    Promise.all([node.type === 'PERSON' ? riskProfile(node.id) : Promise.resolve(null), indicatorHits(node.id)])
      .then(([profile, hits]) => live && setData({ id: node.id, profile, hits }))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [node.id, node.type, applies]);

  if (!applies) return null;
  const current = data?.id === node.id ? data : null;
  const profile = current?.profile ?? null;
  const hits = current?.hits ?? [];
  const counted = profile?.factors.filter((f) => f.counted) ?? [];
  const flagged = (profile && (profile.combination || counted.length > 0)) || hits.length > 0;

  return (
    <section className="why-flagged" aria-labelledby="why-head">
      <h3 id="why-head">Why flagged</h3>
      {!current && !error && <div className="progress" role="progressbar" aria-label="Loading why it is flagged" />}
      {error && (
        <p className="error-inline" role="alert">
          {error}
        </p>
      )}
      {current && !flagged && <p className="muted small">Not flagged: no risk factor counts and no indicator fires{profile ? ` (rules ${profile.rulesVersion})` : ''}.</p>}

      {profile && counted.length > 0 && (
        <div className="risk">
          <div className="risk-head">
            <span className="risk-score" title="Sum of the counted factors' scores">
              Risk {n2(profile.score)}
            </span>
            {profile.combination && <span className="pill warn">combination of risk factors</span>}
            <span className="muted small">
              {profile.distinctFactors} distinct factor{profile.distinctFactors === 1 ? '' : 's'} · {profile.rulesVersion} · as of {profile.asOf}
            </span>
          </div>
          <p className="small explanation">{profile.explanation}</p>
          <ul className="rules" aria-label="Combination rules">
            {profile.rules.map((r) => (
              <li key={r.id} className={r.met ? 'met' : ''}>
                <span aria-hidden="true">{r.met ? '✔' : '○'}</span> {r.description}
                <span className="sr-only">{r.met ? ' (met)' : ' (not met)'}</span>
              </li>
            ))}
          </ul>
          <ol className="factors" aria-label="Risk factors">
            {profile.factors.map((f) => (
              <li key={f.kind} className={f.counted ? '' : 'not-counted'}>
                <div className="factor-head">
                  <strong>{f.label}</strong>
                  <span className="score">{f.counted ? `+${n2(f.score)}` : 'not counted'}</span>
                </div>
                <ul className="evidence">
                  {f.evidence.map((e) => (
                    <li key={`${e.entityId}-${e.linkId}`}>
                      <div>
                        {e.entityLabel} <Grade g={e.grading} />{' '}
                        <span className="muted small">
                          {e.date ?? 'undated'}
                          {e.ageDays != null ? ` (${e.ageDays} days)` : ''}
                        </span>
                      </div>
                      <div className="muted small" title="weight × grading × status × decay = contribution">
                        {n2(e.weight)} × {n2(e.gradeMultiplier)} × {n2(e.statusMultiplier)} × {n2(e.decay)} = {n2(e.contribution)}
                        {e.note ? ` · ${e.note}` : ''}
                      </div>
                      <div className="small sources-line">
                        <SourceList sources={e.sources} />
                      </div>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}

      {hits.length > 0 && (
        <>
          <h3>Indicators ({hits.length})</h3>
          <ol className="hits" aria-label="Indicator hits">
            {hits.map((h) => (
              <li key={h.indicatorId}>
                <div className="factor-head">
                  <strong>{h.title}</strong>
                  <span className="score">{n2(h.score)}</span>
                </div>
                <p className="small">{h.summary}</p>
                <ul className="evidence">
                  {h.evidence.slice(0, 4).map((e, i) => (
                    <li key={i}>
                      <div className="small">
                        {e.summary} <Grade g={e.grading} />
                      </div>
                      <div className="muted small">
                        {e.from ? (e.to && e.to !== e.from ? `${e.from} – ${e.to}` : e.from) : 'undated'} · <SourceList sources={e.sources} />
                      </div>
                    </li>
                  ))}
                  {h.evidence.length > 4 && <li className="muted small">and {h.evidence.length - 4} more pieces of evidence</li>}
                </ul>
                <button
                  type="button"
                  className="btn small"
                  onClick={() => void onAdd(h.entityIds, { highlight: [...h.entityIds, ...h.linkIds], label: `${h.title}: evidence for ${h.label}` })}
                >
                  Put evidence on chart
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
