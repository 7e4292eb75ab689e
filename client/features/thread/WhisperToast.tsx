import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { isWhisper } from '#shared/schemas/monitor';
import { useAgents } from '#client/api/directory';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { navigate } from '#client/router';

type Toast = { id: number; threadId: number; text: string };
const KEEP_MS = 30_000;
const FRESH_MS = 60_000; // replayed catch-up events are old news: no toast

/** "Lena whispered on Mona Customer": a live toast for the agent a whisper was left for, opening the thread. */
export function WhisperToast({ me }: { me: Agent }) {
  const rt = useRealtime();
  const { t } = useTranslation();
  const agents = useAgents().data;
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(
    () =>
      rt.onEvent((e) => {
        if (e.type !== 'message.created' || !isWhisper(e.message)) return;
        const m = e.message;
        if (m.meta?.forAgentId !== me.id || m.authorAgentId === me.id || Date.now() - m.receivedAt > FRESH_MS) return;
        const name = agents?.find((a) => a.id === m.authorAgentId)?.name ?? `#${m.authorAgentId}`;
        const toast = {
          id: m.id,
          threadId: m.threadId,
          text: t('monitor.toast', { name, customer: e.thread.customer.name }),
        };
        setToasts((all) => [toast, ...all.filter((x) => x.id !== toast.id)].slice(0, 3));
        setTimeout(() => setToasts((all) => all.filter((x) => x.id !== toast.id)), KEEP_MS);
      }),
    [rt, me.id, t, agents],
  );
  if (toasts.length === 0) return null;
  return (
    <section
      className="lead-alerts whisper-toasts"
      role="status"
      aria-live="polite"
      aria-label={t('monitor.toastRegion')}
    >
      {toasts.map((x) => (
        <div key={x.id} className="lead-alert whisper-toast">
          <button type="button" className="link" onClick={() => navigate(`/t/${x.threadId}`)}>
            {x.text}
          </button>
          <button
            type="button"
            className="chip-x"
            aria-label={t('monitor.dismiss')}
            onClick={() => setToasts((all) => all.filter((y) => y.id !== x.id))}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
