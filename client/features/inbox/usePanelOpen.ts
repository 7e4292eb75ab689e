import { useCallback, useState } from 'react';

/** Whether the customer panel is shown (remembered in this browser; open by default on wide screens). */
export function usePanelOpen(): [boolean, () => void] {
  const [open, setOpen] = useState(() => {
    try {
      const saved = localStorage.getItem('braid.panel');
      if (saved !== null) return saved === '1';
    } catch {
      // ignore
    }
    return typeof window === 'undefined' || window.innerWidth >= 1200;
  });
  const toggle = useCallback(() => {
    setOpen((o) => {
      try {
        localStorage.setItem('braid.panel', o ? '0' : '1');
      } catch {
        // ignore
      }
      return !o;
    });
  }, []);
  return [open, toggle];
}
