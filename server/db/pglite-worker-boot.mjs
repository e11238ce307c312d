// Boots the PGlite ledger worker: a worker thread does not get the parent's `--import tsx` loader on every Node
// version, so it registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
