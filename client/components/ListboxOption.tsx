import type { KeyboardEvent, ReactNode } from 'react';

/**
 * One option of a listbox that a text box drives (combobox pattern): its id is `${listId}-${index}`
 * for the box's `aria-activedescendant`, and a mouse press picks it without taking focus from the box.
 */
export function ListboxOption({
  listId,
  index,
  active,
  onPick,
  children,
}: {
  listId: string;
  index: number;
  active: number;
  onPick(): void;
  children: ReactNode;
}) {
  return (
    <li
      id={`${listId}-${index}`}
      role="option"
      aria-selected={index === active}
      className={index === active ? 'active' : ''}
      onMouseDown={(e) => {
        e.preventDefault();
        onPick();
      }}
    >
      {children}
    </li>
  );
}

/**
 * Keys of a combobox's text box: ↑/↓ move the active option round a list of `count`, Enter picks it.
 * Returns false for any other key, so the caller can handle that one itself.
 */
export function comboboxKey(
  e: KeyboardEvent,
  { active, count, setActive, pick }: { active: number; count: number; setActive(i: number): void; pick(): void },
): boolean {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    if (count) setActive((active + (e.key === 'ArrowDown' ? 1 : -1) + count) % count);
    return true;
  }
  if (e.key === 'Enter') {
    e.preventDefault();
    pick();
    return true;
  }
  return false;
}
