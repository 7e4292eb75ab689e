// Entry of a reader worker thread: the server runs TypeScript through tsx, and a worker starts
// without the parent's loader, so it registers tsx before importing the TypeScript worker module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
