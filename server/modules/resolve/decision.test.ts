/**
 * Red-team (docs/security.md, "Attacks tried"): the review queue's hard rule quotes the dates of
 * birth it compared. A potential victim in a pair is masked for an analyst who has not unmasked
 * (name, date of birth: only the year), but the rule handed over her full date of birth.
 */
import { describe, expect, it } from 'vitest';
import { toDecision } from './resolve.service.ts';

const RULE = 'no merge: dates of birth differ by more than a typo (19910521, 19811205) (sent to review: everything else agrees)';

/** A stored decision between a potential victim and another person, as the gateway gives it to this caller. */
function row(o: { victimMasked: boolean }) {
  const victim = o.victimMasked
    ? { id: 'person-1', type: 'PERSON', label: 'Protected person 3F9A2C', potentialVictim: true, birthYear: 1991, masked: true }
    : { id: 'person-1', type: 'PERSON', label: 'Andreea Popa', givenName: 'Andreea', familyName: 'Popa', dateOfBirth: '1991-05-21', potentialVictim: true };
  return {
    decision: { id: 'merge-1', entityType: 'PERSON', status: 'REVIEW', probability: 0.97, weight: 12, rule: RULE, evidence: JSON.stringify([{ field: 'dateOfBirth', level: 'different', weight: -4, a: '1991-05-21', b: '1981-12-05' }]) },
    a: victim,
    b: { id: 'person-2', type: 'PERSON', label: 'Andrea Popa', givenName: 'Andrea', familyName: 'Popa', dateOfBirth: '1981-12-05' },
  };
}

describe('a match decision touching a potential victim', () => {
  it('withholds her date of birth from the rule for a caller who sees her masked, and keeps the other record\'s', () => {
    const d = toDecision(row({ victimMasked: true }), true);
    expect(JSON.stringify(d)).not.toContain('19910521');
    expect(JSON.stringify(d)).not.toContain('1991-05-21');
    expect(d.rule).toBe('no merge: dates of birth differ by more than a typo (withheld, 19811205) (sent to review: everything else agrees)');
    expect(d.evidence[0]).toMatchObject({ a: null, b: '1981-12-05' });
  });

  it('gives the rule as written to a caller who unmasked, and to the command line', () => {
    expect(toDecision(row({ victimMasked: false }), false).rule).toBe(RULE);
    // Unmasked, the victim's own date is hers to see even when the caller's scope masks others.
    expect(toDecision(row({ victimMasked: false }), true).rule).toBe(RULE);
  });
});
