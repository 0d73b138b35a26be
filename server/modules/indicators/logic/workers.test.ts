/** rotating-workers is the circuits finder's chain rule (decision 0034): moves, not jobs held at once. */
import { describe, expect, it } from 'vitest';
import { IndicatorGraph, type ILink, type INode, type Shared } from '../graph.ts';
import { library } from '../library.ts';
import { rotatingWorkers } from './workers.ts';

const rule = library().indicators.find((r) => r.id === 'rotating-workers')!;
const node = (id: string, type: string): INode => ({ id, type, label: id });
let n = 0;
const works = (person: string, premises: string, validFrom: string, validTo: string | null): ILink => ({ id: `l${++n}`, type: 'WORKS_AT', source: person, target: premises, validFrom, validTo });
const fires = (g: IndicatorGraph, id: string) => rotatingWorkers(g, rule, id, {} as Shared);

describe('rotating-workers', () => {
  const places = ['a', 'b', 'c', 'd'].map((p) => node(p, 'PREMISES'));
  it('fires on a person moved through three premises one after another within the window, with those stays as evidence', () => {
    const links = [works('w', 'a', '2025-06-01', '2025-06-09'), works('w', 'b', '2025-06-10', '2025-06-20'), works('w', 'c', '2025-06-21', '2025-06-30')];
    const g = new IndicatorGraph([node('w', 'PERSON'), ...places], links);
    const hit = fires(g, 'w')!;
    expect(hit.summary).toBe('Moved through 3 premises within 120 days');
    expect(hit.evidence[0]!.linkIds).toEqual(links.map((l) => l.id));
  });

  it('does not fire on stays held at once (an owner at three of her businesses), which the circuits finder does not call a move either', () => {
    const g = new IndicatorGraph([node('o', 'PERSON'), ...places], [works('o', 'a', '2025-01-01', null), works('o', 'b', '2025-01-01', null), works('o', 'c', '2025-01-02', null)]);
    expect(fires(g, 'o')).toBeNull();
  });

  it('fires on a premises two of whose workers go through it in a circuit', () => {
    const links = ['x', 'y'].flatMap((p, i) => [works(p, 'a', `2025-0${6 + i}-01`, `2025-0${6 + i}-09`), works(p, 'b', `2025-0${6 + i}-10`, `2025-0${6 + i}-20`), works(p, 'c', `2025-0${6 + i}-21`, `2025-0${6 + i}-28`)]);
    const g = new IndicatorGraph([node('x', 'PERSON'), node('y', 'PERSON'), ...places], links);
    expect(fires(g, 'b')!.summary).toBe('2 workers rotating between premises');
    expect(fires(g, 'd')).toBeNull();
  });
});
