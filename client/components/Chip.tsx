import type { KeyboardEvent, ReactNode } from 'react';
import { Icon } from './Icon';

/** A chip in a `<ul>` of chips: what it shows and an × button, named for what it removes. */
export function Chip({
  children,
  removeLabel,
  onRemove,
  disabled,
  iconSize = 12,
}: {
  children: ReactNode;
  removeLabel: string;
  onRemove(): void;
  disabled?: boolean;
  iconSize?: number;
}) {
  return (
    <li className="chip">
      {children}
      <button type="button" className="chip-x" disabled={disabled} aria-label={removeLabel} onClick={onRemove}>
        <Icon name="x" size={iconSize} />
      </button>
    </li>
  );
}

/** `onKeyDown` for the box that adds chips: Enter adds what was typed instead of submitting the form around it. */
export function addOnEnter(add: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
}
