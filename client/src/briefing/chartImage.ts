/**
 * The snapshot's chart drawn by the workspace's own Cytoscape set-up (its stylesheet, node
 * icons and element mapping), then exported as SVG: the briefing shows it as an image, so the
 * self-contained HTML and the PDF carry a static, vector picture and no script.
 */
import type { Core } from 'cytoscape';
import { registerExtensions } from '../chart/cytoscape.ts';
import { buildStylesheet } from '../graph/stylesheet.ts';
import { toElements } from '../graph/toElements.ts';
import type { GraphEdge, GraphNode, Position } from '../model/types.ts';
import type { SnapshotContent, SnapshotEdge, SnapshotGrading, SnapshotNode } from '../../../server/kernel/snapshot.ts';

const SOURCE_NAME = { 1: 'RELIABLE', 2: 'UNTESTED', 3: 'NOT_RELIABLE' } as const;

function grading(g: SnapshotGrading): GraphNode['grading'] {
  return {
    code: g.code,
    low: g.low,
    sourceEvaluation: SOURCE_NAME[g.sourceEvaluation],
    intelligenceAssessment: g.intelligenceAssessment,
    handlingCode: g.handlingCode,
    handlingConditions: g.handlingConditions,
    classification: g.classification === 'OFFICIAL-SENSITIVE' ? 'OFFICIAL_SENSITIVE' : 'OFFICIAL',
  };
}

export function toGraphNode(n: SnapshotNode): GraphNode {
  return {
    id: n.id,
    type: n.type as GraphNode['type'],
    label: n.label,
    subtitle: n.subtitle,
    degree: n.degree,
    supernode: n.supernode,
    potentialVictim: n.potentialVictim,
    suspect: n.suspect,
    safeguarded: n.safeguarded,
    riskScore: n.riskScore,
    kind: n.kind,
    grading: grading(n.grading),
  };
}

export function toGraphEdge(e: SnapshotEdge): GraphEdge {
  return {
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    role: e.role,
    validFrom: e.validFrom,
    validTo: e.validTo,
    recordedAt: e.recordedAt,
    weight: e.weight,
    grading: grading(e.grading),
  };
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Loads and decodes every distinct node image, by URL. */
async function preload(urls: Iterable<string>): Promise<Map<string, HTMLImageElement>> {
  return new Map(
    await Promise.all(
      [...new Set(urls)].map(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode().catch(() => undefined);
        return [src, img] as const;
      }),
    ),
  );
}

/**
 * Draws the chart in an off-screen container and returns it as an SVG data URL, or null when there is nothing to draw.
 */
export async function chartSvg(content: SnapshotContent, step: (name: string) => void = () => undefined): Promise<{ url: string; width: number; height: number } | null> {
  if (content.nodes.length === 0) return null;
  const positions: Record<string, Position> = Object.fromEntries(content.nodes.map((n) => [n.id, n.position]));
  const elements = toElements(content.nodes.map(toGraphNode), content.edges.map(toGraphEdge), positions);
  const images = await preload(elements.filter((e) => e.group === 'nodes').map((e) => String((e.data as { image: string }).image)));
  step('chart-preload');
  const container = document.createElement('div');
  container.className = 'chart-offscreen';
  document.body.appendChild(container);
  const cytoscape = registerExtensions();
  let cy: Core | null = null;
  try {
    cy = cytoscape({
      container,
      elements,
      style: buildStylesheet({ edgeLabels: content.style.edgeLabels }),
      layout: { name: 'preset', fit: true, padding: 30 },
      pixelRatio: 1,
      userZoomingEnabled: false,
      userPanningEnabled: false,
      autoungrabify: true,
    });
    step('chart-init');
    // Cytoscape loads node images on its own when it first draws them, a frame or more later,
    // redrawing the whole canvas each time: its image cache is given the decoded images instead,
    // so the export can run at once and the canvas is never drawn (a frame is waited for only if
    // an image is still not complete).
    const renderer = (cy as unknown as { renderer(): { imageCache?: Record<string, { image: HTMLImageElement }> } }).renderer();
    const cache = (renderer.imageCache ??= {});
    for (const [url, image] of images) cache[url] ??= { image };
    for (let i = 0; i < 200 && ![...images.keys()].every((u) => cache[u]?.image.complete); i += 1) await nextFrame();
    step('chart-draw');
    const bb = cy.elements().boundingBox({});
    let svg = '';
    for (let i = 0; i < 5; i += 1) {
      svg = (cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
      if ((svg.match(/<image /g)?.length ?? 0) >= content.nodes.length) break;
      await nextFrame();
    }
    // Coordinates to a tenth of a unit (drawn at scale 1, a tenth of a pixel): Cytoscape writes
    // them to 15 digits, which made up nearly half of the picture's bytes. Text is left alone.
    const compact = svg.replace(/<[^>]*>/g, (tag) => tag.replace(/(\d\.\d)\d+/g, '$1'));
    const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(compact)}`;
    step('chart-svg');
    return { url, width: Math.ceil(bb.w), height: Math.ceil(bb.h) };
  } finally {
    cy?.destroy();
    container.remove();
  }
}
