import { useEffect, type RefObject } from 'react';
import type { Core } from 'cytoscape';

/**
 * Wheel zoom at the same rate for a mouse and a touchpad. Cytoscape takes a wheel whose notches all
 * have one size (a mouse) for an "inaccurate scroll device" and zooms about 1% a notch, so a large
 * chart took hundreds of notches to come from its fitted view to its entities. Here, as in d3-zoom,
 * the zoom is 2^(-deltaY x 0.002) for pixel deltas (a mouse notch of 100: x1.15; a touchpad's small
 * deltas: smooth), x0.05 for line deltas, about the pointer. The listener sits on the container's
 * parent in the capture phase, so Cytoscape's own handler (on the container) never sees the event.
 */
export function wheelZoomFactor(e: Pick<WheelEvent, 'deltaY' | 'deltaMode' | 'ctrlKey'>): number {
  const scale = e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002;
  return 2 ** (-e.deltaY * scale * (e.ctrlKey ? 10 : 1));
}

export function useWheelZoom(cy: Core | null, container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const host = container.current?.parentElement;
    if (!cy || !host) return;
    const onWheel = (e: WheelEvent) => {
      if (!container.current?.contains(e.target as Node) || e.deltaY === 0) return;
      e.preventDefault();
      e.stopPropagation();
      if (!cy.userZoomingEnabled()) return;
      const box = container.current.getBoundingClientRect();
      cy.zoom({ level: cy.zoom() * wheelZoomFactor(e), renderedPosition: { x: e.clientX - box.left, y: e.clientY - box.top } });
      cy.emit('scrollzoom');
    };
    host.addEventListener('wheel', onWheel, { capture: true, passive: false });
    return () => host.removeEventListener('wheel', onWheel, { capture: true });
  }, [cy, container]);
}
