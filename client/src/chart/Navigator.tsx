/** The bird's-eye view of the chart (see useNavigator): a thumbnail and the visible area as a frame. */
import { useRef } from 'react';
import type { Core } from 'cytoscape';
import { useNavigator } from './hooks/useNavigator.ts';

export function Navigator({ cy, shown }: { cy: Core | null; shown: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  useNavigator(cy, canvas, frame, shown);
  return (
    <div className={`navigator ${shown ? '' : 'off'}`} role="img" aria-label="Bird's-eye view of the chart" data-testid="navigator">
      <canvas ref={canvas} />
      <div ref={frame} className="navigator-frame" />
    </div>
  );
}
