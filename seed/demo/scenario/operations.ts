/**
 * The two operations: a week of action in June and three weeks from 22 August. Premises are
 * visited in date order; who is encountered follows who was working there that day; potential
 * victims are identified (up to each operation's target), safeguarded or not, referred, and
 * taken out of their network's rota.
 */
import { TOWNS } from '../places.ts';
import type { Planted } from './networks.ts';
import type { Business } from './premises.ts';
import { day, weekdays, type Scene } from './scene.ts';
import type { PotentialVictimTruth } from './truth.ts';

export const OPS = {
  june: { name: 'Operation Kestrel', startDate: '2025-06-23', endDate: '2025-06-29', description: 'Week of action against modern slavery and human trafficking (Project Aidant-style, fictional).' },
  august: { name: 'Operation Harrier', startDate: '2025-08-22', endDate: '2025-09-09', description: 'Three weeks of activity focused on massage parlours (Project Aidant-style, fictional).' },
};

const JUNE_AGENCIES = ['Thames Valley Police', 'Immigration Enforcement', 'Border Force', 'HM Revenue and Customs', 'Department for Work and Pensions', 'British Transport Police'];
const NOT_VISITED_IN_AUGUST = 3;
/** How many potential victims each operation identifies at the networks' parlours. */
const TARGET = { june: 17, august: 5 };

export interface Visit {
  id: string;
  opId: string;
  premisesId: string;
  date: string;
  record: string;
  encountered: { personId: string; role: string }[];
}

/** The operations as entities; the first thing the scenario records. */
export function addOperations(s: Scene): { june: string; august: string } {
  const { b } = s;
  const juneOrder = b.record('VISITS', '2025-06-20T09:00:00Z', `${OPS.june.name}: operation order`);
  const june = b.entity('OPERATION', { ...OPS.june, lead: 'Thames Valley Police' }, juneOrder);
  const augustOrder = b.record('VISITS', '2025-08-19T09:00:00Z', `${OPS.august.name}: operation order`);
  const august = b.entity('OPERATION', { ...OPS.august, lead: 'Thames Valley Police' }, augustOrder);
  return { june, august };
}

export class Campaign {
  readonly visits: Visit[] = [];
  readonly potentialVictims: PotentialVictimTruth[] = [];
  /** The day each potential victim was taken out of the rota. */
  readonly removedOn = new Map<string, string>();
  readonly referralsOf = new Map<string, string[]>();
  readonly juneDays = weekdays(OPS.june.startDate, OPS.june.endDate);
  readonly augustDays = weekdays(OPS.august.startDate, OPS.august.endDate);
  private readonly identified = new Map<string, number>();

  constructor(
    private readonly s: Scene,
    readonly ops: { june: string; august: string },
    private readonly planted: Planted,
    private readonly legit: Business[],
  ) {}

  /** Every visit of both operations, in date order. */
  visitAll(): void {
    const { rng } = this.s;
    const { june, august } = this.ops;
    const legit = this.legit;
    const carWash = legit.find((l) => l.kind === 'CAR_WASH')!;
    const juneLegit = [carWash, ...rng.sample(legit.filter((l) => l.kind === 'NAIL_BAR'), 2), ...rng.sample(legit.filter((l) => l.kind === 'MASSAGE_PARLOUR'), 2)];
    const notVisitedInAugust = new Set(rng.sample(legit.filter((l) => l !== carWash).map((l) => l.id), NOT_VISITED_IN_AUGUST));
    const plan: { opId: string; premisesId: string; date: string }[] = [
      ...[...this.planted.parlours, ...juneLegit.map((l) => l.id)].map((p) => ({ opId: june, premisesId: p, date: rng.pick(this.juneDays) })),
      ...[...this.planted.parlours, ...legit.map((l) => l.id)].filter((p) => !notVisitedInAugust.has(p)).map((p) => ({ opId: august, premisesId: p, date: rng.pick(this.augustDays) })),
    ].sort((x, y) => (x.date === y.date ? x.premisesId.localeCompare(y.premisesId) : x.date.localeCompare(y.date)));
    const juneDeclines = { left: 2 };
    for (const step of plan) this.visit(step, juneDeclines);
  }

  private visit(step: { opId: string; premisesId: string; date: string }, juneDeclines: { left: number }): void {
    const { rng, b } = this.s;
    const { june, august } = this.ops;
    const isNetwork = this.planted.parlours.includes(step.premisesId);
    const leg = this.legit.find((l) => l.id === step.premisesId);
    const agencies = step.opId === june ? rng.sample(JUNE_AGENCIES, rng.int(2, 4)) : ['Thames Valley Police', 'Immigration Enforcement', TOWNS.find((t) => t.name === b.get(step.premisesId).props.town)!.council];
    if (!agencies.includes('Thames Valley Police')) agencies.unshift('Thames Valley Police');
    const record = b.record('VISITS', step.date, `Visit to ${String(b.get(step.premisesId).props.name ?? b.get(step.premisesId).props.addressLine)}`);
    const v: Visit = { id: '', opId: step.opId, premisesId: step.premisesId, date: step.date, record, encountered: [] };
    const noAccess = !isNetwork && rng.chance(step.opId === august ? 0.14 : 0.05);
    let outcome = 'NO_CONCERNS';
    if (noAccess) outcome = rng.chance(0.5) ? 'NO_ACCESS' : 'CLOSED';
    else if (isNetwork) {
      const fresh = rng.shuffle(this.presentAt(step.premisesId, step.date).filter((p) => !this.removedOn.has(p)));
      const target = step.opId === june ? TARGET.june : TARGET.august;
      let pending = 0;
      for (const w of fresh) {
        if ((this.identified.get(step.opId) ?? 0) + pending < target && rng.chance(step.opId === june ? 0.85 : 0.3)) {
          pending += 1;
          v.encountered.push({ personId: w, role: 'POTENTIAL_VICTIM' });
        } else v.encountered.push({ personId: w, role: 'WORKER' });
        b.cite(w, record);
      }
      outcome = v.encountered.some((e) => e.role === 'POTENTIAL_VICTIM') ? 'SAFEGUARDING' : 'CONCERNS_RAISED';
    } else if (leg) {
      const staff = leg.staff.slice(0, leg.kind === 'CAR_WASH' ? 3 : rng.chance(0.8) ? 1 : leg.staff.length);
      for (const person of staff) {
        v.encountered.push({ personId: person, role: person === leg.staff[0] ? 'MANAGER' : 'WORKER' });
        b.cite(person, record);
      }
    }
    v.id = b.entity('VISIT', { visitedOn: step.date, outcome, agencies }, record);
    b.link('INCLUDES_VISIT', step.opId, v.id, record);
    b.link('VISIT_AT', v.id, step.premisesId, record, { validFrom: step.date });
    this.visits.push(v);
    for (const e of v.encountered) {
      if (e.role !== 'POTENTIAL_VICTIM') continue;
      const safeguarded = !(step.opId === june && juneDeclines.left > 0 && rng.chance(0.2));
      if (!safeguarded) juneDeclines.left -= 1;
      this.identify(e.personId, v, { safeguarded });
    }
    // Stays seen at the visit are confirmed by its record.
    for (const e of v.encountered) {
      for (const stay of this.s.stays) if (stay.personId === e.personId && stay.premisesId === step.premisesId && stay.from <= step.date && stay.to >= step.date) stay.extraSources.push(record);
    }
  }

  /** Who was working at premises p on a date, leaving out those already taken out of the rota. */
  private presentAt(p: string, date: string): string[] {
    const removed = this.removedOn;
    return this.s.stays
      .filter((st) => st.kind === 'WORKS_AT' && st.premisesId === p && st.from <= date && st.to >= date && !(removed.has(st.personId) && removed.get(st.personId)! < date))
      .map((st) => st.personId);
  }

  /** A potential victim identified at a visit: flagged, referred, and out of the network's rota. */
  identify(pv: string, v: Visit, o: { safeguarded: boolean }): void {
    const { rng, b } = this.s;
    const child = this.planted.workerMeta.get(pv)?.child ?? false;
    const e = b.get(pv);
    e.props.potentialVictim = true;
    e.props.safeguarded = o.safeguarded;
    b.cite(pv, b.record('SAFE', v.date, 'Potential victim identified at a visit'));
    if (child) this.referral(pv, 'NRM', v.date, 'Reasonable grounds: positive');
    else if (o.safeguarded && rng.chance(0.75)) this.referral(pv, 'NRM', day(v.date, rng.int(0, 2)), rng.pick(['Reasonable grounds: positive', 'Awaiting decision']));
    else this.referral(pv, 'DUTY_TO_NOTIFY', day(v.date, rng.int(0, 3)), 'Adult declined NRM; Home Office notified');
    if (o.safeguarded && !child && rng.chance(0.6)) this.referral(pv, 'VICTIMS_FIRST', day(v.date, rng.int(1, 5)), 'Specialist support accepted');
    if (child) this.referral(pv, 'SAFEGUARDING', v.date, 'Children’s social care strategy meeting');
    this.potentialVictims.push({ personId: pv, operationId: v.opId, visitId: v.id, identifiedOn: v.date, safeguarded: o.safeguarded, referralIds: [], child });
    this.identified.set(v.opId, (this.identified.get(v.opId) ?? 0) + 1);
    // Safeguarded or not, a potential victim identified leaves the network's rota.
    this.removedOn.set(pv, v.date);
  }

  private referral(pv: string, kind: string, referredOn: string, outcome: string): void {
    const { b } = this.s;
    const src = b.record('SAFE', referredOn, `${kind.replace(/_/g, ' ')} referral made`);
    const r = b.entity('REFERRAL', { kind, referredOn, outcome }, [src]);
    b.link('REFERRAL_FOR', r, pv, src);
    b.cite(pv, src);
    this.referralsOf.set(pv, [...(this.referralsOf.get(pv) ?? []), r]);
  }
}
