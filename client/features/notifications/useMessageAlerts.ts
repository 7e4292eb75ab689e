import { useEffect, useRef } from 'react';
import { useLatest } from '#client/components/useLatest';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { navigate } from '#client/router';
import { playChime } from './sound';

const FRESH_MS = 60_000; // replayed catch-up events are old news: no alert
const CHIME_GAP_MS = 3_000;

/**
 * Alert the agent to new customer messages in threads assigned to them: a chime when they are
 * not reading that thread, and a desktop notification when the tab is in the background.
 */
export function useMessageAlerts(me: Agent, openThreadId: number | null, muted: boolean): void {
  const rt = useRealtime();
  const { t } = useTranslation();
  const state = useLatest({ openThreadId, muted, t });
  const lastChime = useRef(0);
  useEffect(
    () =>
      rt.onEvent((e) => {
        if (e.type !== 'message.created' || e.message.direction !== 'inbound' || e.thread.assigneeId !== me.id) return;
        const s = state.current;
        if (s.muted || Date.now() - e.message.receivedAt > FRESH_MS) return;
        const hidden = document.visibilityState === 'hidden' || !document.hasFocus();
        if (!hidden && s.openThreadId === e.message.threadId) return;
        if (Date.now() - lastChime.current > CHIME_GAP_MS) {
          lastChime.current = Date.now();
          playChime();
        }
        if (hidden && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          const n = new Notification(s.t('notify.title', { name: e.thread.customer.name }), {
            body: e.message.text.slice(0, 140),
            tag: `thread-${e.message.threadId}`,
          });
          n.onclick = () => {
            window.focus();
            navigate(`/t/${e.message.threadId}`);
            n.close();
          };
        }
      }),
    [rt, me.id, state],
  );
}

/** Unread count in the tab title, so a background tab shows there is work. */
export function useTabTitle(unread: number | undefined): void {
  useEffect(() => {
    document.title = unread ? `(${unread}) Braid` : 'Braid';
  }, [unread]);
}
