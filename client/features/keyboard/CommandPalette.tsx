import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerSearch } from '#client/api/customers';
import { Dialog } from '#client/components/Dialog';
import { comboboxKey, ListboxOption } from '#client/components/ListboxOption';
import { navigate } from '#client/router';

/** One thing the palette can do. */
export interface Command {
  id: string;
  label: string;
  /** Shortcut shown next to it ("e"). */
  keys?: string;
  run(): void;
}

function matches(label: string, q: string): boolean {
  const l = label.toLocaleLowerCase();
  return q
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => l.includes(w));
}

/** Type to find any command or customer; arrows choose, Enter runs. */
export default function CommandPalette({ commands, onClose }: { commands: Command[]; onClose(): void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const customers = useCustomerSearch(q).data ?? [];
  const list: Command[] = [
    ...commands.filter((c) => matches(c.label, q)),
    ...(q.trim().length >= 2 ? customers : [])
      .filter((c) => c.threadId !== null && c.mergedIntoId === null)
      .slice(0, 6)
      .map((c) => ({
        id: `customer-${c.id}`,
        label: t('palette.openCustomer', { name: c.name }),
        run: () => navigate(`/t/${c.threadId}`),
      })),
  ];
  const index = Math.min(active, Math.max(0, list.length - 1));
  const run = (c: Command | undefined) => {
    if (!c) return;
    onClose();
    c.run();
  };
  return (
    <Dialog title={t('palette.title')} onClose={onClose} className="palette">
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={id}
        aria-autocomplete="list"
        aria-activedescendant={list[index] ? `${id}-${index}` : undefined}
        aria-label={t('palette.input')}
        placeholder={t('palette.placeholder')}
        value={q}
        autoFocus
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) =>
          comboboxKey(e, { active: index, count: list.length, setActive, pick: () => run(list[index]) })
        }
      />
      <ul id={id} role="listbox" aria-label={t('palette.results')} className="palette-list">
        {list.map((c, i) => (
          <ListboxOption key={c.id} listId={id} index={i} active={index} onPick={() => run(c)}>
            <span>{c.label}</span>
            {c.keys && <kbd>{c.keys}</kbd>}
          </ListboxOption>
        ))}
        {list.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" className="muted">
            {t('palette.none')}
          </li>
        )}
      </ul>
    </Dialog>
  );
}
