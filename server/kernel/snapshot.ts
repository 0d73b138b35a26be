/**
 * The shape of a briefing snapshot's record, shared by the server and the briefing page (which
 * imports only this file: no Node modules here).
 */

export const SNAPSHOT_FORMAT = 'lantern-snapshot/1';

/** The self-contained HTML's policy: no script at all, no request, images only from data: URLs. */
export const STANDALONE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export type Classification = 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
export type HandlingCode = 'P' | 'C';

/** Longest handling condition written into the marking line itself; longer ones, or several, are listed on the cover. */
const INLINE_CONDITION = 80;

/**
 * The marking as one short line, for the banner, the PDF's header and footer and the file's
 * metadata: classification and handling code, with the condition itself only when there is one
 * short one; otherwise how many there are and where they are listed (the cover and Annex B).
 */
type MarkingParts = { classification: Classification; handlingCode: HandlingCode; handlingConditions: readonly string[] };

/** Whether the conditions are listed apart from the marking line (several, or one too long for it). */
export function conditionsListedApart(m: MarkingParts): boolean {
  const c = m.handlingCode === 'C' ? m.handlingConditions : [];
  return c.length > 1 || (c.length === 1 && c[0]!.length > INLINE_CONDITION);
}

export function markingLine(m: MarkingParts): string {
  if (m.handlingCode === 'P') return `${m.classification} · Handling code P: lawful sharing permitted`;
  const c = m.handlingConditions;
  const detail = c.length === 0 ? '' : conditionsListedApart(m) ? ` (${c.length === 1 ? 'one condition' : `${c.length} conditions`}, listed on the cover)` : ` (${c[0]})`;
  return `${m.classification} · Handling code C: sharing with conditions${detail}`;
}

/** The 3x5x2 grading of an element or source record, as shown in the briefing. */
export interface SnapshotGrading {
  /** e.g. `2-B-P`: source evaluation, intelligence assessment, handling code. */
  code: string;
  /** 1 reliable, 2 untested, 3 not reliable. */
  sourceEvaluation: 1 | 2 | 3;
  intelligenceAssessment: 'A' | 'B' | 'C' | 'D' | 'E';
  handlingCode: HandlingCode;
  handlingConditions: string | null;
  classification: Classification;
  low: boolean;
}

export interface SnapshotNode {
  id: string;
  type: string;
  label: string;
  subtitle: string | null;
  kind: string | null;
  degree: number;
  supernode: boolean;
  potentialVictim: boolean;
  suspect: boolean;
  safeguarded: boolean;
  riskScore: number | null;
  /** True when the label is a pseudonym and the identity was left out. */
  masked: boolean;
  grading: SnapshotGrading;
  position: { x: number; y: number };
  /** Where it is (WGS84), for an entity with a latitude and a longitude, recorded when the snapshot includes the map. */
  place?: { lat: number; lon: number };
}

/** Where a link came from: one source record. */
export interface SnapshotSource {
  id: string;
  source: string;
  recordKey: string | null;
  recordedAt: string | null;
  grading: SnapshotGrading;
}

export interface SnapshotEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  role: string | null;
  validFrom: string | null;
  validTo: string | null;
  recordedAt: string | null;
  weight: number | null;
  grading: SnapshotGrading;
  sources: SnapshotSource[];
}

/** An analyst's finding, numbered F1, F2, ... so that versions can be compared finding by finding. */
export interface Finding {
  id: string;
  text: string;
  /** Entities and links the finding rests on (all on the snapshot). */
  elementIds: string[];
}

/** An analyst's note on an entity or link of the snapshot. */
export interface SnapshotAnnotation {
  id: string;
  targetId: string;
  text: string;
  author: string;
  createdAt: string;
}

export type SnapshotSelection =
  | { kind: 'ids'; ids: string[]; hops: number }
  | { kind: 'chart'; name: string }
  | { kind: 'elements'; ids: string[] };

export interface Marking {
  classification: Classification;
  handlingCode: HandlingCode;
  /** The conditions of every C-coded fact shown, deduplicated. */
  handlingConditions: string[];
  /** One line: what the banner on every page says. */
  text: string;
}

export interface Masking {
  /** True: potential victims are pseudonyms ("Protected person 3F9A2C") with identities left out. */
  masked: boolean;
  /** How many potential victims the snapshot shows. */
  protectedPeople: number;
  /** Set when unmasked: who did it, with which role, and why. */
  unmaskedBy: { name: string; role: string } | null;
  reason: string | null;
}

/** Everything the hash covers: the snapshot's whole record except its own id and hash. */
export interface SnapshotContent {
  format: typeof SNAPSHOT_FORMAT;
  title: string;
  purpose: string;
  author: { name: string; role: string };
  /** ISO 8601 UTC time of creation. */
  createdAt: string;
  /** "As known on" date (YYYY-MM-DD): facts recorded after it are left out; null is "as known when made". */
  asKnownOn: string | null;
  selection: SnapshotSelection;
  /** The snapshot this one supersedes, and this one's version number (1 for a first snapshot). */
  supersedes: string | null;
  version: number;
  marking: Marking;
  masking: Masking;
  nodes: SnapshotNode[];
  edges: SnapshotEdge[];
  findings: Finding[];
  annotations: SnapshotAnnotation[];
  /** Draw link labels always, or not (large charts). */
  style: { edgeLabels: 'always' | 'hover' };
  /** Set when a limit cut the selection: the briefing says so. */
  truncation: string | null;
  /**
   * Pictures the briefing draws beside the chart: the map of the entities with a place, the
   * occupancy timeline of the dated stays. Absent (records made before them): neither.
   */
  pictures?: SnapshotPictures;
}

export interface SnapshotPictures {
  map: boolean;
  occupancy: boolean;
}

export interface SnapshotDiff {
  addedNodes: string[];
  removedNodes: string[];
  addedEdges: string[];
  removedEdges: string[];
  /** Entities on both whose label, flags or grading changed. */
  changedNodes: string[];
  /** Links on both whose validity, grading or sources changed. */
  changedEdges: string[];
  addedFindings: Finding[];
  removedFindings: Finding[];
  changedFindings: { id: string; before: Finding; after: Finding }[];
}

/** What the briefing page renders: a stored snapshot. */
export interface BriefingInput {
  id: string;
  hash: string;
  content: SnapshotContent;
}
