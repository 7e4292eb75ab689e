import { useTranslation } from 'react-i18next';
import { SORT_KEYS, type SortKey } from './views';
import { Select, optionsOf } from '#client/components/Select';

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
        <Select value={sort} options={optionsOf(SORT_KEYS, (s) => t(`list.sort.${s}`))} onChange={setSort} />
      </label>
    </div>
  );
}
