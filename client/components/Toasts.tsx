import { useCallback, useState } from 'react';
import { navigate } from '#client/router';

/** A live toast: its text, which opens `href`. */
export interface Toast {
  id: number;
  href: string;
  text: string;
}

/** How long a toast stays unless dismissed. */
const KEEP_MS = 30_000;

/** The newest `max` toasts: `push` shows one (replacing one with the same id) for 30 s, `dismiss` removes it. */
export function useToasts(max: number) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (toast: Toast) => {
      setToasts((all) => [toast, ...all.filter((x) => x.id !== toast.id)].slice(0, max));
      setTimeout(() => dismiss(toast.id), KEEP_MS);
    },
    [max, dismiss],
  );
  return { toasts, push, dismiss };
}

/** What `useToasts` keeps: the toasts on screen and how to dismiss one. */
export type ToastsState = Pick<ReturnType<typeof useToasts>, 'toasts' | 'dismiss'>;

/** A polite live region of toasts, newest first: each text opens its screen, × dismisses it. */
export function Toasts({
  state: { toasts, dismiss },
  label,
  dismissLabel,
  className = '',
}: {
  /** From `useToasts`. */
  state: ToastsState;
  /** The region's name. */
  label: string;
  dismissLabel: string;
  /** A class for the region besides `lead-alerts` (its look and corner). */
  className?: string;
}) {
  if (toasts.length === 0) return null;
  return (
    <section className={`lead-alerts ${className}`.trim()} role="status" aria-live="polite" aria-label={label}>
      {toasts.map((x) => (
        <div key={x.id} className="lead-alert">
          <button type="button" className="link" onClick={() => navigate(x.href)}>
            {x.text}
          </button>
          <button type="button" className="chip-x" aria-label={dismissLabel} onClick={() => dismiss(x.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
