/**
 * A cell's planted network: five parlours sharing two booking phones, a controller and partner,
 * a nominee director and two front companies, a driver and vehicles, nine workers rotating
 * between the parlours in dated stays and living in an HMO, adverts listing the booking phones,
 * offences against the network, and the operation's visits, where potential victims are
 * identified and referred (the workers' steps are in workers.ts).
 */
import { PARLOUR_FIRST, PARLOUR_KIND, PARLOUR_SECOND, type Town } from '../../demo/places.ts';
import { emptyNetwork, type NetworkTruth } from '../../demo/scenario/truth.ts';
import type { ScaleTruth } from '../generate.ts';
import { day, STREETS, type Cell } from './cell.ts';
import { adverts, visits, workers } from './workers.ts';

const WINDOW_START = '2025-04-01';

/** What later phases of the cell link to: the network's parlours and booking phones. */
export interface Planted {
  parlours: string[];
  booking: string[];
}

export interface Site {
  parlours: string[];
  hmo: string;
  shortLet: string;
  booking: string[];
}
export interface Bosses {
  nat: string;
  ctl: string;
  partner: string;
  own: string;
  ctlEmail: string;
  ctlAccount: string;
}
export interface Front {
  shared: string;
  co: string;
}
export interface Stay {
  personId: string;
  premisesId: string;
  from: string;
  to: string;
}

export function plantNetwork(c: Cell, towns: Town[], truth: ScaleTruth): Planted {
  const net = emptyNetwork(
    `network-${c.tag}`,
    `Network ${c.tag}`,
    towns.map((t) => t.name),
  );
  truth.networks.push(net);
  const site = premisesAndPhones(c, towns, net);
  const bosses = controllers(c, towns, net, site);
  const front = frontCompanies(c, net, site, bosses);
  const driver = driverAndVehicles(c, net, site, bosses, truth);
  const stays = workers(c, net, site, bosses, front);
  for (const personId of net.workerIds) {
    const mine = stays.filter((s) => s.personId === personId);
    truth.rotations.push({ personId, networkId: net.id, premisesIds: [...new Set(mine.map((s) => s.premisesId))], stays: mine.map(({ premisesId, from, to }) => ({ premisesId, from, to })) });
  }
  adverts(c, net, site, stays);
  offences(c, net, site, bosses, driver);
  visits(c, net, site, stays, truth);
  return { parlours: site.parlours, booking: site.booking };
}

/** Five parlours (licensed or not), an HMO and a short let, and two booking phones given for the parlours. */
function premisesAndPhones(c: Cell, towns: Town[], net: NetworkTruth): Site {
  const rng = c.rng;
  const parlours: string[] = [];
  for (let i = 0; i < 5; i++) {
    const licence = rng.pick(['LICENSED', 'UNLICENSED', 'EXPIRED', 'LICENSED']);
    const src =
      licence === 'UNLICENSED'
        ? c.record(
            'INTEL',
            c.date('2025-02-01', '2025-04-30'),
            'Massage premises operating without a licence',
          )
        : c.record('LICENSING', c.date('2024-10-01', '2025-03-31'), 'Special treatment licence');
    parlours.push(
      c.premises(
        'MASSAGE_PARLOUR',
        towns[i % 2]!,
        src,
        `${rng.pick(PARLOUR_FIRST)} ${rng.pick(PARLOUR_SECOND)} ${rng.pick(PARLOUR_KIND)} ${c.tag}-${i + 1}`,
        licence,
      ),
    );
  }
  const hmo = c.premises(
    'HMO',
    towns[0]!,
    c.record('INTEL', c.date('2025-03-01', '2025-05-31'), 'Address used to house workers'),
  );
  const shortLet = c.premises(
    'SHORT_LET',
    towns[1]!,
    c.record(
      'ADMON',
      c.date('2025-05-01', '2025-07-31'),
      'Advert location resolved to a short-let flat',
    ),
  );
  net.premisesIds.push(...parlours, hmo, shortLet);
  const booking = [0, 1].map(() =>
    c.phone(c.record('ADMON', c.date('2025-04-01', '2025-04-30'), 'Number listed in adverts')),
  );
  net.phoneIds.push(...booking);
  parlours.forEach((p, i) =>
    c.link(
      'PREMISES_PHONE',
      p,
      booking[i % 2]!,
      c.record('ADMON', c.date('2025-04-01', '2025-05-31'), 'Number given for premises'),
      { validFrom: WINDOW_START },
    ),
  );
  return { parlours, hmo, shortLet, booking };
}

/** The controller and partner: home, own phone, the booking phones they answer, the parlours he runs. */
function controllers(
  c: Cell,
  towns: Town[],
  net: NetworkTruth,
  { parlours, booking }: Site,
): Bosses {
  const rng = c.rng;
  const nat = rng.pick(['ALB', 'ROU', 'CHN', 'VNM', 'GBR']);
  const intel = c.record(
    'INTEL',
    c.date('2025-01-10', '2025-04-20'),
    'Subject believed to control sex workers across several premises',
  );
  const ctl = c.person(nat, 'M', [1972, 1990], intel, {
    suspect: true,
    pncId: `${rng.int(10, 19)}/${rng.int(1000000, 9999999)}${rng.pick(['A', 'B', 'C', 'D'])}`,
    riskScore: 0.5,
  });
  const partner = c.person(nat, 'F', [1975, 1992], intel, { suspect: true });
  c.link(
    'ASSOCIATE_OF',
    ctl,
    partner,
    c.record('INTEL', c.date('2025-02-01', '2025-05-01'), 'Subjects are partners'),
    { role: 'PARTNER' },
  );
  net.controllerIds.push(ctl, partner);
  const home = c.premises('RESIDENTIAL', towns[0]!, intel);
  c.link('LIVES_AT', ctl, home, intel, { validFrom: '2022-06-01' });
  c.link('LIVES_AT', partner, home, intel, { validFrom: '2022-06-01' });
  net.premisesIds.push(home);
  const own = c.phone(intel);
  net.phoneIds.push(own);
  c.link('USES_PHONE', ctl, own, intel, { validFrom: '2024-11-01' });
  c.link(
    'USES_PHONE',
    ctl,
    booking[0]!,
    c.record('INTEL', c.date('2025-05-01', '2025-07-31'), 'Subject answers the booking number'),
  );
  c.link(
    'USES_PHONE',
    partner,
    booking[1]!,
    c.record('INTEL', c.date('2025-05-01', '2025-07-31'), 'Subject answers the booking number'),
  );
  for (const p of parlours)
    c.link(
      'OPERATES',
      ctl,
      p,
      c.record(
        'INTEL',
        c.date('2025-02-01', '2025-06-15'),
        'Subject seen collecting cash from premises',
      ),
      { role: 'CONTROLLER', validFrom: '2025-01-01' },
    );
  for (const b of booking) c.called(own, b, c.comms());
  c.cite(
    ctl,
    c.record(
      'TVCR',
      c.date('2023-01-01', '2024-12-31'),
      'Previous arrest: controlling prostitution for gain (NFA)',
    ),
  );
  c.cite(ctl, c.record('VRU', c.date('2025-06-02', '2025-06-20'), 'Risk profile reviewed'));
  const ctlEmail = c.email(String(c.props(ctl).givenName), 'example.net', intel);
  c.link('USES_EMAIL', ctl, ctlEmail, intel);
  const ctlAccount = c.account(intel);
  c.link('HOLDS_ACCOUNT', ctl, ctlAccount, intel);
  for (const k of ['ORGANISED_CRIME', rng.pick(['VIOLENCE', 'DRUGS', 'WEAPONS'])])
    c.riskFactor(ctl, k);
  return { nat, ctl, partner, own, ctlEmail, ctlAccount };
}

/** Two front companies with a nominee director related to the controller, their accounts and emails. */
function frontCompanies(
  c: Cell,
  net: NetworkTruth,
  { parlours }: Site,
  { nat, ctl, ctlEmail, ctlAccount }: Bosses,
): Front {
  const rng = c.rng;
  const extract = () =>
    c.record(
      'COREG',
      c.date('2024-06-01', '2025-02-28'),
      'Company extract: officers and registered office',
    );
  const co = extract();
  const nominee = c.person(nat, 'F', [1950, 1970], co);
  net.nomineeDirectorIds.push(nominee);
  const org = c.organisation(`${rng.pick(PARLOUR_FIRST)} Wellness ${c.tag} Ltd`, 'COMPANY', co);
  net.organisationIds.push(org);
  c.link('DIRECTOR_OF', nominee, org, co, { validFrom: c.date('2023-01-01', '2024-12-31') });
  c.link(
    'ASSOCIATE_OF',
    ctl,
    nominee,
    c.record('INTEL', c.date('2025-02-01', '2025-05-31'), 'Director is a relative of the subject'),
    { role: 'FAMILY' },
  );
  for (const p of parlours.slice(0, 3))
    c.link('OPERATES', org, p, co, { role: 'OPERATOR', validFrom: '2024-01-01' });
  c.link(
    'USES_EMAIL',
    org,
    ctlEmail,
    c.record('COREG', c.date('2025-01-15', '2025-03-15'), 'Correspondence address on filings'),
  );
  const shared = c.account(co);
  c.link('HOLDS_ACCOUNT', org, shared, co);
  const co2 = extract();
  const org2 = c.organisation(`${rng.pick(PARLOUR_FIRST)} Leisure ${c.tag} Ltd`, 'COMPANY', co2);
  net.organisationIds.push(org2);
  c.link('DIRECTOR_OF', nominee, org2, co2, { validFrom: c.date('2023-01-01', '2024-12-31') });
  for (const p of parlours.slice(3))
    c.link('OPERATES', org2, p, co2, { role: 'OPERATOR', validFrom: '2024-01-01' });
  const orgEmail = c.email('bookings', 'example.org', co2);
  c.link('USES_EMAIL', org2, orgEmail, co2);
  const acct2 = c.account(co2);
  c.link('HOLDS_ACCOUNT', org2, acct2, co2);
  net.accountIds.push(acct2);
  net.accountIds.push(ctlAccount, shared);
  return { shared, co };
}

/** The driver, his phone, a hire firm keeping one of two vehicles seen at the parlours. */
function driverAndVehicles(
  c: Cell,
  net: NetworkTruth,
  { parlours, booking }: Site,
  { nat, ctl, own }: Bosses,
  truth: ScaleTruth,
): string {
  const rng = c.rng;
  const dIntel = c.record(
    'INTEL',
    c.date('2025-03-01', '2025-06-30'),
    'Subject drives workers between premises',
  );
  const driver = c.person(nat, 'M', [1985, 2000], dIntel, { suspect: true });
  net.driverIds.push(driver);
  c.link('ASSOCIATE_OF', driver, ctl, dIntel, { role: 'DRIVES_FOR' });
  const dPhone = c.phone(dIntel);
  net.phoneIds.push(dPhone);
  c.link('USES_PHONE', driver, dPhone, dIntel);
  c.called(own, dPhone, c.comms());
  for (const b of booking) c.called(dPhone, b, c.comms());
  c.riskFactor(driver, rng.pick(['DRUGS', 'VIOLENCE']));
  const hireSrc = c.record(
    'COREG',
    c.date('2024-01-01', '2025-01-31'),
    'Company extract: vehicle hire company',
  );
  const hireFirm = c.organisation(
    `${rng.pick(STREETS)} Vehicle Hire ${c.tag} Ltd`,
    'COMPANY',
    hireSrc,
  );
  truth.noise.push({
    description: 'A vehicle hire firm registered as keeper of a network vehicle',
    ids: [hireFirm],
  });
  for (let v = 0; v < 2; v++) {
    const dvla = c.record('ANPR', c.date('2025-03-01', '2025-05-31'), 'Keeper details');
    const veh = c.vehicle(
      rng.pick(['Ford', 'Vauxhall', 'Toyota']),
      rng.pick(['Galaxy', 'Zafira', 'Prius']),
      rng.pick(['Black', 'Silver', 'Grey']),
      dvla,
    );
    net.vehicleIds.push(veh);
    c.link('KEEPER_OF', v === 0 ? hireFirm : driver, veh, dvla, { validFrom: '2024-09-01' });
    c.link(
      'DRIVES',
      driver,
      veh,
      c.record('INTEL', c.date('2025-04-01', '2025-07-31'), 'Subject seen driving vehicle'),
    );
    for (const p of rng.sample(parlours, 2)) {
      const first = c.date('2025-04-01', '2025-06-30');
      c.link('VEHICLE_SEEN_AT', veh, p, c.record('ANPR', first, 'Vehicle sighted near premises'), {
        validFrom: first,
        validTo: day(first, rng.int(5, 60)),
        weight: rng.int(3, 25),
      });
    }
  }
  return driver;
}

/** Offences established against the network. */
function offences(
  c: Cell,
  net: NetworkTruth,
  { parlours, hmo }: Site,
  { ctl, partner }: Bosses,
  driver: string,
): void {
  c.offence(
    'CONTROLLING_PROSTITUTION',
    c.date('2025-06-01', '2025-09-09'),
    'UNDER_INVESTIGATION',
    parlours[0]!,
    [
      { id: ctl, role: 'SUSPECT' },
      { id: partner, role: 'SUSPECT' },
    ],
  );
  c.offence('TRAFFICKING', c.date('2025-06-01', '2025-09-09'), 'UNDER_INVESTIGATION', hmo, [
    { id: ctl, role: 'SUSPECT' },
    { id: driver, role: 'SUSPECT' },
    ...net.workerIds.slice(0, 2).map((id) => ({ id, role: 'VICTIM' })),
  ]);
  c.offence('IMMIGRATION', c.date('2025-08-22', '2025-09-09'), 'CHARGED', parlours[1]!, [
    { id: ctl, role: 'SUSPECT' },
  ]);
}
