/**
 * A briefing snapshot's content: the immutable record that is hashed, stored and rendered.
 * Pure functions only (no I/O): the content's shape, its marking, its SHA-256 hash over the
 * RFC 8785 canonical JSON form, and the comparison of two versions.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export * from '../../kernel/snapshot.ts';
import { markingLine, type Classification, type HandlingCode, type Marking, type SnapshotContent, type SnapshotDiff, type SnapshotEdge, type SnapshotNode } from '../../kernel/snapshot.ts';

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
 * The distinct handling conditions among graded facts. A source record's grading holds that
 * source's own condition; an entity's or link's grading holds its sources' conditions joined by
 * "; " (server/modules/load), and a condition may itself contain "; ". So joined texts are read
 * back into the conditions the records name, longest match first, and any run of parts no record
 * names is kept as one condition of its own.
 */
export function distinctConditions(recordConditions: Iterable<string>, joinedConditions: Iterable<string>): string[] {
  const known = new Set(recordConditions);
  const out = new Set(known);
  for (const text of joinedConditions) {
    if (known.has(text)) continue;
    const parts = text.split('; ');
    let unnamed: string[] = [];
    const flush = () => {
      if (unnamed.length > 0) out.add(unnamed.join('; '));
      unnamed = [];
    };
    for (let i = 0; i < parts.length; ) {
      let j = parts.length;
      while (j > i && !known.has(parts.slice(i, j).join('; '))) j -= 1;
      if (j > i) {
        flush();
        i = j;
      } else {
        unnamed.push(parts[i]!);
        i += 1;
      }
    }
    flush();
  }
  return [...out].sort();
}

/**
 * The snapshot's marking: the most restrictive classification and handling code of everything it
 * shows (entities, links and the source records in the annex), with every handling condition once.
 */
export function markingOf(nodes: readonly SnapshotNode[], edges: readonly SnapshotEdge[]): Marking {
  const records = edges.flatMap((e) => e.sources.map((s) => s.grading));
  const facts = [...nodes.map((n) => n.grading), ...edges.map((e) => e.grading)];
  const gradings = [...facts, ...records];
  const classification: Classification = gradings.some((g) => g.classification === SENSITIVE) ? SENSITIVE : 'OFFICIAL';
  const handlingCode: HandlingCode = gradings.some((g) => g.handlingCode === 'C') ? 'C' : 'P';
  const conditions = (list: typeof gradings) => list.map((g) => g.handlingConditions).filter((c): c is string => !!c);
  const handlingConditions = handlingCode === 'C' ? distinctConditions(conditions(records), conditions(facts)) : [];
  const marking = { classification, handlingCode, handlingConditions };
  return { ...marking, text: markingLine(marking) };
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
