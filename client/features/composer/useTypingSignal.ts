import { useCallback, useEffect, useRef } from 'react';
import { useRealtime } from '#client/realtime/RealtimeProvider';

const REPEAT_MS = 2_500; // the server forgets a typing flag after 6 s

/** Tell colleagues I am typing in this thread (re-announced while I type, cleared when I stop or leave). */
export function useTypingSignal(threadId: number): { typing(active: boolean): void } {
  const rt = useRealtime();
  const last = useRef(0);
  const on = useRef(false);
  const typing = useCallback(
    (active: boolean) => {
      const now = Date.now();
      if (active && (!on.current || now - last.current > REPEAT_MS)) {
        rt.setTyping(threadId, true);
        last.current = now;
        on.current = true;
      } else if (!active && on.current) {
        rt.setTyping(threadId, false);
        on.current = false;
      }
    },
    [rt, threadId],
  );
  useEffect(
    () => () => {
      if (on.current) rt.setTyping(threadId, false);
    },
    [rt, threadId],
  );
  return { typing };
}
