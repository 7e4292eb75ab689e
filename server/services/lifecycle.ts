import type { ThreadStatus } from '#shared/schemas/common';
import type { ThreadSummary } from '#shared/schemas/thread';
import type { Viewer } from '#server/domain/access';
import type { ServiceDeps } from './deps';
import { sendSurveyOnResolve } from './surveys';
import { setThreadStatus } from './threadOps';

/** Change a thread's status; on resolve, send the team's survey. `onQueued` wakes the outbox. */
export function changeThreadStatus(
  deps: ServiceDeps,
  viewer: Viewer,
  threadId: number,
  status: ThreadStatus,
  snoozedUntil: number | undefined,
  onQueued: () => void,
): ThreadSummary {
  const before = setThreadStatus(deps, viewer, threadId, status, snoozedUntil);
  if (status === 'resolved' && before.status === 'resolved' && sendSurveyOnResolve(deps, threadId)) onQueued();
  return before;
}
