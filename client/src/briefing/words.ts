/** The briefing's values in words: grades, dates, counts, type names and what the snapshot selected. */
import { ENTITY_META, humanise } from '../model/meta.ts';
import type { EntityType } from '../model/types.ts';
import type { BriefingInput, SnapshotGrading } from '../../../server/kernel/snapshot.ts';

const SOURCE_WORDS = { 1: 'reliable', 2: 'untested', 3: 'not reliable' } as const;
const ASSESSMENT_WORDS = {
  A: 'known directly',
  B: 'known indirectly, corroborated',
  C: 'known indirectly',
  D: 'not known',
  E: 'suspected false',
} as const;

export function gradeWords(g: SnapshotGrading): string {
  return `${SOURCE_WORDS[g.sourceEvaluation]}; ${ASSESSMENT_WORDS[g.intelligenceAssessment]}; ${g.handlingCode === 'P' ? 'sharing permitted' : `conditions${g.handlingConditions ? `: ${g.handlingConditions}` : ''}`}`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFmt.format(d);
}

export function span(from: string | null, to: string | null): string {
  if (!from && !to) return '';
  return `${from ? day(from) : '…'} – ${to ? day(to) : 'open'}`;
}

export const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const typeName = (t: string) => ENTITY_META[t as EntityType]?.name ?? humanise(t);

export function selectionText(input: BriefingInput): string {
  const s = input.content.selection;
  if (s.kind === 'chart') return `Saved chart “${s.name}”`;
  if (s.kind === 'elements') return `${s.ids.length} entities chosen on the chart`;
  return `${s.ids.join(', ')}${s.hops > 0 ? ` and ${s.hops} hop${s.hops === 1 ? '' : 's'} around` : ''}`;
}
