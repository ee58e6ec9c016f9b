// Worker entry: the TypeScript sources run through tsx, as in bin/gwr.js.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
