import { Fragment, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsHead } from './FormParts';
import { FailedNote } from './MutationNotes';

/** One column of an admin table: its header and what each row shows in it. */
export interface AdminColumn<T> {
  header: string;
  /** Left out when the table draws whole rows itself (`renderRow`). */
  cell?: (row: T) => ReactNode;
  className?: string;
}

/** The states of the query behind a table. */
export interface TableQuery {
  isPending: boolean;
  error?: Error | null;
}

/** What an admin table shows: its columns, one row per item, buttons and the open row's editor. */
export interface AdminRowsProps<T> {
  rows: T[];
  columns: Array<AdminColumn<T>>;
  /** Rows no longer in use (archived, revoked, deactivated): shown greyed. */
  inactive?: (row: T) => boolean;
  /** A class of its own for a row (a delivery's status …). */
  rowClassName?: (row: T) => string;
  /** Buttons for a row (an unlabelled last column); leave out for a table without them. */
  actions?: (row: T) => ReactNode;
  /** The id of the row whose editor is open. */
  open?: number | null;
  editor?: (row: T) => ReactNode;
  /** Draw a whole row (a row with its own state, such as an in-place rename) instead of the cells. */
  renderRow?: (row: T) => ReactNode;
  /** The table's name, read only by screen readers. */
  caption?: string;
  /** A class besides `admin-table`. */
  className?: string;
}

/**
 * The table of an admin settings page: loading, failure and empty notes, then the rows (`AdminRows`).
 */
export function AdminTable<T extends { id: number }>({
  query,
  empty,
  failed = null,
  ...table
}: AdminRowsProps<T> & {
  query: TableQuery;
  empty: string;
  /** Why the last action on a row (archive, delete …) failed. */
  failed?: Error | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FailedNote error={failed} />
      {query.isPending && <p className="muted">{t('app.loading')}</p>}
      {query.error && (
        <p className="error small" role="alert">
          {t('admin.form.loadFailed', { reason: query.error.message })}
        </p>
      )}
      {!query.isPending && table.rows.length === 0 && <p className="muted">{empty}</p>}
      <AdminRows {...table} />
    </>
  );
}

/**
 * Column headers and one row per item with the first column as the row's header and an optional
 * last column of buttons; the inline editor of the open row goes in a full-width row right below it.
 */
export function AdminRows<T extends { id: number }>({
  rows,
  columns,
  inactive,
  rowClassName,
  actions,
  open = null,
  editor,
  renderRow,
  caption,
  className,
}: AdminRowsProps<T>) {
  const { t } = useTranslation();
  const width = columns.length + (actions || renderRow ? 1 : 0);
  const [head, ...rest] = columns;
  return (
    <table className={className ? `admin-table ${className}` : 'admin-table'}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.className}>
              {c.header}
            </th>
          ))}
          {(actions || renderRow) && (
            <th scope="col">
              <span className="sr-only">{t('admin.form.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Fragment key={row.id}>
            {renderRow ? (
              renderRow(row)
            ) : (
              <tr className={inactive?.(row) ? 'inactive' : rowClassName?.(row)}>
                <th scope="row" className={head.className}>
                  {head.cell?.(row)}
                </th>
                {rest.map((c) => (
                  <td key={c.header} className={c.className}>
                    {c.cell?.(row)}
                  </td>
                ))}
                {actions && <td className="row-actions">{actions(row)}</td>}
              </tr>
            )}
            {open === row.id && editor && (
              <tr className="edit-row">
                <td colSpan={width}>{editor(row)}</td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An admin settings page: heading, introduction, "read-only" for those who may only look, and the
 * "New …" button for those who may create. Texts are `<keys>.title`, `.intro` and `.add`.
 */
export function AdminPage({
  keys,
  canEdit,
  add,
  children,
}: {
  keys: string;
  canEdit: boolean;
  add?: { id: string; disabled: boolean; onClick(): void };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="settings" aria-labelledby={titleId}>
      <SettingsHead
        id={titleId}
        title={t(`${keys}.title`)}
        intro={t(`${keys}.intro`)}
        note={!canEdit && t('admin.nav.readOnly')}
        action={
          canEdit &&
          add && (
            <button type="button" id={add.id} className="primary" disabled={add.disabled} onClick={add.onClick}>
              {t(`${keys}.add`)}
            </button>
          )
        }
      />
      {children}
    </section>
  );
}

/** An "Edit" (or similar) button that opens a row's inline editor; it names the row for screen readers. */
export function RowEditButton({
  id,
  label,
  rowName,
  expanded,
  onClick,
}: {
  id: string;
  label: string;
  rowName?: string;
  expanded: boolean;
  onClick(): void;
}) {
  return (
    <button type="button" id={id} className="link small" aria-expanded={expanded} onClick={onClick}>
      {label} <span className="sr-only">{rowName}</span>
    </button>
  );
}
