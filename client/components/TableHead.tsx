import type { ReactNode } from 'react';

/**
 * A table's header row: one `<th scope="col">` per column, in order. A column may be empty (null)
 * or read only by screen readers (pass `<span className="sr-only">…</span>`).
 */
export function TableHead({ columns }: { columns: ReadonlyArray<ReactNode> }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
