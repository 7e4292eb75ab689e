import { useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerSearch } from '#client/api/customers';
import { ChannelIcon } from '#client/components/ChannelIcon';
import { IdentityHint } from '#client/components/IdentityHint';
import { Icon } from '#client/components/Icon';
import { comboboxKey, ListboxOption } from '#client/components/ListboxOption';
import { navigate } from '#client/router';

/** Lets the "/" shortcut put the cursor in the search box. */
export interface SearchHandle {
  focus(): void;
}

/**
 * The top-bar search: the first option searches messages (the search page, where customers are
 * the other tab); below it, customers by name, phone, email or handle, each opening their thread.
 */
export function CustomerSearch({ handle }: { handle?: Ref<SearchHandle> }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const search = useCustomerSearch(q);
  const hits = (search.data ?? []).filter((c) => c.threadId !== null && c.mergedIntoId === null).slice(0, 8);
  const shown = open && q.trim().length >= 1;
  // Option 0 is "search messages"; customers follow.
  const count = hits.length + 1;
  useImperativeHandle(handle, () => ({ focus: () => input.current?.focus() }));
  const searchMessages = () => {
    if (!q.trim()) return;
    navigate(`/search?${new URLSearchParams({ q: q.trim() }).toString()}`);
    // The search page has its own box with the text; this one is ready for the next search.
    setQ('');
    setOpen(false);
    input.current?.blur();
  };
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
        aria-activedescendant={shown ? `${id}-${active}` : undefined}
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
          const pick = () => (active === 0 ? searchMessages() : go(hits[active - 1]?.threadId ?? null));
          if (comboboxKey(e, { active, count, setActive, pick })) return;
          if (e.key === 'Escape') {
            setQ('');
            input.current?.blur();
          }
        }}
      />
      <ul id={id} role="listbox" aria-label={t('search.results')} className="search-results" hidden={!shown}>
        {shown && (
          <ListboxOption listId={id} index={0} active={active} onPick={searchMessages}>
            <Icon name="search" size={13} /> <strong>{t('find.allMessages', { q: q.trim() })}</strong>
          </ListboxOption>
        )}
        {shown && q.trim().length >= 2 && hits.length === 0 && !search.isFetching && (
          <li className="muted small pad-s" role="option" aria-selected={false} aria-disabled="true">
            {t('search.none')}
          </li>
        )}
        {shown &&
          hits.map((c, i) => (
            <ListboxOption key={c.id} listId={id} index={i + 1} active={active} onPick={() => go(c.threadId)}>
              <span className="hit-name">{c.name}</span>
              <span className="channels">
                {[...new Set(c.identities.map((x) => x.channel))].map((ch) => (
                  <ChannelIcon key={ch} channel={ch} />
                ))}
              </span>
              <IdentityHint hint={c.hint} className="muted small hit-addr" />
            </ListboxOption>
          ))}
      </ul>
    </div>
  );
}
