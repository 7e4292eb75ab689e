import { useCallback, useState } from 'react';
import { parseView, type SortKey, type ViewKey } from './views';

function load(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
function save(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Storage disabled: the choice lasts until reload.
  }
}

/** The selected view and sort, remembered for this browser tab (a reload keeps the agent's place). */
export function useInboxView(): { view: ViewKey; sort: SortKey; setView(v: ViewKey): void; setSort(s: SortKey): void } {
  const [view, setViewState] = useState<ViewKey>(() => parseView(load('braid.view')));
  const [sort, setSortState] = useState<SortKey>(() => {
    const s = load('braid.sort');
    return s === 'activity' || s === 'priority' ? s : 'waiting';
  });
  const setView = useCallback((v: ViewKey) => {
    setViewState(v);
    save('braid.view', v);
  }, []);
  const setSort = useCallback((s: SortKey) => {
    setSortState(s);
    save('braid.sort', s);
  }, []);
  return { view, sort, setView, setSort };
}
