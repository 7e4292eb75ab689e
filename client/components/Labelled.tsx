import type { ReactNode } from 'react';

/** A control with its name before it on the same line (a picker in a header or a toolbar). */
export function Labelled({ text, children }: { text: string; children: ReactNode }) {
  return (
    <label>
      {text} {children}
    </label>
  );
}
