/**
 * Risk profiles (pure): every piece of risk-factor evidence a person has, weighted by the rules
 * (factor weight x grading x offence status x decay with age), grouped by factor, and checked
 * against the combination rules. Nothing is hidden in the number: each profile carries every
 * piece with its multipliers and sources, counted or not, and says why.
 */
import type { RiskRules } from './rules.ts';

/** A grading as stored (source evaluation 1..3, assessment A..E, handling P/C). */
export interface StoredGrading {
  sourceEvaluation?: number | null;
  intelligenceAssessment?: string | null;
  handlingCode?: string | null;
  handlingConditions?: string | null;
  classification?: string | null;
}

/** One link from a person to a RiskFactor or an Offence, as read. */
export interface EvidenceRow {
  origin: 'RISK_FACTOR' | 'OFFENCE';
  linkId: string;
  role?: string | null;
  linkGrading: StoredGrading;
  linkSourceIds: string[];
  /** When Lantern learnt of the link (ISO datetime). */
  linkRecordedAt?: string | null;
  linkValidFrom?: string | null;
  entityId: string;
  entityLabel: string;
  /** RiskFactor.kind or Offence.category. */
  kind?: string | null;
  status?: string | null;
  /** RiskFactor.recordedOn or Offence.occurredOn. */
  date?: string | null;
  entityGrading: StoredGrading;
  entitySourceIds: string[];
}

export interface PersonRow {
  id: string;
  label: string;
  /** Read unmasked (the stored analysis): the label is a potential victim's. */
  potentialVictim?: boolean;
  evidence: EvidenceRow[];
}

export interface Evidence {
  kind: string;
  origin: EvidenceRow['origin'];
  entityId: string;
  entityLabel: string;
  linkId: string;
  date: string | null;
  ageDays: number | null;
  grading: StoredGrading;
  sourceIds: string[];
  weight: number;
  gradeMultiplier: number;
  statusMultiplier: number;
  decay: number;
  contribution: number;
  counted: boolean;
  note: string | null;
}

export interface FactorScore {
  kind: string;
  label: string;
  score: number;
  counted: boolean;
  evidence: Evidence[];
}

export interface Profile {
  personId: string;
  label: string;
  score: number;
  combination: boolean;
  distinctFactors: number;
  factorKinds: string[];
  rules: { id: string; description: string; met: boolean }[];
  factors: FactorScore[];
  explanation: string;
  asOf: string;
  rulesVersion: string;
}

const DAY = 86_400_000;
const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function gradeMultiplier(rules: RiskRules, g: StoredGrading): number {
  const se = String(g.sourceEvaluation ?? 2) as '1' | '2' | '3';
  const ia = (g.intelligenceAssessment ?? 'C') as 'A' | 'B' | 'C' | 'D' | 'E';
  const hc = (g.handlingCode ?? 'C') as 'P' | 'C';
  // An ungraded record counts as untested and indirect (2-C), never as reliable.
  return (rules.grading.sourceEvaluation[se] ?? rules.grading.sourceEvaluation['2']) * (rules.grading.intelligenceAssessment[ia] ?? rules.grading.intelligenceAssessment.C) * (rules.grading.handlingCode[hc] ?? 1);
}

/** The weaker of two gradings (the one that multiplies to less). */
function weaker(rules: RiskRules, a: StoredGrading, b: StoredGrading): StoredGrading {
  return gradeMultiplier(rules, b) < gradeMultiplier(rules, a) ? b : a;
}

function evidenceOf(rules: RiskRules, r: EvidenceRow, asOf: string): Evidence | null {
  const asOfEnd = Date.parse(`${asOf}T23:59:59.999Z`);
  // As known on asOf: what was recorded later is not part of the profile.
  if (r.linkRecordedAt && Date.parse(r.linkRecordedAt) > asOfEnd) return null;
  const date = r.date ?? r.linkValidFrom ?? (r.linkRecordedAt ? r.linkRecordedAt.slice(0, 10) : null);
  if (date && Date.parse(`${date}T00:00:00Z`) > asOfEnd) return null;
  let kind: string | undefined;
  let statusMultiplier = 1;
  let note: string | null = null;
  if (r.origin === 'OFFENCE') {
    if (r.role !== 'SUSPECT') return null;
    kind = rules.offenceFactors[r.kind ?? ''];
    if (!kind) return null;
    statusMultiplier = rules.offenceStatus[r.status ?? ''] ?? 1;
    if (statusMultiplier === 0) note = `offence status ${r.status}`;
  } else kind = r.kind ?? 'UNKNOWN';
  const factor = rules.factors[kind];
  const grading = weaker(rules, r.linkGrading, r.entityGrading);
  const g = gradeMultiplier(rules, grading);
  const ageDays = date ? Math.max(0, Math.floor((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY)) : null;
  const weight = factor?.weight ?? 0;
  const decay = factor && ageDays !== null ? Math.pow(0.5, ageDays / factor.halfLifeDays) : 1;
  const contribution = weight * g * statusMultiplier * decay;
  if (!factor) note = `${kind} is not a factor in ${rules.id}.v${rules.version}`;
  else if (ageDays !== null && ageDays > factor.maxAgeDays) note ??= `older than ${factor.maxAgeDays} days`;
  else if (g === 0) note ??= `graded ${grading.sourceEvaluation ?? '?'}-${grading.intelligenceAssessment ?? '?'}: counts for nothing`;
  else if (contribution < rules.minContribution) note ??= `contributes less than ${rules.minContribution}`;
  return {
    kind,
    origin: r.origin,
    entityId: r.entityId,
    entityLabel: r.entityLabel,
    linkId: r.linkId,
    date,
    ageDays,
    grading,
    sourceIds: [...new Set([...r.linkSourceIds, ...r.entitySourceIds])],
    weight,
    gradeMultiplier: round(g),
    statusMultiplier,
    decay: round(decay),
    contribution: round(contribution),
    counted: note === null,
    note,
  };
}

export function profile(rules: RiskRules, person: PersonRow, asOf: string): Profile {
  const evidence = person.evidence.map((r) => evidenceOf(rules, r, asOf)).filter((e): e is Evidence => e !== null);
  const byKind = new Map<string, Evidence[]>();
  for (const e of evidence) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  const factors: FactorScore[] = [...byKind.entries()].map(([kind, list]) => {
    const sorted = list.sort((a, b) => b.contribution - a.contribution || a.linkId.localeCompare(b.linkId));
    const counted = sorted.filter((e) => e.counted);
    const weight = rules.factors[kind]?.weight ?? 0;
    const raw = counted.length === 0 ? 0 : counted[0]!.contribution + rules.repeatShare * counted.slice(1).reduce((s, e) => s + e.contribution, 0);
    return { kind, label: rules.factors[kind]?.label ?? kind, score: round(Math.min(weight, raw)), counted: counted.length > 0, evidence: sorted };
  });
  factors.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind));
  const kinds = factors.filter((f) => f.counted).map((f) => f.kind);
  const score = round(factors.reduce((s, f) => s + f.score, 0));
  const results = rules.combinations.map((c) => ({
    id: c.id,
    description: c.description,
    met: kinds.length >= c.minDistinctFactors && (!c.anyOf || c.anyOf.some((k) => kinds.includes(k))) && (c.minScore === undefined || score >= c.minScore),
  }));
  const met = results.filter((r) => r.met).map((r) => r.id);
  const parts = factors.filter((f) => f.counted).map((f) => `${f.label} ${f.score} (${f.evidence.filter((e) => e.counted).length} record${f.evidence.filter((e) => e.counted).length === 1 ? '' : 's'})`);
  const left = evidence.filter((e) => !e.counted).length;
  const explanation =
    (kinds.length === 0 ? 'No counted risk factors' : `${kinds.length} distinct factor${kinds.length === 1 ? '' : 's'}: ${parts.join('; ')}; score ${score}`) +
    (left > 0 ? `. ${left} record${left === 1 ? '' : 's'} not counted (too old, low grade or no further action)` : '') +
    (met.length > 0 ? `. Meets ${met.join(', ')}.` : '. Meets no combination rule.');
  return {
    personId: person.id,
    label: person.label,
    score,
    combination: met.length > 0,
    distinctFactors: kinds.length,
    factorKinds: kinds,
    rules: results,
    factors,
    explanation,
    asOf,
    rulesVersion: `${rules.id}.v${rules.version}`,
  };
}
