import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWhisper } from '#client/api/monitor';

/** The monitor's only way to write: a whisper, seen by agents (highlighted for the assignee), never by the customer. */
export function WhisperBox({ threadId, assignee }: { threadId: number; assignee: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const whisper = useWhisper(threadId);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim() || whisper.isPending) return;
    whisper.mutate({ text, clientId: crypto.randomUUID() }, { onSuccess: () => setText('') });
  };
  return (
    <form className="whisper-box" onSubmit={submit}>
      <label htmlFor={id} className="whisper-label">
        {t('monitor.whisperLabel')}
      </label>
      <textarea
        id={id}
        rows={2}
        dir="auto"
        value={text}
        placeholder={t('monitor.whisperPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
        }}
      />
      <div className="whisper-foot">
        <span className="small muted">
          {assignee ? t('monitor.whisperFor', { name: assignee }) : t('monitor.whisperNobody')}
        </span>
        {whisper.isError && (
          <span role="alert" className="error small">
            {whisper.error.message}
          </span>
        )}
        <button type="submit" className="primary" disabled={whisper.isPending || !text.trim()}>
          {whisper.isPending ? t('monitor.sending') : t('monitor.send')}
        </button>
      </div>
    </form>
  );
}
