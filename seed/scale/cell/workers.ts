/**
 * The workers of a cell's planted network and what follows them: their dated stays at the
 * parlours, the adverts that feature them, and the operation's visits that encounter them, where
 * potential victims are identified and referred.
 */
import crypto from 'node:crypto';
import type { NetworkTruth } from '../../demo/scenario/truth.ts';
import type { ScaleTruth } from '../generate.ts';
import { AUG_DAYS, day, type Cell } from './cell.ts';
import type { Bosses, Front, Site, Stay } from './network.ts';

const WINDOW_END = '2025-09-30';
const SITES = [
  'citymassage-listings.example',
  'thamesvalley-adults.example',
  'pleasurepages.example',
];

/** Nine workers rotating between the parlours in dated stays, living in the HMO. */
export function workers(
  c: Cell,
  net: NetworkTruth,
  { parlours, hmo }: Site,
  { ctl, own }: Bosses,
  { shared, co }: Front,
): Stay[] {
  const rng = c.rng;
  const stays: Stay[] = [];
  for (let w = 0; w < 9; w++) {
    const start = c.date('2025-04-01', '2025-06-15');
    const wIntel = c.record('INTEL', day(start, rng.int(3, 15)), 'New worker seen at premises');
    const worker = c.person(rng.pick(['ROU', 'CHN', 'VNM', 'THA']), 'F', [1991, 2004], wIntel);
    net.workerIds.push(worker);
    let at = start;
    let prev = '';
    for (let s = 0; s < 6 && at < WINDOW_END; s++) {
      const p = rng.pick(parlours.filter((x) => x !== prev));
      const to = day(at, rng.int(10, 26));
      c.link(
        'WORKS_AT',
        worker,
        p,
        s === 0
          ? wIntel
          : c.record('INTEL', day(at, rng.int(2, 10)), 'Worker seen at different premises'),
        { validFrom: at, validTo: to },
      );
      stays.push({ personId: worker, premisesId: p, from: at, to });
      prev = p;
      at = day(to, 1);
    }
    c.link(
      'LIVES_AT',
      worker,
      hmo,
      c.record('INTEL', day(start, rng.int(5, 20)), 'Worker living at address'),
      { validFrom: start },
    );
    if (rng.chance(0.55)) {
      const ph = c.phone(wIntel);
      c.link('USES_PHONE', worker, ph, wIntel, { validFrom: start });
      c.called(own, ph, c.comms());
    }
    if (rng.chance(0.4))
      c.link(
        'ASSOCIATE_OF',
        ctl,
        worker,
        c.record(
          'INTEL',
          day(start, rng.int(10, 40)),
          'Subject controls the worker’s movements and money',
        ),
        { role: 'CONTROLS' },
      );
    if (w < 3) c.link('HOLDS_ACCOUNT', worker, shared, co);
  }
  return stays;
}

/** Adverts for the parlours and the short let, listing the booking phones, featuring workers there. */
export function adverts(
  c: Cell,
  net: NetworkTruth,
  { parlours, shortLet, booking }: Site,
  stays: Stay[],
): void {
  const rng = c.rng;
  for (const [i, p] of [...parlours, shortLet].entries()) {
    for (let a = 0; a < (p === shortLet ? 1 : 3); a++) {
      const postedOn = c.date('2025-04-15', '2025-09-20');
      const src = c.record('ADMON', postedOn, 'Advert captured');
      const site = rng.pick(SITES);
      const ad = c.entity(
        'ADVERT',
        {
          site,
          title: `${rng.pick(['New girls this week', 'Relaxing full body massage', 'Open late, discreet parking'])} – ${String(c.props(p).town)}`,
          postedOn,
          contentHash: crypto.createHash('sha256').update(`scale|${c.tag}|${i}|${a}`).digest('hex'),
          obscuredNumber: rng.chance(0.25),
        },
        src,
      );
      net.advertIds.push(ad);
      c.link('ADVERT_LISTS_PHONE', ad, booking[(i + a) % 2]!, src);
      c.link('ADVERT_LOCATED_AT', ad, p, src);
      const there = stays.filter(
        (s) => s.premisesId === p && s.from <= postedOn && s.to >= postedOn,
      );
      for (const s of rng.sample(there.length ? there : stays.slice(0, 2), rng.int(1, 2)))
        c.link('ADVERT_FEATURES', ad, s.personId, src);
    }
  }
}

/**
 * Visits of the operation: each parlour twice, the HMO once; workers there are encountered, and
 * up to four are identified as potential victims, with referrals.
 */
export function visits(
  c: Cell,
  net: NetworkTruth,
  { parlours, hmo }: Site,
  stays: Stay[],
  truth: ScaleTruth,
): void {
  const rng = c.rng;
  let identified = 0;
  for (const p of [...parlours, ...parlours, hmo]) {
    const date = rng.pick(AUG_DAYS);
    const present =
      p === hmo
        ? net.workerIds.slice(0, 3)
        : stays
            .filter((s) => s.premisesId === p && s.from <= date && s.to >= date)
            .map((s) => s.personId);
    const pv = identified < 4 && present.length > 0 && p !== hmo;
    const v = c.visit(
      p,
      date,
      pv ? 'SAFEGUARDING' : rng.pick(['CONCERNS_RAISED', 'NO_CONCERNS', 'NO_ACCESS']),
    );
    for (const [k, who] of [...new Set(present)].entries()) {
      const victim = pv && k === 0;
      c.link('ENCOUNTERED', v.id, who, v.record, {
        role: victim ? 'POTENTIAL_VICTIM' : 'WORKER',
        validFrom: date,
      });
      if (victim) {
        identified += 1;
        c.props(who).potentialVictim = true;
        c.props(who).safeguarded = true;
        const referralIds = [
          'NRM',
          'VICTIMS_FIRST',
          ...(identified === 1 ? ['SAFEGUARDING'] : []),
        ].map((kind) => {
          const src = c.record(
            'SAFE',
            day(date, rng.int(0, 3)),
            `${kind.replace(/_/g, ' ')} referral made`,
          );
          const r = c.entity(
            'REFERRAL',
            { kind, referredOn: day(date, 1), outcome: 'PENDING' },
            src,
          );
          c.link('REFERRAL_FOR', r, who, src);
          c.cite(who, src);
          return r;
        });
        truth.potentialVictims.push({
          personId: who,
          networkId: net.id,
          visitId: v.id,
          identifiedOn: date,
          referralIds,
        });
      }
    }
  }
}
