// Entry of the bulk scale load's worker threads: registers tsx (as bin/lantern.js does), then
// runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./csv-worker.ts');
