import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter } from '#client/components/DialogFooter';
import { InputWithButton } from '#client/components/InputWithButton';

/** The secret of a key (or webhook endpoint) just created, shown this once with a copy button. */
export function NewKeySecret({
  name,
  secret,
  onDone,
  title,
  once,
}: {
  name: string;
  secret: string;
  onDone(): void;
  /** Heading and warning instead of the API key ones. */
  title?: string;
  once?: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard (insecure origin, denied permission): select it so Ctrl+C works.
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <section className="secret-box" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="form-title">
        {title ?? t('admin.apiKeys.secretTitle', { name })}
      </h2>
      <p id={`${id}-once`} className="secret-warning">
        {once ?? t('admin.apiKeys.secretOnce')}
      </p>
      <InputWithButton
        rowClass="secret-row"
        label={t('admin.apiKeys.secretLabel')}
        ref={input}
        className="secret"
        readOnly
        value={secret}
        aria-describedby={`${id}-once`}
        onFocus={(e) => e.target.select()}
        spellCheck={false}
        button={
          <button type="button" className="primary" onClick={() => void copy()}>
            {t('admin.apiKeys.copy')}
          </button>
        }
      />
      <p role="status" className={copied === 'failed' ? 'error small' : 'ok-note'}>
        {copied === 'yes' ? t('admin.apiKeys.copied') : copied === 'failed' ? t('admin.apiKeys.copyFailed') : ''}
      </p>
      <DialogFooter>
        <button type="button" onClick={onDone}>
          {t('admin.apiKeys.done')}
        </button>
      </DialogFooter>
    </section>
  );
}
