import { useCallback, useEffect, useState } from 'react';

type Permission = NotificationPermission | 'unsupported';

const MUTE_KEY = 'braid.muted';

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether alerts are muted (remembered per browser) and the desktop-notification permission. */
export function useAlertPrefs(): {
  muted: boolean;
  setMuted(m: boolean): void;
  permission: Permission;
  requestPermission(): void;
} {
  const [muted, setMutedState] = useState(readMuted);
  const [permission, setPermission] = useState<Permission>(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  useEffect(() => {
    const onStorage = (e: StorageEvent) => e.key === MUTE_KEY && setMutedState(readMuted());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const setMuted = useCallback((m: boolean) => {
    setMutedState(m);
    try {
      localStorage.setItem(MUTE_KEY, m ? '1' : '0');
    } catch {
      // ignore
    }
  }, []);
  const requestPermission = useCallback(() => {
    if (typeof Notification === 'undefined') return;
    void Notification.requestPermission().then(setPermission);
  }, []);
  return { muted, setMuted, permission, requestPermission };
}
