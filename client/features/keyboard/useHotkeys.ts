import { useEffect } from 'react';
import { useLatest } from '#client/components/useLatest';

/** Handlers by key: single characters ("j", "?"), "Escape", or "mod+k" (Ctrl on Linux/Windows, ⌘ on macOS). */
export type HotkeyMap = Partial<Record<string, (e: KeyboardEvent) => void>>;

/** True when the key press belongs to a text field (typing "j" in a reply must not switch threads). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** The name a key press is looked up by in a HotkeyMap, or null when it is not a shortcut. */
export function hotkeyName(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): string | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return 'mod+k';
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return e.key;
}

/**
 * Workspace shortcuts on the document. Single-key shortcuts are ignored while the agent types in
 * a field; Escape and mod+k work everywhere. The map may change every render.
 */
export function useHotkeys(map: HotkeyMap): void {
  const ref = useLatest(map);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const name = hotkeyName(e);
      if (!name) return;
      if (name !== 'Escape' && name !== 'mod+k' && isTyping(e.target)) return;
      // A modal (or one still loading) owns the keyboard: never act on the workspace behind it.
      if (name !== 'mod+k' && document.querySelector('dialog[open]')) return;
      const fn = ref.current[name];
      if (!fn) return;
      e.preventDefault();
      fn(e);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ref]);
}
