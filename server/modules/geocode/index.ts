/** The geocode module's public entry: placing premises from a postcode-centroid file. */
export { geocode, exitCodeOf, GEOCODE_SOURCE, type GeocodeResult, type GeocodeProgress, type Placed, type Unplaced } from './geocode.service.ts';
export { readCentroids, describeColumns, PostcodeFileError, type CentroidColumns, type Centroid, type FileProblem } from './postcodes.ts';
