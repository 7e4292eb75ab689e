import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '#client/components/Icon';

/** Tags as chips: Enter adds one, the × removes one. */
export function TagEditor({ tags, onChange, busy }: { tags: string[]; onChange(tags: string[]): void; busy: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim().slice(0, 40);
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <div className="tags">
      <ul aria-label={t('customer.tags')}>
        {tags.map((tag) => (
          <li key={tag} className="chip">
            {tag}
            <button
              type="button"
              className="chip-x"
              disabled={busy}
              aria-label={t('customer.removeTag', { tag })}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              <Icon name="x" size={11} />
            </button>
          </li>
        ))}
      </ul>
      <input
        className="tag-input"
        value={draft}
        aria-label={t('customer.addTag')}
        placeholder={t('customer.addTag')}
        disabled={busy}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
    </div>
  );
}
