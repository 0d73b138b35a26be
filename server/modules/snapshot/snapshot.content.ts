/**
 * A briefing snapshot's content: the immutable record that is hashed, stored and rendered.
 * Pure functions only (no I/O): the content's shape, its marking, its SHA-256 hash over the
 * RFC 8785 canonical JSON form, and the comparison of two versions.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export * from './snapshot.types.ts';
import type { Classification, HandlingCode, Marking, SnapshotContent, SnapshotDiff, SnapshotEdge, SnapshotNode } from './snapshot.types.ts';

/** The RFC 8785 (JSON Canonicalization Scheme) form of the content: what the hash is taken over. */
export function canonicalForm(content: SnapshotContent): string {
  const text = canonicalize(content);
  if (text === undefined) throw new Error('snapshot content cannot be canonicalised');
  return text;
}

/** SHA-256 of the canonical form, lower-case hex. */
export function contentHash(content: SnapshotContent): string {
  return createHash('sha256').update(canonicalForm(content), 'utf8').digest('hex');
}

/** The hash as printed on the briefing: groups of eight for reading aloud. */
export function printedHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(' ') ?? hash;
}

const SENSITIVE: Classification = 'OFFICIAL-SENSITIVE';

/**
 * The snapshot's marking: the most restrictive classification and handling code of everything it
 * shows (entities, links and the source records in the annex), with every handling condition.
 */
export function markingOf(nodes: readonly SnapshotNode[], edges: readonly SnapshotEdge[]): Marking {
  const gradings = [...nodes.map((n) => n.grading), ...edges.flatMap((e) => [e.grading, ...e.sources.map((s) => s.grading)])];
  const classification: Classification = gradings.some((g) => g.classification === SENSITIVE) ? SENSITIVE : 'OFFICIAL';
  const handlingCode: HandlingCode = gradings.some((g) => g.handlingCode === 'C') ? 'C' : 'P';
  const handlingConditions = [...new Set(gradings.map((g) => g.handlingConditions).filter((c): c is string => !!c))].sort();
  const handling = handlingCode === 'P' ? 'Handling code P: lawful sharing permitted' : `Handling code C: sharing with conditions${handlingConditions.length ? ` (${handlingConditions.join('; ')})` : ''}`;
  return { classification, handlingCode, handlingConditions, text: `${classification} · ${handling}` };
}



function keyed<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/** What changed between two versions of a snapshot (positions alone are not a change). */
export function diffContents(before: SnapshotContent, after: SnapshotContent): SnapshotDiff {
  const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);
  const compare = <T extends { id: string }>(a: readonly T[], b: readonly T[], strip: (x: T) => unknown) => {
    const A = keyed(a);
    const B = keyed(b);
    return {
      added: b.filter((x) => !A.has(x.id)),
      removed: a.filter((x) => !B.has(x.id)),
      changed: b.filter((x) => A.has(x.id) && !same(strip(A.get(x.id)!), strip(x))).map((x) => ({ before: A.get(x.id)!, after: x })),
    };
  };
  const nodes = compare(before.nodes, after.nodes, ({ position: _p, degree: _d, ...rest }) => rest);
  const edges = compare(before.edges, after.edges, (x) => x);
  const findings = compare(before.findings, after.findings, (x) => x);
  return {
    addedNodes: nodes.added.map((x) => x.id),
    removedNodes: nodes.removed.map((x) => x.id),
    changedNodes: nodes.changed.map((x) => x.after.id),
    addedEdges: edges.added.map((x) => x.id),
    removedEdges: edges.removed.map((x) => x.id),
    changedEdges: edges.changed.map((x) => x.after.id),
    addedFindings: findings.added,
    removedFindings: findings.removed,
    changedFindings: findings.changed.map((x) => ({ id: x.after.id, before: x.before, after: x.after })),
  };
}
