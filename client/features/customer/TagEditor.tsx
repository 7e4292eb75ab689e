import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addOnEnter, Chip } from '#client/components/Chip';

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
          <Chip
            key={tag}
            removeLabel={t('customer.removeTag', { tag })}
            disabled={busy}
            iconSize={11}
            onRemove={() => onChange(tags.filter((x) => x !== tag))}
          >
            {tag}
          </Chip>
        ))}
      </ul>
      <input
        className="tag-input"
        value={draft}
        aria-label={t('customer.addTag')}
        placeholder={t('customer.addTag')}
        disabled={busy}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={addOnEnter(add)}
      />
    </div>
  );
}
