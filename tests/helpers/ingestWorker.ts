// Child process for the concurrency test: ingests first messages for 40 new customers as fast as it can.
import { openDatabase } from '#server/db/connection';
import { ingestInbound } from '#server/services/ingest';
import { nobodyOnline, nullPublisher } from '#server/services/deps';

const [file, tag, countArg, startAt] = process.argv.slice(2);
const db = openDatabase(file);
const deps = { db, publisher: nullPublisher, presence: nobodyOnline, now: Date.now };
const n = Number(countArg);
// Both processes start at the same instant so their first messages really race.
while (Date.now() < Number(startAt)) {
  /* spin until the shared start time */
}
for (let i = 0; i < n; i++) {
  const phone = `+4851234${String(1000 + i)}`;
  ingestInbound(deps, {
    channel: tag === 'a' ? 'sms' : 'whatsapp',
    transport: 'test',
    providerMessageId: `${tag}-${i}`,
    from: { address: phone },
    text: `hello ${i} from ${tag}`,
    attachments: [],
    providerTs: null,
  });
}
db.$client.close();
