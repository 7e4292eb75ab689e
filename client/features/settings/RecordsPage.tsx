import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminPage, AdminTable, type AdminRowsProps, type TableQuery } from './AdminTable';
import { useInlineEditor } from './useInlineEditor';

/** The form of a page's records: a new one (no row) above the table, or a row's, inline under it. */
export interface RecordForm<T> {
  /** Prefix of the ids of the buttons that open it (`<prefix>-new`, `<prefix>-edit-<row id>`). */
  prefix: string;
  /** The form; `onDone` closes it and puts focus back on the button that opened it. */
  render(row: T | undefined, onDone: () => void): ReactNode;
  /** Runs when "New …" opens the form. */
  onAdd?(): void;
}

/**
 * An admin page of records: the head (`<keys>.title`, `.intro`, `.add`; "read-only" for those who
 * may only look), `children` above the table, the table (`<keys>.empty` when there are no rows) and
 * `footer` below it. With `form`, those who may edit get "New …" and an Edit button on every row;
 * a row's other `actions` come after it. Row actions are shown only to those who may edit.
 */
export function RecordsPage<T extends { id: number; name?: string }>({
  keys,
  canEdit = true,
  add,
  form,
  actions,
  children,
  footer,
  ...table
}: Omit<AdminRowsProps<T>, 'caption' | 'className'> & {
  keys: string;
  canEdit?: boolean;
  /** "New …" when the page opens its own kind of form (without `form`). */
  add?: { id: string; disabled: boolean; onClick(): void };
  form?: RecordForm<T>;
  query: TableQuery;
  /** Why the last action on a row (archive, delete …) failed. */
  failed?: Error | null;
  children?: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const editor = useInlineEditor(form?.prefix ?? keys);
  const newButton = form && {
    ...editor.add,
    onClick: () => {
      form.onAdd?.();
      editor.add.onClick();
    },
  };
  const inline = form && {
    open: editor.open,
    editor: (row: T) => form.render(row, () => editor.closeRow(row.id)),
    actions: (row: T) => (
      <>
        {editor.editButton(row, t('common.edit'))}
        {actions?.(row)}
      </>
    ),
  };
  const rowActions = inline?.actions ?? actions;
  return (
    <AdminPage keys={keys} canEdit={canEdit} add={newButton ?? add}>
      {children}
      {form && editor.creating && form.render(undefined, editor.closeNew)}
      <AdminTable empty={t(`${keys}.empty`)} {...table} {...inline} actions={canEdit ? rowActions : undefined} />
      {footer}
    </AdminPage>
  );
}
