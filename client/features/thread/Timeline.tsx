import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../shared/schemas/agent';
import type { Customer } from '../../../shared/schemas/customer';
import type { Message } from '../../../shared/schemas/message';
import { MessageItem } from './MessageItem';

/** The messages of a thread, oldest at the top, following new messages at the bottom. */
export function Timeline(p: {
  messages: Message[];
  customer: Customer;
  agents: Agent[];
  locale: string;
  hasOlder: boolean;
  loadOlder: () => void;
  loadingOlder: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLOListElement>(null);
  const lastId = p.messages.at(-1)?.id;
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastId]);
  return (
    <ol className="timeline" ref={ref} aria-label={t('thread.timeline')} aria-live="polite">
      {p.hasOlder && (
        <li className="load-older">
          <button type="button" className="link" onClick={p.loadOlder} disabled={p.loadingOlder}>
            {t('thread.loadOlder')}
          </button>
        </li>
      )}
      {p.messages.length === 0 && <li className="muted">{t('thread.noMessages')}</li>}
      {p.messages.map((m, i) => (
        <MessageItem key={m.id} message={m} previous={p.messages[i - 1]} customer={p.customer} agents={p.agents} locale={p.locale} />
      ))}
    </ol>
  );
}
