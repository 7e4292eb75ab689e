import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '../../../shared/channels';
import type { Customer } from '../../../shared/schemas/customer';
import { useSendMessage } from '../../api/threads';
import { useRealtime } from '../../realtime/RealtimeProvider';

/** Reply box: Enter sends, Shift+Enter is a new line; a toggle turns it into an internal note. */
export function Composer({ threadId }: { threadId: number; customer: Customer; lastChannel: ChannelKind | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [note, setNote] = useState(false);
  const send = useSendMessage(threadId);
  const rt = useRealtime();
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const body = text.trim();
    if (!body || send.isPending) return;
    send.mutate(
      { kind: note ? 'note' : 'reply', text: body, clientId: crypto.randomUUID() },
      {
        onSuccess: () => {
          setText('');
          rt.setTyping(threadId, false);
        },
      },
    );
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <form className={`composer${note ? ' note-mode' : ''}`} onSubmit={submit}>
      <textarea
        aria-label={t('composer.label')}
        placeholder={note ? t('composer.notePlaceholder') : t('composer.placeholder')}
        value={text}
        rows={3}
        onChange={(e) => {
          setText(e.target.value);
          rt.setTyping(threadId, e.target.value.length > 0);
        }}
        onKeyDown={onKey}
      />
      <div className="composer-bar">
        <label className="toggle">
          <input type="checkbox" checked={note} onChange={(e) => setNote(e.target.checked)} /> {t('composer.noteToggle')}
        </label>
        {send.isError && <span role="alert" className="error">{send.error.message}</span>}
        <button type="submit" disabled={!text.trim() || send.isPending}>
          {note ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}
