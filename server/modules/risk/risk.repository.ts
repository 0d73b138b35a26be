/**
 * Risk-factor evidence through the caller's scoped gateway (cypher/queries/risk/): what the
 * caller may not see cannot raise or explain a score, and potential victims come back masked.
 */
import type { Gateway } from '../../db/gateway.ts';
import type { PersonRow } from './score.ts';

interface Row {
  person: { id: string; label?: string | null; potentialVictim?: boolean | null };
  evidence: (PersonRow['evidence'][number] | null)[];
}

const toPerson = (r: Row): PersonRow => ({
  id: String(r.person.id),
  label: String(r.person.label ?? r.person.id),
  ...(r.person.potentialVictim ? { potentialVictim: true } : {}),
  evidence: r.evidence.filter((e): e is PersonRow['evidence'][number] => e !== null),
});

/** Every visible person with risk-factor evidence. */
export async function allEvidence(gw: Gateway): Promise<PersonRow[]> {
  return ((await gw.read('risk/evidence')) as unknown as Row[]).map(toPerson);
}

/** The given people that the caller may see, with their evidence (possibly none). */
export async function evidenceOf(gw: Gateway, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return ((await gw.read('risk/evidence-by-person', { ids })) as unknown as Row[]).map(toPerson);
}
