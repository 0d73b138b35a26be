/**
 * Everything the analysis layer draws on the chart, as one style map for useGraphEncoding:
 * the metric sizes and colours chosen in the analysis panel, and badges for entities on the
 * flagged list (an indicator fires; a combination of risk factors).
 */
import { useEffect, useMemo, useState } from 'react';
import type { ChartDoc } from '../state/chartDoc.ts';
import { flagged } from './api.ts';
import { badgeStyles, mergeStyles, type FlagBadges, type NodeStyle } from './encoding.ts';

/** The flagged list's first page, by score: enough for the badges of any chart of the demo's size. */
const FLAGGED_FOR_BADGES = 500;

export function useFlagBadges(): ReadonlyMap<string, FlagBadges> {
  const [flags, setFlags] = useState<ReadonlyMap<string, FlagBadges>>(new Map());
  useEffect(() => {
    let live = true;
    flagged({ types: ['PERSON', 'PREMISES'] }, { field: 'SCORE', direction: 'DESC' }, FLAGGED_FOR_BADGES).then(
      (r) => live && setFlags(new Map(r.items.map((x) => [x.id, { indicator: x.indicatorIds.length > 0, riskCombination: x.riskCombination }]))),
      // Badges are a hint: without the flagged list (a role that may not ask, an older server) the chart is drawn without them.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return flags;
}

export function useChartEncoding(doc: ChartDoc, metricStyles: ReadonlyMap<string, NodeStyle> | null): ReadonlyMap<string, NodeStyle> | null {
  const flags = useFlagBadges();
  const badges = useMemo(() => badgeStyles(Object.values(doc.nodes), flags), [doc.nodes, flags]);
  return useMemo(() => mergeStyles(badges, metricStyles), [badges, metricStyles]);
}
