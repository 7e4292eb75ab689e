import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/schemas/message';
import { Icon } from '../../components/Icon';

const MAX_FILES = 10;
const MAX_BYTES = 25 * 1024 * 1024;

function kindOf(mime: string): string {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'file';
}

/** Attach files to a reply (their metadata: name, type, size) and remove them again. */
export function AttachmentChips({ items, onChange }: { items: Attachment[]; onChange(items: Attachment[]): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const add = (files: FileList | null) => {
    if (!files) return;
    const next = [...items];
    for (const f of Array.from(files)) {
      if (next.length >= MAX_FILES || f.size > MAX_BYTES) continue;
      next.push({ kind: kindOf(f.type), name: f.name.slice(0, 200), mimeType: f.type || undefined, size: f.size });
    }
    onChange(next);
  };
  return (
    <div className="attach">
      <button type="button" className="icon-button" onClick={() => input.current?.click()} aria-label={t('composer.attach')} title={t('composer.attach')}>
        <Icon name="paperclip" />
      </button>
      <input ref={input} type="file" multiple hidden onChange={(e) => {
        add(e.target.files);
        e.target.value = '';
      }} />
      {items.length > 0 && (
        <ul className="attach-list" aria-label={t('attachments.label', { count: items.length })}>
          {items.map((a, i) => (
            <li key={`${a.name}-${i}`} className="chip">
              <Icon name="file" size={12} /> {a.name}
              <button type="button" className="chip-x" aria-label={t('composer.removeAttachment', { name: a.name })} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                <Icon name="x" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
