import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { isWhisper } from '#shared/schemas/monitor';
import { useAgents } from '#client/api/directory';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { Toasts, useToasts } from '#client/components/Toasts';

const FRESH_MS = 60_000; // replayed catch-up events are old news: no toast

/** "Lena whispered on Mona Customer": a live toast for the agent a whisper was left for, opening the thread. */
export function WhisperToast({ me }: { me: Agent }) {
  const rt = useRealtime();
  const { t } = useTranslation();
  const agents = useAgents().data;
  const toasts = useToasts(3);
  const { push } = toasts;
  useEffect(
    () =>
      rt.onEvent((e) => {
        if (e.type !== 'message.created' || !isWhisper(e.message)) return;
        const m = e.message;
        if (m.meta?.forAgentId !== me.id || m.authorAgentId === me.id || Date.now() - m.receivedAt > FRESH_MS) return;
        const name = agents?.find((a) => a.id === m.authorAgentId)?.name ?? `#${m.authorAgentId}`;
        push({
          id: m.id,
          href: `/t/${m.threadId}`,
          text: t('monitor.toast', { name, customer: e.thread.customer.name }),
        });
      }),
    [rt, me.id, t, agents, push],
  );
  return (
    <Toasts
      state={toasts}
      label={t('monitor.toastRegion')}
      dismissLabel={t('monitor.dismiss')}
      className="whisper-toasts"
    />
  );
}
