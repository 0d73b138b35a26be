/** Offences as the crime system records them: category, legislation, status, where, and who. */
import type { SourceCode } from '../sources.ts';
import type { Scene } from './scene.ts';

export const LEGISLATION: Record<string, string> = {
  MODERN_SLAVERY: 'Modern Slavery Act 2015 s.1',
  TRAFFICKING: 'Modern Slavery Act 2015 s.2',
  CONTROLLING_PROSTITUTION: 'Sexual Offences Act 2003 s.53',
  DRUG_SUPPLY: 'Misuse of Drugs Act 1971 s.4(3)',
  IMMIGRATION: 'Immigration, Asylum and Nationality Act 2006 s.21',
  VIOLENCE: 'Offences Against the Person Act 1861 s.47',
  WEAPONS: 'Criminal Justice Act 1988 s.139',
};

export class Offences {
  readonly recorded: { id: string; category: string; occurredOn: string }[] = [];
  private seq = 0;

  constructor(private readonly s: Scene) {}

  record(category: string, occurredOn: string, status: string, at: string | null, parties: { id: string; role: string }[], code: SourceCode = 'TVCR'): string {
    const { b } = this.s;
    const src = b.record(code, occurredOn, `Crime recorded: ${category.toLowerCase().replace(/_/g, ' ')}`);
    this.seq += 1;
    const o = b.entity('OFFENCE', { category, legislation: LEGISLATION[category], occurredOn, status, reference: `43/${String(20000 + this.seq * 37)}/25` }, src);
    if (at) b.link('OCCURRED_AT', o, at, src);
    for (const p of parties) {
      b.link('INVOLVED_IN', p.id, o, src, { role: p.role });
      if (b.get(p.id).type === 'PERSON') b.cite(p.id, src);
    }
    this.recorded.push({ id: o, category, occurredOn });
    return o;
  }
}
