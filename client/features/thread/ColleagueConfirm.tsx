import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import type { Confirmation } from '#shared/errors';
import { Dialog } from '#client/components/Dialog';
import { ConfirmFooter } from '#client/components/DialogFooter';
import { useFormat } from '#client/i18n/format';

/** The dialog's two buttons, for a reply (which keeps its draft) and for an action on the thread. */
const BUTTONS = {
  reply: { confirm: 'collision.sendAnyway', back: 'collision.keepDraft' },
  action: { confirm: 'collision.goAhead', back: 'collision.back' },
} as const;

/**
 * "Are you sure?" before a reply or an action that would collide with a colleague: what they replied
 * since the agent began writing (shown in full), and/or that the thread is theirs. Going back keeps
 * the draft; going ahead repeats the request with the agent's confirmation.
 */
export function ColleagueConfirm({
  confirm,
  agents,
  kind,
  busy = false,
  onConfirm,
  onBack,
}: {
  confirm: Confirmation;
  agents: Map<number, Agent>;
  kind: keyof typeof BUTTONS;
  busy?: boolean;
  onConfirm(): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const nameOf = (id: number | null) => (id === null ? null : agents.get(id)?.name) ?? t('thread.formerAgent');
  const first = confirm.replies[0];
  const authors = [...new Set(confirm.replies.map((m) => nameOf(m.authorAgentId)))].join(', ');
  const title = first
    ? t('collision.repliedTitle', { name: authors })
    : t('collision.assignedTitle', { name: confirm.assignee?.name ?? '' });
  return (
    <Dialog title={title} onClose={onBack} className="colleague-confirm">
      {confirm.replies.length > 0 && (
        <ul className="colleague-replies" aria-label={t('collision.theirReplies')}>
          {confirm.replies.map((m) => (
            <li key={m.id} className="msg outbound">
              <div className="msg-meta">
                <strong>{nameOf(m.authorAgentId)}</strong>
                <time dateTime={new Date(m.sortTs).toISOString()}>{f.time(m.sortTs)}</time>
              </div>
              <div className="msg-body" dir="auto">
                {m.text}
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirm.assignee && (
        <p>
          {first
            ? t('collision.alsoAssigned', { name: confirm.assignee.name })
            : t('collision.assignedBody', { name: confirm.assignee.name })}
        </p>
      )}
      <ConfirmFooter
        busy={busy}
        backLabel={t(BUTTONS[kind].back)}
        onBack={onBack}
        confirmLabel={t(BUTTONS[kind].confirm)}
        onConfirm={onConfirm}
      />
    </Dialog>
  );
}
