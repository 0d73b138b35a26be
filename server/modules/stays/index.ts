/** The stays module's public entry: dated stays and the circuits found in them. */
export { findCircuits, MOVE_TOLERANCE_DAYS, type CircuitFound, type CircuitOptions, type StayFact } from './circuits.ts';
