/** Small parts of the briefing document: a grade, an entity's flags, a section with its title. */
import type { ReactNode } from 'react';
import type { SnapshotGrading, SnapshotNode } from '../../../server/kernel/snapshot.ts';
import { gradeWords } from './words.ts';

export function Grade({ g }: { g: SnapshotGrading }) {
  return (
    <span className={`grade${g.low ? ' low' : ''}${g.handlingCode === 'C' ? ' conditional' : ''}`} title={gradeWords(g)}>
      {g.code}
    </span>
  );
}

export function Flags({ n }: { n: SnapshotNode }) {
  const flags = [
    n.potentialVictim && 'potential victim',
    n.masked && 'pseudonym',
    n.suspect && 'suspect',
    n.safeguarded && 'safeguarded',
    n.riskScore !== null && n.riskScore >= 0.6 && `risk ${n.riskScore.toFixed(2)}`,
  ].filter(Boolean) as string[];
  return <>{flags.map((f) => <span key={f} className={`flag flag-${f.split(' ')[0]}`}>{f}</span>)}</>;
}

export function Section({ id, title, children, note }: { id: string; title: string; children: ReactNode; note?: ReactNode }) {
  return (
    <section className="doc-section" id={id}>
      <h2>{title}</h2>
      {note && <p className="section-note">{note}</p>}
      {children}
    </section>
  );
}
