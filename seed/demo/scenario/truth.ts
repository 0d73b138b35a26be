/** The demo's ground truth: what was planted, for tests, benchmarks and the dashboards' checks. */

export interface NetworkTruth {
  id: string;
  name: string;
  towns: string[];
  premisesIds: string[];
  controllerIds: string[];
  driverIds: string[];
  workerIds: string[];
  nomineeDirectorIds: string[];
  phoneIds: string[];
  vehicleIds: string[];
  advertIds: string[];
  organisationIds: string[];
  accountIds: string[];
}

/** A network's truth before any of its ids are known. */
export function emptyNetwork(id: string, name: string, towns: string[]): NetworkTruth {
  return { id, name, towns, premisesIds: [], controllerIds: [], driverIds: [], workerIds: [], nomineeDirectorIds: [], phoneIds: [], vehicleIds: [], advertIds: [], organisationIds: [], accountIds: [] };
}

/** What an operation (or both together) achieved, counted the same way for each and for the totals. */
export interface OutcomeCounts {
  safeguarded: number;
  referralsByKind: Record<string, number>;
  offencesByCategory: Record<string, number>;
}

export interface OperationTruth extends OutcomeCounts {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  visits: number;
  premisesVisited: number;
  peopleEncountered: number;
  potentialVictimsIdentified: number;
}

export type PotentialVictimTruth = { personId: string; operationId: string; visitId: string; identifiedOn: string; safeguarded: boolean; referralIds: string[]; child: boolean };
export type DuplicateTruth = { personIds: string[]; sources: string[]; differences: string };
/**
 * A worker the scenario moved from parlour to parlour of their network (every stay about two to
 * four weeks, the next beginning the day after): the WORKS_AT stays in order. What the circuits
 * finder (docs/analytics.md#circuits) should find.
 */
export type RotationTruth = { personId: string; networkId: string; premisesIds: string[]; stays: { premisesId: string; from: string; to: string }[] };
export type NoiseTruth = { description: string; ids: string[] };

export interface DemoTruth {
  scenario: 'lantern-demo';
  version: 1;
  seed: number;
  synthetic: true;
  description: string;
  networks: NetworkTruth[];
  potentialVictims: PotentialVictimTruth[];
  duplicates: DuplicateTruth[];
  operations: OperationTruth[];
  /** The planted rotations: workers moved between premises, one entry per worker through two or more. */
  rotations: RotationTruth[];
  /** The people planted with a combination of risk factors (two or more distinct kinds). */
  riskFactorCombination: string[];
  totals: OutcomeCounts & {
    premisesOfInterest: number;
    premisesVisited: number;
    peopleWithRiskFactorCombination: number;
    potentialVictims: number;
  };
  noise: NoiseTruth[];
}
