/** Plan message kind: a customer's inbound message. */
export const IN = 0;
/** Plan message kind: an agent's reply. */
export const OUT = 1;
/** Plan message kind: the system entry Braid writes when an agent resolves the thread. */
export const SYS = 2;

/** How an episode ends: resolved (a status message), the customer waiting, or answered and left open. */
export type EndKind = 'resolved' | 'waiting' | 'answered';

/**
 * The sequence of message kinds of one episode of `size` messages: it opens with the customer,
 * alternates in bursts, and ends as asked — "resolved" with an agent reply then the status
 * change (Braid records it as a system message), "waiting" with the customer, "answered" with an agent.
 */
export function episodePattern(size: number, end: EndKind, rnd: () => number): number[] {
  if (size <= 1) return [IN];
  const out = [IN];
  const tail = end === 'resolved' ? (size >= 3 ? [OUT, SYS] : [SYS]) : end === 'answered' ? [OUT] : [IN];
  while (out.length < size - tail.length) {
    const prev = out[out.length - 1];
    // Bursts: the same side writes again 30 % of the time.
    out.push(rnd() < 0.3 ? prev : prev === IN ? OUT : IN);
  }
  return [...out, ...tail];
}
