/**
 * Risk rules and scoring without a database: the rules file is validated with errors that name
 * the line and key; a profile explains each factor with its multipliers; decay, grading, offence
 * status, the asOf date and the combination rule change the answer as the rules say.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_FILE, parseRiskRules, riskRules } from './rules.ts';
import { profile, type EvidenceRow } from './score.ts';

const rules = riskRules();
const graded = (se: number, ia: string) => ({ sourceEvaluation: se, intelligenceAssessment: ia, handlingCode: 'P', classification: 'OFFICIAL' });
const factor = (kind: string, date: string, o: Partial<EvidenceRow> = {}): EvidenceRow => ({
  origin: 'RISK_FACTOR',
  linkId: `link-${kind}-${date}`,
  linkGrading: graded(1, 'A'),
  linkSourceIds: ['src-link'],
  linkRecordedAt: `${date}T10:00:00Z`,
  entityId: `riskfactor-${kind}-${date}`,
  entityLabel: kind,
  kind,
  date,
  entityGrading: graded(1, 'A'),
  entitySourceIds: ['src-entity'],
  ...o,
});

describe('the risk rules file', () => {
  it('loads the versioned rules in force', () => {
    expect(rules.id).toBe('risk-rules');
    expect(rules.version).toBe(1);
    expect(Object.keys(rules.factors)).toEqual(expect.arrayContaining(['ORGANISED_CRIME', 'DRUGS', 'VIOLENCE', 'WEAPONS', 'MULTI_AGENCY_PLAN']));
    expect(rules.combinations.map((c) => c.id)).toContain('two-or-more-distinct');
  });

  it('names the line and the key of a bad value', () => {
    const text = fs.readFileSync(RULES_FILE, 'utf8').replace('DRUGS:             { label: Involvement in drug supply,      weight: 0.8', 'DRUGS:             { label: Involvement in drug supply,      weight: -2');
    const line = text.split('\n').findIndex((l) => l.includes('weight: -2')) + 1;
    expect(() => parseRiskRules(text, 'rules.yaml')).toThrow(new RegExp(`rules\\.yaml:${line}: factors\\.DRUGS\\.weight: `));
  });

  it('refuses an offence mapped to a factor that does not exist, and unknown keys', () => {
    const text = fs.readFileSync(RULES_FILE, 'utf8');
    expect(() => parseRiskRules(text.replace('DRUG_SUPPLY: DRUGS', 'DRUG_SUPPLY: NARCOTICS'), 'r')).toThrow(/offenceFactors\.DRUG_SUPPLY: NARCOTICS is not one of the factors/);
    expect(() => parseRiskRules(text.replace('repeatShare: 0.25', 'repeatShare: 0.25\nrepeatShar: 1'), 'r')).toThrow(/repeatShar/);
    expect(() => parseRiskRules('factors: [1', 'r')).toThrow(/^r:\d+:/);
  });
});

describe('a risk profile', () => {
  it('explains each factor: weight x grading x decay = contribution, with its sources', () => {
    const p = profile(rules, { id: 'person-1', label: 'A B', evidence: [factor('DRUGS', '2025-01-01', { linkGrading: graded(2, 'B') })] }, '2025-01-01');
    const e = p.factors[0]!.evidence[0]!;
    expect(e).toMatchObject({ kind: 'DRUGS', weight: 0.8, gradeMultiplier: 0.6375, decay: 1, statusMultiplier: 1, ageDays: 0, counted: true });
    expect(e.contribution).toBeCloseTo(0.8 * 0.75 * 0.85, 4);
    expect(e.sourceIds.sort()).toEqual(['src-entity', 'src-link']);
    expect(p.score).toBeCloseTo(e.contribution, 4);
    expect(p.combination).toBe(false);
    expect(p.explanation).toMatch(/1 distinct factor: Involvement in drug supply 0\.51/);
  });

  it('halves a contribution after one half-life and drops evidence older than the maximum age', () => {
    const half = rules.factors.DRUGS!.halfLifeDays;
    const asOf = new Date(Date.parse('2020-01-01T00:00:00Z') + half * 86_400_000).toISOString().slice(0, 10);
    const p = profile(rules, { id: 'p', label: 'p', evidence: [factor('DRUGS', '2020-01-01')] }, asOf);
    expect(p.factors[0]!.evidence[0]!.decay).toBeCloseTo(0.5, 4);
    const old = profile(rules, { id: 'p', label: 'p', evidence: [factor('DRUGS', '2010-01-01')] }, '2025-01-01');
    expect(old.factors[0]!.evidence[0]).toMatchObject({ counted: false, note: expect.stringMatching(/older than/) });
    expect(old.score).toBe(0);
  });

  it('meets "two or more distinct factors" with two kinds, not with two records of one kind', () => {
    const two = profile(rules, { id: 'p', label: 'p', evidence: [factor('DRUGS', '2025-01-01'), factor('VIOLENCE', '2025-02-01')] }, '2025-06-01');
    expect(two).toMatchObject({ combination: true, distinctFactors: 2, factorKinds: expect.arrayContaining(['DRUGS', 'VIOLENCE']) });
    expect(two.rules.find((r) => r.id === 'two-or-more-distinct')!.met).toBe(true);
    const same = profile(rules, { id: 'p', label: 'p', evidence: [factor('DRUGS', '2025-01-01'), factor('DRUGS', '2025-02-01')] }, '2025-06-01');
    expect(same.combination).toBe(false);
    // The second record adds its repeat share, capped at the factor's weight.
    expect(same.factors[0]!.score).toBeGreaterThan(same.factors[0]!.evidence[0]!.contribution);
    expect(same.factors[0]!.score).toBeLessThanOrEqual(0.8);
  });

  it('counts nothing graded E (suspected false) and nothing recorded after asOf', () => {
    const p = profile(rules, { id: 'p', label: 'p', evidence: [factor('DRUGS', '2025-01-01', { linkGrading: graded(2, 'E') }), factor('VIOLENCE', '2025-07-01')] }, '2025-06-01');
    expect(p.factors.map((f) => f.kind)).toEqual(['DRUGS']);
    expect(p.factors[0]!.evidence[0]).toMatchObject({ counted: false, contribution: 0 });
    expect(p.distinctFactors).toBe(0);
  });

  it('maps an offence to its factor when the person is a suspect, weighted by status; NFA and victims count nothing', () => {
    const offence = (role: string, status: string) => factor('x', '2025-01-01', { origin: 'OFFENCE', role, kind: 'DRUG_SUPPLY', status, linkId: `l-${role}-${status}` });
    const p = profile(rules, { id: 'p', label: 'p', evidence: [offence('SUSPECT', 'CHARGED'), offence('SUSPECT', 'NFA'), offence('VICTIM', 'CONVICTED')] }, '2025-01-01');
    expect(p.factors).toHaveLength(1);
    const [charged, nfa] = p.factors[0]!.evidence;
    expect(charged).toMatchObject({ kind: 'DRUGS', origin: 'OFFENCE', statusMultiplier: 0.9, counted: true });
    expect(nfa).toMatchObject({ statusMultiplier: 0, counted: false, note: 'offence status NFA' });
  });
});
