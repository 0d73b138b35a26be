import { describe, expect, it } from 'vitest';
import { cardOf } from './card.ts';
import { ENTITY_TYPES } from './model.ts';
import { shapeEntity } from './shape.ts';

describe('the chart card', () => {
  it('gives a person their date of birth and nationalities, and no kind', () => {
    expect(cardOf('PERSON', { dateOfBirth: '1990-04-01', nationalities: ['RO', 'MD'] }, 'Ana Popescu')).toEqual({ label: 'Ana Popescu', subtitle: 'born 1990-04-01, RO/MD', kind: null });
    expect(cardOf('PERSON', { nationalities: [] }, 'Ana').subtitle).toBeNull();
  });

  it('gives premises their kind in words and town, styled by their kind', () => {
    expect(cardOf('PREMISES', { kind: 'MASSAGE_PARLOUR', town: 'Reading' }, 'Lotus Spa')).toEqual({ label: 'Lotus Spa', subtitle: 'massage parlour, Reading', kind: 'MASSAGE_PARLOUR' });
  });

  it('gives a phone its number, styled by its line type', () => {
    expect(cardOf('PHONE', { e164: '+447700900123', lineType: 'MOBILE' }, '07700 900123')).toMatchObject({ subtitle: '+447700900123', kind: 'MOBILE' });
  });

  it('gives a vehicle its colour, make and model', () => {
    expect(cardOf('VEHICLE', { colour: 'Silver', make: 'Ford', model: 'Transit' }, 'AB12 CDE').subtitle).toBe('Silver Ford Transit');
  });

  it('gives an organisation its company number, styled by its kind', () => {
    expect(cardOf('ORGANISATION', { companyNumber: '01234567', kind: 'COMPANY' }, 'Acme')).toMatchObject({ subtitle: '01234567', kind: 'COMPANY' });
  });

  it('gives an offence its status and date, styled by its category', () => {
    expect(cardOf('OFFENCE', { status: 'UNDER_INVESTIGATION', occurredOn: '2024-02-03', category: 'MODERN_SLAVERY' }, 'x')).toMatchObject({
      subtitle: 'under investigation, 2024-02-03',
      kind: 'MODERN_SLAVERY',
    });
  });

  it('gives a visit its outcome, an advert its site and date, referrals and risk factors their kind', () => {
    expect(cardOf('VISIT', { outcome: 'CONCERNS_RAISED' }, 'Visit').subtitle).toBe('concerns raised');
    expect(cardOf('ADVERT', { site: 'vivastreet', postedOn: '2024-05-06' }, 'Ad').subtitle).toBe('vivastreet, 2024-05-06');
    expect(cardOf('REFERRAL', { kind: 'NRM' }, 'r')).toMatchObject({ subtitle: null, kind: 'NRM' });
    expect(cardOf('RISK_FACTOR', { kind: 'DRUGS' }, 'r')).toMatchObject({ subtitle: null, kind: 'DRUGS' });
  });

  it('gives email, bank account and operation a label alone', () => {
    for (const t of ['EMAIL', 'BANK_ACCOUNT', 'OPERATION'] as const) expect(cardOf(t, { kind: 'X', town: 'Y', e164: 'Z' }, 'L')).toEqual({ label: 'L', subtitle: null, kind: null });
  });

  it('is stored by shaping: every writer stores the card with the properties it was made from', () => {
    const s = shapeEntity('PREMISES', { name: 'Lotus Spa', kind: 'NAIL_BAR', town: 'Slough', postcode: 'SL1 1AA' });
    expect(s.props).toMatchObject({ subtitle: 'nail bar, Slough', cardKind: 'NAIL_BAR' });
    const phone = shapeEntity('PHONE', { number: '07700 900123' });
    expect(phone.props).toMatchObject({ subtitle: '+447700900123', cardKind: phone.props.lineType });
    // Every type shapes to a card, even with nothing but what its label needs.
    for (const t of ENTITY_TYPES) expect(Object.keys(shapeEntity(t, MINIMAL[t]).props), t).toEqual(expect.arrayContaining(['subtitle', 'cardKind']));
  });
});

const MINIMAL: Record<(typeof ENTITY_TYPES)[number], Record<string, unknown>> = {
  PERSON: { fullName: 'A B' },
  PREMISES: { name: 'P' },
  PHONE: { number: '07700 900123' },
  EMAIL: { address: 'a@example.org' },
  VEHICLE: { vrm: 'AB12CDE' },
  BANK_ACCOUNT: { sortCode: '12-34-56', accountNumber: '12345678' },
  ORGANISATION: { name: 'O' },
  ADVERT: { title: 'T' },
  OFFENCE: { category: 'OTHER' },
  OPERATION: { name: 'Op' },
  VISIT: { visitedOn: '2024-01-01' },
  REFERRAL: { kind: 'NRM' },
  RISK_FACTOR: { kind: 'DRUGS' },
};
