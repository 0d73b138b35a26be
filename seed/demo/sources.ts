/**
 * The demo's fictional source systems, each with the grading its records carry (UK 3x5x2:
 * source evaluation, intelligence assessment, handling code with conditions) and a security
 * classification. Every entity and link in the demo cites records of these systems, and takes
 * the best grading among them (docs/model.md).
 */
import type { SourceGrading } from '../../server/modules/load/load.service.ts';

export type SourceCode = 'TVCR' | 'INTEL' | 'VISITS' | 'ADMON' | 'COMMS' | 'VRU' | 'COREG' | 'LICENSING' | 'SAFE' | 'ANPR';

export interface SourceSystem {
  code: SourceCode;
  name: string;
  description: string;
  /** The export file its records come from (seed/demo/sources/, written by export.ts). */
  file: string;
  /** Whether the file starts with a header row (a record's line is then its number + 1). */
  header: boolean;
  /** Gradings its records carry, with their relative frequency. */
  gradings: readonly { weight: number; grading: SourceGrading }[];
}

/** The grading at `u` (in [0, 1)) along a system's gradings laid end to end by weight. */
export function gradingAt(sys: SourceSystem, u: number): SourceGrading {
  let r = u * sys.gradings.reduce((s, g) => s + g.weight, 0);
  for (const g of sys.gradings) {
    r -= g.weight;
    if (r < 0) return g.grading;
  }
  return sys.gradings[0]!.grading;
}

const P = (se: 1 | 2 | 3, ia: 'A' | 'B' | 'C' | 'D' | 'E', classification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE' = 'OFFICIAL'): SourceGrading => ({
  sourceEvaluation: se,
  intelligenceAssessment: ia,
  handlingCode: 'P',
  handlingConditions: null,
  classification,
});
const C = (se: 1 | 2 | 3, ia: 'A' | 'B' | 'C' | 'D' | 'E', conditions: string): SourceGrading => ({
  sourceEvaluation: se,
  intelligenceAssessment: ia,
  handlingCode: 'C',
  handlingConditions: conditions,
  classification: 'OFFICIAL-SENSITIVE',
});

export const SOURCE_SYSTEMS: Record<SourceCode, SourceSystem> = {
  TVCR: {
    code: 'TVCR',
    name: 'Crime records (fictional)',
    description: 'Recorded crimes, suspects and victims from the force crime recording system.',
    file: 'tvcr-crimes-2025.csv',
    header: true,
    gradings: [{ weight: 1, grading: P(1, 'B') }],
  },
  INTEL: {
    code: 'INTEL',
    name: 'Intelligence log (fictional)',
    description: 'Intelligence reports of mixed quality: untested sources, hearsay, community information.',
    file: 'intel-log-2025.ndjson',
    header: false,
    gradings: [
      { weight: 5, grading: P(2, 'C', 'OFFICIAL-SENSITIVE') },
      { weight: 3, grading: C(3, 'D', 'Not to be disseminated outside law enforcement without reference to the originator.') },
      { weight: 2, grading: C(2, 'B', 'Not to be used in evidence; contact the source handler before action.') },
    ],
  },
  VISITS: {
    code: 'VISITS',
    name: 'Partnership visit records (fictional)',
    description: 'Officers’ records of visits to premises during the operations: who was there, outcome.',
    file: 'visit-records-2025.csv',
    header: true,
    gradings: [{ weight: 1, grading: P(1, 'A') }],
  },
  ADMON: {
    code: 'ADMON',
    name: 'Advert monitoring (fictional)',
    description: 'Adult-services adverts captured from listing sites, with phone numbers and locations.',
    file: 'advert-capture-2025.json',
    header: false,
    gradings: [{ weight: 1, grading: P(2, 'B') }],
  },
  COMMS: {
    code: 'COMMS',
    name: 'Phone billing (fictional)',
    description: 'Communications data: call counts between numbers, first and last call.',
    file: 'billing-returns-2025.csv',
    header: true,
    gradings: [{ weight: 1, grading: C(1, 'A', 'Communications data: intelligence use only; evidential use needs a fresh authorisation.') }],
  },
  VRU: {
    code: 'VRU',
    name: 'VRU risk register (fictional)',
    description: 'Violence Reduction Unit risk profiles built across police systems: risk factors per person.',
    file: 'vru-risk-register-2025.tsv',
    header: true,
    gradings: [{ weight: 1, grading: C(2, 'B', 'Share only with partners signed up to the VRU information-sharing agreement.') }],
  },
  COREG: {
    code: 'COREG',
    name: 'Company register extract (fictional)',
    description: 'Companies, their status and officers.',
    file: 'company-register-extract.txt',
    header: true,
    gradings: [{ weight: 1, grading: P(1, 'A') }],
  },
  LICENSING: {
    code: 'LICENSING',
    name: 'Council licensing records (fictional)',
    description: 'Special treatment and premises licences held by the councils.',
    file: 'council-licensing-2025.csv',
    header: true,
    gradings: [{ weight: 1, grading: P(1, 'A') }],
  },
  SAFE: {
    code: 'SAFE',
    name: 'Safeguarding and referrals log (fictional)',
    description: 'Potential victims, NRM and Duty to Notify referrals, Victims First referrals.',
    file: 'safeguarding-log-2025.csv',
    header: true,
    gradings: [{ weight: 1, grading: C(1, 'A', 'Victim data: need to know; do not disclose identities outside safeguarding partners.') }],
  },
  ANPR: {
    code: 'ANPR',
    name: 'Vehicle sightings (fictional)',
    description: 'Number-plate sightings of vehicles near premises.',
    file: 'anpr-sightings-2025.csv',
    header: false,
    gradings: [{ weight: 1, grading: P(1, 'B', 'OFFICIAL-SENSITIVE') }],
  },
};
