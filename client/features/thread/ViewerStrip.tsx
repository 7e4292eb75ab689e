import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { Avatar } from '#client/components/Avatar';
import { useViewers } from '#client/realtime/usePresence';

/** Avatars of colleagues looking at this customer right now (collision warning at a glance). */
export function ViewerAvatars({
  threadId,
  myId,
  agents,
}: {
  threadId: number;
  myId: number;
  agents: Map<number, Agent>;
}) {
  const { t } = useTranslation();
  const others = useViewers(threadId).filter((v) => v.agentId !== myId);
  if (others.length === 0) return null;
  const names = others.map((v) => agents.get(v.agentId)?.name ?? `#${v.agentId}`);
  return (
    <div className="viewers" role="group" aria-label={t('thread.viewing', { names: names.join(', ') })}>
      {others.map((v, i) => (
        <Avatar
          key={v.agentId}
          name={names[i]}
          size={22}
          label={t(v.typing ? 'thread.typingShort' : 'thread.viewingShort', { name: names[i] })}
        />
      ))}
    </div>
  );
}

/** "Lena is typing…" above the composer, announced politely to screen readers. */
export function TypingLine({ threadId, myId, agents }: { threadId: number; myId: number; agents: Map<number, Agent> }) {
  const { t } = useTranslation();
  const typing = useViewers(threadId).filter((v) => v.typing && v.agentId !== myId);
  const names = typing.map((v) => agents.get(v.agentId)?.name ?? `#${v.agentId}`);
  return (
    <div className="typing-line" aria-live="polite">
      {names.length > 0 && t('thread.typing', { count: names.length, name: names.join(', ') })}
    </div>
  );
}
