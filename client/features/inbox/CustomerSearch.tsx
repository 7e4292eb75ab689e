import { useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerSearch } from '#client/api/customers';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { Icon } from '#client/components/Icon';
import { comboboxKey, ListboxOption } from '#client/components/ListboxOption';
import { navigate } from '#client/router';

/** Lets the "/" shortcut put the cursor in the search box. */
export interface SearchHandle {
  focus(): void;
}

/** Find a customer by name, phone, email or handle and jump to their conversation. */
export function CustomerSearch({ handle }: { handle?: Ref<SearchHandle> }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const search = useCustomerSearch(q);
  const hits = (search.data ?? []).filter((c) => c.threadId !== null && c.mergedIntoId === null).slice(0, 8);
  const shown = open && q.trim().length >= 2;
  useImperativeHandle(handle, () => ({ focus: () => input.current?.focus() }));
  const go = (threadId: number | null) => {
    if (threadId === null) return;
    navigate(`/t/${threadId}`);
    setQ('');
    setOpen(false);
    input.current?.blur();
  };
  return (
    <div className="search">
      <Icon name="search" size={14} className="search-icon" />
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={shown}
        aria-controls={id}
        aria-autocomplete="list"
        aria-activedescendant={shown && hits[active] ? `${id}-${active}` : undefined}
        aria-keyshortcuts="/"
        placeholder={t('search.placeholder')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          const pick = () => go(hits[active]?.threadId ?? null);
          if (comboboxKey(e, { active, count: hits.length, setActive, pick })) return;
          if (e.key === 'Escape') {
            setQ('');
            input.current?.blur();
          }
        }}
      />
      <ul id={id} role="listbox" aria-label={t('search.results')} className="search-results" hidden={!shown}>
        {shown && hits.length === 0 && !search.isFetching && (
          <li className="muted small pad-s" role="option" aria-selected={false} aria-disabled="true">
            {t('search.none')}
          </li>
        )}
        {shown &&
          hits.map((c, i) => (
            <ListboxOption key={c.id} listId={id} index={i} active={active} onPick={() => go(c.threadId)}>
              <span className="hit-name">{c.name}</span>
              <span className="channels">
                {[...new Set(c.identities.map((x) => x.channel))].map((ch) => (
                  <ChannelIcon key={ch} channel={ch} />
                ))}
              </span>
              <span className="muted small hit-addr">{c.identities[0]?.address}</span>
            </ListboxOption>
          ))}
      </ul>
    </div>
  );
}
