/**
 * Fictional names and places for the demo. Towns and postcode districts are real; everything
 * finer is not: postcode units use only the letters C, I, K, M, O and V, which Royal Mail never
 * uses in the last two letters of a postcode, so no demo postcode exists; street names are
 * invented words; phone numbers come only from Ofcom's ranges reserved for drama; vehicle marks
 * start with Z, which no current-style GB mark does; company numbers start with ZD.
 */
import type { Random } from '../../server/kernel/random.ts';

export interface Town {
  name: string;
  districts: readonly string[];
  lat: number;
  lon: number;
  council: string;
}

export const TOWNS: readonly Town[] = [
  { name: 'Reading', districts: ['RG1', 'RG2', 'RG30'], lat: 51.4543, lon: -0.9781, council: 'Reading Borough Council' },
  { name: 'Slough', districts: ['SL1', 'SL2'], lat: 51.5105, lon: -0.595, council: 'Slough Borough Council' },
  { name: 'Oxford', districts: ['OX1', 'OX4'], lat: 51.752, lon: -1.2577, council: 'Oxford City Council' },
  { name: 'Milton Keynes', districts: ['MK9', 'MK2', 'MK13'], lat: 52.0406, lon: -0.7594, council: 'Milton Keynes City Council' },
  { name: 'High Wycombe', districts: ['HP11', 'HP13'], lat: 51.6286, lon: -0.7482, council: 'Buckinghamshire Council' },
  { name: 'Maidenhead', districts: ['SL6'], lat: 51.5225, lon: -0.7193, council: 'Royal Borough of Windsor and Maidenhead' },
  { name: 'Windsor', districts: ['SL4'], lat: 51.4817, lon: -0.6136, council: 'Royal Borough of Windsor and Maidenhead' },
  { name: 'Bracknell', districts: ['RG12'], lat: 51.4154, lon: -0.7536, council: 'Bracknell Forest Council' },
  { name: 'Wokingham', districts: ['RG40'], lat: 51.4112, lon: -0.8357, council: 'Wokingham Borough Council' },
  { name: 'Newbury', districts: ['RG14'], lat: 51.4014, lon: -1.3231, council: 'West Berkshire Council' },
  { name: 'Banbury', districts: ['OX16'], lat: 52.0629, lon: -1.3398, council: 'Cherwell District Council' },
  { name: 'Bicester', districts: ['OX26'], lat: 51.8998, lon: -1.1533, council: 'Cherwell District Council' },
  { name: 'Abingdon', districts: ['OX14'], lat: 51.6708, lon: -1.2879, council: 'Vale of White Horse District Council' },
  { name: 'Aylesbury', districts: ['HP20', 'HP21'], lat: 51.8168, lon: -0.8124, council: 'Buckinghamshire Council' },
];

export function town(name: string): Town {
  const t = TOWNS.find((x) => x.name === name);
  if (!t) throw new Error(`no demo town ${name}`);
  return t;
}

const UNIT_LETTERS = 'CIKMOV';
const STREET_HEADS = ['Amber', 'Brack', 'Corn', 'Dapple', 'Elder', 'Fallow', 'Gorse', 'Hazel', 'Ivel', 'Juniper', 'Kestle', 'Linnet', 'Marl', 'Nettle', 'Orrin', 'Pebble', 'Quill', 'Rook', 'Sorrel', 'Teasel', 'Umber', 'Vetch', 'Wren', 'Yarrow'];
const STREET_TAILS = ['wick', 'fold', 'mere', 'combe', 'stead', 'hithe', 'ley', 'thorne'];
const STREET_KINDS = ['Row', 'Lane', 'Yard', 'Parade', 'Mews', 'Walk', 'Close', 'Court', 'Terrace', 'Road'];

/** Hands out unique fictional postcodes, street addresses and drama-range phone numbers. */
export class Places {
  private postcodes = new Set<string>();
  private mobiles: number[];
  private fixed: string[];

  constructor(private readonly rng: Random) {
    // Ofcom drama ranges: 07700 900000-900999 (mobile), 0118 496 0000-0999 and 01632 960000-960999 (fixed).
    this.mobiles = rng.shuffle(Array.from({ length: 1000 }, (_, i) => i));
    this.fixed = rng.shuffle([
      ...Array.from({ length: 1000 }, (_, i) => `0118 496 ${String(i).padStart(4, '0')}`),
      ...Array.from({ length: 1000 }, (_, i) => `01632 ${960000 + i}`),
    ]);
  }

  postcode(t: Town): string {
    for (;;) {
      const pc = `${this.rng.pick(t.districts)} ${this.rng.int(1, 9)}${this.rng.pick([...UNIT_LETTERS])}${this.rng.pick([...UNIT_LETTERS])}`;
      if (!this.postcodes.has(pc)) {
        this.postcodes.add(pc);
        return pc;
      }
    }
  }

  street(): string {
    return `${this.rng.pick(STREET_HEADS)}${this.rng.pick(STREET_TAILS)} ${this.rng.pick(STREET_KINDS)}`;
  }

  addressLine(unit?: string): string {
    return [unit, `${this.rng.int(1, 140)} ${this.street()}`].filter(Boolean).join(', ');
  }

  /** A point near the town centre. */
  location(t: Town): { latitude: number; longitude: number } {
    const round = (x: number) => Math.round(x * 100000) / 100000;
    return { latitude: round(t.lat + (this.rng.next() - 0.5) * 0.03), longitude: round(t.lon + (this.rng.next() - 0.5) * 0.05) };
  }

  mobile(): string {
    const n = this.mobiles.pop();
    if (n === undefined) throw new Error('the drama mobile range is used up');
    return `07700 ${900000 + n}`;
  }

  fixedLine(): string {
    const n = this.fixed.pop();
    if (n === undefined) throw new Error('the drama fixed-line ranges are used up');
    return n;
  }

  /** A fictional current-style mark: Z + letter, age identifier, three letters (no I, Q, Z). */
  vrm(used: Set<string>): string {
    const L = 'ABCDEFGHJKLMNOPRSTUVWXY';
    for (;;) {
      const age = this.rng.pick(['15', '16', '17', '18', '19', '20', '21', '66', '67', '68', '69', '70', '71', '22', '72']);
      const v = `Z${this.rng.pick([...L])}${age}${this.rng.pick([...L])}${this.rng.pick([...L])}${this.rng.pick([...L])}`;
      if (!used.has(v)) {
        used.add(v);
        return v;
      }
    }
  }

  streetWord(): string {
    return `${this.rng.pick(STREET_HEADS)}${this.rng.pick(STREET_TAILS)}`;
  }
}

export const PARLOUR_FIRST = ['Jade', 'Lotus', 'Orchid', 'Silk', 'Bamboo', 'Pearl', 'Golden', 'Serene', 'Velvet', 'Blossom', 'Sakura', 'Harmony', 'Tranquil', 'Oasis', 'Moonlit', 'Amber', 'Ivory', 'Crimson', 'Azure', 'Opal'];
export const PARLOUR_SECOND = ['Crane', 'Lantern', 'Petal', 'Willow', 'Garden', 'River', 'Cloud', 'Leaf', 'Tide', 'Spring', 'Heron', 'Meadow', 'Reed', 'Fern'];
export const PARLOUR_KIND = ['Massage', 'Spa', 'Therapy', 'Wellness', 'Relaxation', 'Massage Studio'];

export interface NamePool {
  nationality: string;
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

export const NAMES: Record<string, NamePool> = {
  ROU: { nationality: 'ROU', female: ['Andreea', 'Ioana', 'Elena', 'Mihaela', 'Alina', 'Bianca', 'Roxana', 'Daniela', 'Larisa', 'Denisa'], male: ['Mihai', 'Ionuț', 'Florin', 'Adrian', 'Cosmin', 'Marius', 'Sorin'], family: ['Popa', 'Dumitru', 'Stan', 'Munteanu', 'Ionescu', 'Lazăr', 'Matei', 'Ciobanu', 'Rusu', 'Moldovan'] },
  CHN: { nationality: 'CHN', female: ['Li Na', 'Mei', 'Xiu Ying', 'Jing', 'Yan', 'Hui Min', 'Lan'], male: ['Wei', 'Jun', 'Hao', 'Qiang'], family: ['Wang', 'Zhang', 'Liu', 'Chen', 'Huang', 'Zhou', 'Lin'] },
  VNM: { nationality: 'VNM', female: ['Thi Lan', 'Thi Hoa', 'Ngoc Anh', 'Thu Trang', 'Thi Mai'], male: ['Van Minh', 'Duc Anh', 'Quang Huy', 'Van Long'], family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu'] },
  THA: { nationality: 'THA', female: ['Siriporn', 'Kanya', 'Malee', 'Ploy', 'Nittaya', 'Achara'], male: ['Somchai', 'Anan'], family: ['Srisuk', 'Kaewmanee', 'Boonmee', 'Thongdee', 'Saelim'] },
  ALB: { nationality: 'ALB', female: ['Anila', 'Elira', 'Dorina'], male: ['Arben', 'Besnik', 'Dritan', 'Erion', 'Klodian', 'Gentian'], family: ['Hoxha', 'Shehu', 'Krasniqi', 'Gashi', 'Leka', 'Dervishi'] },
  GBR: { nationality: 'GBR', female: ['Sarah', 'Emma', 'Kelly', 'Gemma', 'Laura', 'Nicola', 'Stacey', 'Zoë', 'Chloe', 'Leanne'], male: ['Daniel', 'Ryan', 'Liam', 'Connor', 'Mark', 'Jason', 'Lee', 'Craig', 'Dean', 'Kyle', 'Jamie', 'Shane', 'Callum', 'Aaron'], family: ['Marsh', 'Hollis', 'Pryce', 'Tanner', 'Whitlock', 'Fenwick', 'Ashby', 'Croft', 'Pell', 'Stroud', 'Garside', 'Mottram', 'Kersey', 'Dunmore', 'Reddish', 'Fairlie', 'Bramley', 'Cotter'] },
  POL: { nationality: 'POL', female: ['Agnieszka', 'Katarzyna'], male: ['Tomasz', 'Paweł', 'Krzysztof', 'Marek'], family: ['Kowalczyk', 'Wójcik', 'Mazur', 'Krawczyk'] },
  NGA: { nationality: 'NGA', female: ['Blessing', 'Joy', 'Precious', 'Favour'], male: ['Chinedu', 'Emeka'], family: ['Okafor', 'Adeyemi', 'Eze', 'Nwosu'] },
  BRA: { nationality: 'BRA', female: ['Camila', 'Larissa', 'Fernanda', 'Juliana'], male: ['Thiago', 'Rafael'], family: ['Souza', 'Ferreira', 'Carvalho', 'Rocha'] },
  IND: { nationality: 'IND', female: ['Priya', 'Anjali'], male: ['Rohit', 'Vikram', 'Arjun', 'Sanjay'], family: ['Sharma', 'Patel', 'Verma', 'Gill'] },
};
