import { useRef, useState } from 'react';
import { useLatest } from '#client/components/useLatest';
import { useTranslation } from 'react-i18next';
import { AttachmentSchema, type Attachment } from '#shared/schemas/message';
import { uploadFile } from '#client/api/http';
import { Icon } from '#client/components/Icon';

const MAX_FILES = 10;
const MAX_BYTES = 25 * 1024 * 1024;

/** Attach files to a reply: each is uploaded at once and sent as a link the customer can open. */
export function AttachmentChips({ items, onChange }: { items: Attachment[]; onChange(items: Attachment[]): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const latest = useLatest(items);
  const add = (files: FileList | null) => {
    if (!files) return;
    setError(null);
    for (const f of Array.from(files)) {
      if (latest.current.length + uploading.length >= MAX_FILES || f.size > MAX_BYTES) {
        setError(t('composer.attachTooBig', { name: f.name }));
        continue;
      }
      setUploading((u) => [...u, f.name]);
      uploadFile(`/api/uploads?name=${encodeURIComponent(f.name.slice(0, 200))}`, f, AttachmentSchema)
        .then((a) => onChange([...latest.current, a]))
        .catch(() => setError(t('composer.attachFailed', { name: f.name })))
        .finally(() => setUploading((u) => u.filter((n) => n !== f.name)));
    }
  };
  return (
    <div className="attach">
      <button
        type="button"
        className="icon-button"
        onClick={() => input.current?.click()}
        aria-label={t('composer.attach')}
        title={t('composer.attach')}
      >
        <Icon name="paperclip" />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      {uploading.map((n) => (
        <span key={`up-${n}`} className="chip" role="status">
          <Icon name="file" size={12} /> {t('composer.uploading', { name: n })}
        </span>
      ))}
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
      {items.length > 0 && (
        <ul className="attach-list" aria-label={t('attachments.label', { count: items.length })}>
          {items.map((a, i) => (
            <li key={`${a.name}-${i}`} className="chip">
              <Icon name="file" size={12} /> {a.name}
              <button
                type="button"
                className="chip-x"
                aria-label={t('composer.removeAttachment', { name: a.name })}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                <Icon name="x" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
