import { describe, expect, it } from 'vitest';
import { gridToLatLon } from '../../model/grid.ts';
import { parseMapping } from './mapping.ts';
import { mapRow } from './rows.ts';

describe('a mapping with grid columns', () => {
  const mapping = parseMapping(`version: 1
recordKey: [ref]
grading: { sourceEvaluation: 1, intelligenceAssessment: A, handlingCode: P, classification: OFFICIAL }
entities:
  premises:
    type: PREMISES
    properties:
      name: name
      postcode: postcode
    grid: { easting: os_x, northing: os_y }
`);
  const ctx = { source: 'COUNCIL', file: 'premises.csv', importedAt: '2025-09-01T10:00:00Z' };

  it('imports a premises placed by eastings and northings with its WGS84 latitude and longitude', () => {
    const r = mapRow({ line: 2, values: { ref: 'P1', name: 'Lotus Spa', postcode: 'RG1 1AA', os_x: '471234', os_y: '173456' } }, mapping, ctx);
    expect(r.errors).toEqual([]);
    const props = r.row!.entities[0]!.props;
    expect(props).toMatchObject({ name: 'Lotus Spa', ...gridToLatLon(471234, 173456) });
    // Reading town centre is about 51.45 N, 0.97 W.
    expect(props.latitude).toBeCloseTo(51.45, 1);
    expect(props.longitude).toBeCloseTo(-0.97, 1);
  });

  it('keeps the row and reports the column when a grid value cannot be read', () => {
    const r = mapRow({ line: 3, values: { ref: 'P2', name: 'Jade Nails', postcode: '', os_x: 'SU 712', os_y: '173456' } }, mapping, ctx);
    expect(r.errors).toEqual([]);
    expect(r.row!.entities[0]!.props).toEqual({ name: 'Jade Nails' });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 3, column: 'os_x', value: 'SU 712', code: 'VALUE_LEFT_OUT', reason: expect.stringContaining('premises.grid: "SU 712" is not a British National Grid easting in metres') })]);
  });
});
