/** People as one Scheme for the resolver (scheme.ts): their preparation, comparisons, blocking keys, rules and evidence. */
import { COMPARISONS, comparePeople } from './compare.ts';
import { blockingKeys, TRAINING_SESSIONS } from './blocking.ts';
import { preparePerson, type PersonInput, type Prepared } from './person.ts';
import { personConflicts, personDecisive, personHolds, personReviewsConflict, personSureMatch, personSureMatchRecall } from './person-rules.ts';
import { joined, type Scheme } from './scheme.ts';
import { splitName } from './text.ts';

/** A field of a person as the review queue and the evidence show it. */
function showPerson(p: PersonInput, field: string): string | null {
  switch (field) {
    case 'givenName':
      return p.givenName ?? (p.fullName ? splitName(p.fullName).givenName || null : null);
    case 'familyName':
      return p.familyName ?? (p.fullName ? splitName(p.fullName).familyName || null : null);
    case 'dateOfBirth':
      return p.dateOfBirth ?? null;
    case 'gender':
      return p.gender ?? null;
    case 'phone':
      return joined(p.phones);
    case 'email':
      return joined(p.emails);
    case 'address':
      return joined([...(p.addresses ?? []), ...(p.postcodes ?? [])]);
    case 'town':
      return joined(p.towns);
    case 'identifier':
      return joined(p.identifiers);
    default:
      return null;
  }
}

export const PEOPLE: Scheme<PersonInput, Prepared> = {
  type: 'PERSON',
  comparisons: COMPARISONS,
  sessions: TRAINING_SESSIONS,
  prepare: preparePerson,
  compare: comparePeople,
  blockingKeys,
  conflicts: personConflicts,
  holds: personHolds,
  reviewsConflict: personReviewsConflict,
  sureMatch: personSureMatch,
  sureMatchRecall: personSureMatchRecall,
  decisive: personDecisive,
  termFrequency: { givenName: (p) => p.given, familyName: (p) => p.family },
  show: showPerson,
};
