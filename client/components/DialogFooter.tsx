import type { ReactNode } from 'react';

/** The foot of a form or dialog: what went wrong (announced at once) above its row of buttons. */
export function DialogFooter({ error, children }: { error?: string | null | false; children: ReactNode }) {
  return (
    <>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">{children}</div>
    </>
  );
}
