/**
 * Search: type filters, ranked results, add one or many. Keyboard first: "/" focuses the box
 * (handled by the workspace), arrows move, Enter adds the current result, Shift+Enter adds
 * every checked result (or all when none is checked), Space checks.
 */
import { forwardRef, useEffect, useRef, useState } from 'react';
import { search, type SearchHit } from '../api/operations.ts';
import { entityMeta } from '../model/meta.ts';
import { ENTITY_TYPES, type EntityType, type GraphNode } from '../model/types.ts';
import { TypeIcon } from './TypeIcon.tsx';

interface Props {
  onChart: ReadonlySet<string>;
  onAdd(nodes: GraphNode[]): void;
}

const QUICK_TYPES: EntityType[] = ['PERSON', 'PREMISES', 'PHONE', 'VEHICLE', 'ORGANISATION', 'ADVERT', 'OFFENCE'];

export const SearchPanel = forwardRef<HTMLInputElement, Props>(function SearchPanel({ onChart, onAdd }, inputRef) {
  const [text, setText] = useState('');
  const [types, setTypes] = useState<EntityType[]>([]);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [cursor, setCursor] = useState(0);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [moreTypes, setMoreTypes] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits(null);
      setError(null);
      return;
    }
    const ctrl = new AbortController();
    // Debounce by aborting: each keystroke cancels the previous request.
    setLoading(true);
    search(q, types, ctrl.signal)
      .then((h) => {
        setHits(h);
        setError(null);
        setCursor(0);
        setChecked(new Set());
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setError(e.message);
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
  }, [text, types]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const toggleType = (t: EntityType) => setTypes((ts) => (ts.includes(t) ? ts.filter((x) => x !== t) : [...ts, t]));
  const toggleCheck = (id: string) =>
    setChecked((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const addChecked = () => {
    if (!hits) return;
    const chosen = checked.size ? hits.filter((h) => checked.has(h.node.id)) : hits;
    onAdd(chosen.map((h) => h.node));
    setChecked(new Set());
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!hits?.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setCursor((c) => Math.min(hits.length - 1, c + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setCursor((c) => Math.max(0, c - 1));
    } else if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      addChecked();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[cursor];
      if (hit) onAdd([hit.node]);
    } else if (e.key === ' ' && (e.ctrlKey || e.altKey)) {
      e.preventDefault();
      const hit = hits[cursor];
      if (hit) toggleCheck(hit.node.id);
    } else if (e.key === 'Escape') {
      setText('');
    }
  };

  const shownTypes = moreTypes ? ENTITY_TYPES : QUICK_TYPES;
  return (
    <section className="panel search" aria-label="Search">
      <div className="search-box">
        <input
          ref={inputRef}
          type="search"
          placeholder="Search names, phones, postcodes, VRMs…"
          aria-label="Search the graph"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
        />
        <kbd title="Press / to search">/</kbd>
      </div>
      <div className="chips" role="group" aria-label="Only these types">
        {shownTypes.map((t) => (
          <button key={t} type="button" className={`chip ${types.includes(t) ? 'on' : ''}`} aria-pressed={types.includes(t)} onClick={() => toggleType(t)}>
            <TypeIcon type={t} size={13} /> {entityMeta(t).plural}
          </button>
        ))}
        <button type="button" className="chip more" onClick={() => setMoreTypes((m) => !m)}>
          {moreTypes ? 'fewer' : 'more…'}
        </button>
      </div>
      {error && <p className="error-inline" role="alert">{error}</p>}
      {loading && <div className="progress" aria-label="Searching" />}
      {hits && hits.length === 0 && !loading && <p className="muted pad">Nothing matches “{text.trim()}”. Try fewer words, another spelling or a phone number in any form.</p>}
      {hits && hits.length > 0 && (
        <>
          <div className="results-head">
            <span className="muted">{hits.length} results, best first</span>
            <button type="button" className="link" onClick={addChecked} title="Shift+Enter">
              {checked.size ? `Add ${checked.size} checked` : `Add all ${hits.length}`}
            </button>
          </div>
          <ul className="results" role="listbox" aria-label="Search results" ref={listRef}>
            {hits.map((h, i) => (
              <li
                key={h.node.id}
                role="option"
                aria-selected={i === cursor}
                className={`${i === cursor ? 'current' : ''} ${onChart.has(h.node.id) ? 'on-chart' : ''}`}
                onMouseEnter={() => setCursor(i)}
                onDoubleClick={() => onAdd([h.node])}
              >
                <input type="checkbox" aria-label={`Choose ${h.node.label}`} checked={checked.has(h.node.id)} onChange={() => toggleCheck(h.node.id)} />
                <TypeIcon type={h.node.type} />
                <span className="result-text">
                  <span className="result-label">{h.node.label}</span>
                  <span className="result-sub">
                    {[entityMeta(h.node.type).name, h.node.subtitle, h.matched && h.matched !== h.node.label ? `matched “${h.matched}”` : null].filter(Boolean).join(' · ')}
                  </span>
                </span>
                {onChart.has(h.node.id) ? (
                  <span className="tag" title="Already on the chart">on chart</span>
                ) : (
                  <button type="button" className="add" aria-label={`Add ${h.node.label} to the chart`} onClick={() => onAdd([h.node])}>
                    Add
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p className="hint">↑↓ move · Enter add · Ctrl+Space check · Shift+Enter add checked</p>
        </>
      )}
      {!hits && !error && (
        <p className="muted pad small">Type at least two characters. Names match in either order and with small typos; phones, postcodes and VRMs in any written form.</p>
      )}
    </section>
  );
});
