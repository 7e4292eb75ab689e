import { useState } from 'react';
import { RowEditButton } from './AdminTable';
import { focusLater } from './focus';

/**
 * Which editor of an admin page is open — the "New …" form or one row's inline editor — with
 * focus going back to the button that opened it when it closes. Button ids are `${prefix}-new`
 * and `${prefix}-edit-${row id}`.
 */
export function useInlineEditor(prefix: string) {
  const [form, setForm] = useState<'new' | number | null>(null);
  const newId = `${prefix}-new`;
  const editId = (id: number) => `${prefix}-edit-${id}`;
  return {
    creating: form === 'new',
    /** The row whose editor is open. */
    open: typeof form === 'number' ? form : null,
    /** The page's "New …" button (see `AdminPage`): opens the form, disabled while it is open. */
    add: { id: newId, disabled: form === 'new', onClick: () => setForm('new') },
    closeNew: () => {
      setForm(null);
      focusLater(newId);
    },
    closeRow: (id: number) => {
      setForm(null);
      focusLater(editId(id));
    },
    /** The row's Edit button: opens its editor, or closes it when open. */
    editButton: (row: { id: number; name?: string }, label: string) => (
      <RowEditButton
        id={editId(row.id)}
        label={label}
        rowName={row.name}
        expanded={form === row.id}
        onClick={() => setForm(form === row.id ? null : row.id)}
      />
    ),
  };
}
