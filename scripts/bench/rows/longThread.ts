import { defineRow } from '#scripts/bench/types';
import { p50p95, sample } from './sample';

/** Opening the longest thread: its detail plus the newest page of messages, as the client does. */
export const longThread = defineRow({
  id: 'thread-open',
  fixture: 'workspace',
  measures: ['open the longest thread (detail + newest 50 messages)'],
  async run(f) {
    const id = f.manifest.longThreadId;
    const detail = await sample(f, 'supervisor', () => `/api/threads/${id}`, f.opts.requests);
    const page = await sample(f, 'supervisor', () => `/api/threads/${id}/messages?limit=50`, f.opts.requests);
    const both = detail.map((d, i) => d + (page[i] ?? 0));
    return [
      {
        measure: `open a ${f.manifest.longThreadMessages.toLocaleString('en-US')}-message thread (detail + newest 50 messages)`,
        braid: p50p95(both, f.opts.timeoutMs),
      },
    ];
  },
});
