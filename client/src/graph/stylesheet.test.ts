import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../model/types.ts';
import { ENTITY_META, LINK_META } from '../model/meta.ts';
import { buildStylesheet } from './stylesheet.ts';
import { placeAround } from './placement.ts';

describe('the stylesheet', () => {
  const sheet = buildStylesheet() as { selector: string; style: Record<string, unknown> }[];
  const rule = (selector: string) => sheet.find((r) => r.selector === selector)?.style;

  it('colours every entity type with its own colour', () => {
    for (const t of ENTITY_TYPES) expect(rule(`node.t-${t}`)?.['background-color']).toBe(ENTITY_META[t].colour);
    expect(new Set(ENTITY_TYPES.map((t) => ENTITY_META[t].colour)).size).toBe(ENTITY_TYPES.length);
  });

  it('styles every link type and draws low grade dashed', () => {
    for (const t of Object.keys(LINK_META)) expect(rule(`edge.l-${t}`)).toBeDefined();
    expect(rule('edge.low')?.['line-style']).toBe('dashed');
  });

  it('shows link labels always only when asked', () => {
    expect(rule('edge')?.label).toBe('');
    const always = buildStylesheet({ edgeLabels: 'always' }) as { selector: string; style: Record<string, unknown> }[];
    expect(always.find((r) => r.selector === 'edge')?.style.label).toBe('data(display)');
  });
});

describe('placing new nodes', () => {
  it('fans them out away from the rest of the chart, without overlaps', () => {
    const ps = placeAround({ x: 0, y: 0 }, 40, { x: -500, y: 0 });
    expect(ps).toHaveLength(40);
    expect(ps.filter((p) => p.x > 0).length).toBeGreaterThan(ps.length / 2);
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++) expect(Math.hypot(ps[i]!.x - ps[j]!.x, ps[i]!.y - ps[j]!.y)).toBeGreaterThan(60);
  });
});
