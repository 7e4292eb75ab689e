import type { z } from 'zod';
import { isHttpUrl } from '#shared/schemas/common';
import type { Config } from '#server/config';
import { outboundUrlProblem } from '#server/channels/kit/guardedFetch';

/**
 * The one check for a URL an admin enters for Braid to call (an API key's callback, a webhook
 * endpoint): public http(s) hosts only, unless OUTBOUND_ALLOW_PRIVATE names the internal ones
 * allowed. Used in a body schema's superRefine; a URL the shared schema already refused (not
 * http/https) needs no second issue.
 */
export async function checkOutboundUrl(
  url: string | null,
  path: string,
  issue: z.RefinementCtx,
  config: Pick<Config, 'OUTBOUND_ALLOW_PRIVATE'>,
): Promise<void> {
  if (url === null || !isHttpUrl(url)) return;
  const problem = await outboundUrlProblem(url, config);
  if (problem) issue.addIssue({ code: 'custom', path: [path], message: problem });
}
