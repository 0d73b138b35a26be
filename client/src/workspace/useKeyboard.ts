/** Keyboard, while the chart is on screen: / search, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Delete remove, E expand, 2 or 3 expand by that many hops, H hide, F fit, Esc clear. */
import { useEffect, useRef, type RefObject } from 'react';
import type { ChartState } from '../state/useChart.ts';
import type { ChartCommands } from './useChartCommands.ts';
import type { ChartView } from './useChartView.ts';

export function useKeyboard(chart: ChartState, view: ChartView, commands: ChartCommands, search: RefObject<HTMLInputElement | null>): void {
  // The listener is added once and reads the latest handlers.
  const latest = useRef({ chart, view, commands });
  useEffect(() => {
    latest.current = { chart, view, commands };
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { chart: c, view: v, commands: k } = latest.current;
      const t = e.target as HTMLElement;
      const typing = t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable;
      // A page over the chart (flagged list, review queue…) has its own keys; the chart's wait.
      if (document.querySelector('section.page')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !typing) {
        e.preventDefault();
        if (e.shiftKey) c.redo();
        else c.undo();
      } else if (mod && e.key.toLowerCase() === 'y' && !typing) {
        e.preventDefault();
        c.redo();
      } else if (typing || mod || e.altKey || document.querySelector('dialog[open]')) {
        return;
      } else if (e.key === '/') {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        k.removeSelected();
      } else if (e.key === 'e') {
        k.expandSelected();
      } else if (e.key === '2' || e.key === '3') {
        k.expandSelected(Number(e.key) as 2 | 3);
      } else if (e.key === 'h') {
        k.hideSelected();
      } else if (e.key === 'f') {
        v.chartApi?.fit();
      } else if (e.key === 'Escape') {
        v.clearHighlight();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [search]);
}
