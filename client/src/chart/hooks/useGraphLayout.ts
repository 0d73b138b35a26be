/**
 * Runs a layout when asked, and reports the positions when the library says it has stopped
 * (`layoutstop`), so the move goes on the undo stack. Pinned nodes are locked and stay put.
 * Large charts get ForceAtlas2 in a web worker instead of fcose, applied with `preset`.
 */
import { useEffect, useRef } from 'react';
import type { Collection, Core, LayoutOptions, NodeSingular } from 'cytoscape';
import { hierarchyLayout } from '../hierarchy.ts';
import type { LayoutName } from '../../state/chartDoc.ts';
import type { Position } from '../../model/types.ts';
import type { LayoutRequest, LayoutResponse } from '../layout.worker.ts';

export interface LayoutCommand {
  name: LayoutName;
  /** Changes on every request, so asking twice for the same layout runs it twice. */
  nonce: number;
  /** The layout completes the operation just made (an expansion onto an empty chart): one undo step with it. */
  follows?: boolean;
}

export function layoutOptions(name: LayoutName, nodeCount: number): LayoutOptions {
  const animate = nodeCount < 300;
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        quality: nodeCount > 1000 ? 'draft' : 'default',
        randomize: false,
        animate,
        animationDuration: 450,
        fit: true,
        padding: 40,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 110,
        nodeSeparation: 90,
        // Labels take room too: without this, dense charts put labels over each other.
        nodeDimensionsIncludeLabels: nodeCount <= 1000,
        packComponents: true,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        concentric: (n: NodeSingular) => n.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 28,
        nodeDimensionsIncludeLabels: true,
        animate,
        fit: true,
        padding: 40,
      } as LayoutOptions;
    case 'dagre':
      return { name: 'dagre', rankDir: 'TB', nodeSep: 40, rankSep: 90, animate, fit: true, padding: 40 } as LayoutOptions;
    case 'circle':
      return { name: 'circle', sort: (a: NodeSingular, b: NodeSingular) => String(a.data('type')).localeCompare(b.data('type')), animate, fit: true, padding: 40 } as LayoutOptions;
    case 'grid':
      return { name: 'grid', sort: (a: NodeSingular, b: NodeSingular) => String(a.data('type')).localeCompare(b.data('type')), avoidOverlap: true, nodeDimensionsIncludeLabels: true, animate, fit: true, padding: 40 } as LayoutOptions;
  }
}

/**
 * The Hierarchy layout: dagre with room for every label, wide ranks wrapped and ranks spread to
 * the viewport (hierarchy.ts), applied as a preset so pinned nodes stay put.
 */
function hierarchyOptions(cy: Core, visible: Collection, nodeCount: number): LayoutOptions {
  const nodes = visible.nodes().map((n) => ({ id: n.id(), label: String(n.data('display') ?? n.data('label') ?? '') }));
  const edges = visible.edges().map((e) => ({ source: e.source().id(), target: e.target().id() }));
  const { positions } = hierarchyLayout(nodes, edges, { width: cy.width() || 1000, height: cy.height() || 700 });
  return {
    name: 'preset',
    positions: (n: NodeSingular) => positions[n.id()] ?? n.position(),
    fit: true,
    padding: 40,
    animate: nodeCount < 300,
    animationDuration: 450,
  } as LayoutOptions;
}

function positionsOf(cy: Core, ids?: Set<string>): Record<string, Position> {
  const out: Record<string, Position> = {};
  cy.nodes().forEach((n) => {
    if (ids && !ids.has(n.id())) return;
    const p = n.position();
    out[n.id()] = { x: p.x, y: p.y };
  });
  return out;
}

/** ForceAtlas2 in a worker; resolves with positions, or rejects if the worker fails. */
export function workerLayout(cy: Core, iterations = 300): { promise: Promise<Record<string, Position>>; cancel(): void } {
  const worker = new Worker(new URL('../layout.worker.ts', import.meta.url), { type: 'module' });
  const visible = cy.nodes(':visible');
  const request: LayoutRequest = {
    nodes: visible.map((n, i) => {
      const p = n.position();
      const blank = p.x === 0 && p.y === 0;
      return { id: n.id(), x: blank ? Math.cos(i) * (i + 10) : p.x, y: blank ? Math.sin(i) * (i + 10) : p.y, fixed: n.locked() };
    }),
    edges: cy.edges(':visible').map((e) => [e.source().id(), e.target().id()] as [string, string]),
    iterations,
  };
  const promise = new Promise<Record<string, Position>>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
      resolve(e.data.positions);
      worker.terminate();
    };
    worker.onerror = (e) => {
      reject(new Error(`The layout worker failed: ${e.message}`));
      worker.terminate();
    };
  });
  worker.postMessage(request);
  return { promise, cancel: () => worker.terminate() };
}

export function useGraphLayout(
  cy: Core | null,
  command: LayoutCommand | null,
  large: boolean,
  onDone: (positions: Record<string, Position>, name: LayoutName, follows: boolean) => void,
  onBusy: (busy: boolean) => void,
  onError: (message: string) => void,
): void {
  const callbacks = useRef({ onDone, onBusy, onError });
  useEffect(() => {
    callbacks.current = { onDone, onBusy, onError };
  });

  useEffect(() => {
    if (!cy || !command || cy.destroyed()) return;
    const { onDone: done, onBusy: busy, onError: fail } = callbacks.current;
    if (cy.nodes().empty()) {
      busy(false);
      return;
    }
    const visible = cy.elements(':visible');
    const ids = new Set(visible.nodes().map((n) => n.id()));
    busy(true);
    if (large && command.name === 'fcose') {
      const job = workerLayout(cy);
      let cancelled = false;
      job.promise
        .then((positions) => {
          if (cancelled || cy.destroyed()) return;
          const layout = visible.layout({ name: 'preset', positions: (n: NodeSingular) => positions[n.id()] ?? n.position(), fit: true, padding: 40, animate: false } as LayoutOptions);
          layout.one('layoutstop', () => {
            busy(false);
            done(positionsOf(cy, ids), command.name, command.follows ?? false);
          });
          layout.run();
        })
        .catch((e: Error) => {
          busy(false);
          fail(e.message);
        });
      return () => {
        cancelled = true;
        job.cancel();
      };
    }
    const layout = visible.layout(command.name === 'dagre' ? hierarchyOptions(cy, visible, ids.size) : layoutOptions(command.name, ids.size));
    let stopped = false;
    let cancelled = false;
    layout.one('layoutstop', () => {
      stopped = true;
      busy(false);
      if (!cancelled && !cy.destroyed()) done(positionsOf(cy, ids), command.name, command.follows ?? false);
    });
    layout.run();
    return () => {
      cancelled = true;
      if (!stopped && !cy.destroyed()) layout.stop();
    };
    // Runs once per command: the chart's contents at that moment are what is laid out.
  }, [cy, command, large]);
}
