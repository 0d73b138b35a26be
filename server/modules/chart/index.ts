/** The chart module's public entry (docs/architecture.md): saved charts as the caller may open them, for cases and notes. */
export { openableAmong, requireReadable, rightOn as chartRightOn, share as shareChart, type ChartSummary } from './chart.service.ts';
