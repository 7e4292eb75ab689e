import { useTranslation } from 'react-i18next';
import type { CannedResponse } from '#shared/schemas/canned';
import { ListboxOption } from '#client/components/ListboxOption';

/** One suggestion: a shortcut with the variant that would be inserted. */
export interface CannedOption {
  shortcut: string;
  chosen: CannedResponse;
  /** The body with placeholders filled in: exactly what will be inserted. */
  preview: string;
  languages: string[];
}

/** Suggestions for the "/shortcut" being typed; the textarea keeps focus and drives it by keys. */
export function CannedMenu({
  id,
  options,
  active,
  onPick,
}: {
  id: string;
  options: CannedOption[];
  active: number;
  onPick(o: CannedOption): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="canned-menu">
      {options.length === 0 ? (
        <p className="muted small pad-s" role="status">
          {t('composer.noCanned')}
        </p>
      ) : (
        <ul id={id} role="listbox" aria-label={t('composer.cannedLabel')}>
          {options.map((o, i) => (
            <ListboxOption key={o.shortcut} listId={id} index={i} active={active} onPick={() => onPick(o)}>
              <span className="canned-key">/{o.shortcut}</span>
              <span className="canned-title">{o.chosen.title}</span>
              <span className="canned-langs">{o.languages.join(' · ')}</span>
              <span className="canned-body">{o.preview}</span>
            </ListboxOption>
          ))}
        </ul>
      )}
      <p className="canned-hint small muted">{t('composer.cannedHint')}</p>
    </div>
  );
}
