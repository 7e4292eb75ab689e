import { useTranslation } from 'react-i18next';
import type { SortKey } from './views';

/** The view's name and live count, and the list order. */
export function ListHeader({
  label,
  count,
  sort,
  setSort,
}: {
  label: string;
  count: number | undefined;
  sort: SortKey;
  setSort(s: SortKey): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="list-header">
      <h1 className="list-title">
        {label}
        {count !== undefined && <span className="list-count">{count}</span>}
      </h1>
      <label className="sort">
        <span className="sr-only">{t('list.sortLabel')}</span>
        <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
          <option value="waiting">{t('list.sort.waiting')}</option>
          <option value="activity">{t('list.sort.activity')}</option>
          <option value="priority">{t('list.sort.priority')}</option>
        </select>
      </label>
    </div>
  );
}
