import type { ReactNode } from 'react';

/** One filter of a search, log or transcript bar: its name above its control. */
export function Filter({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="filter">
      <span>{label}</span>
      {children}
    </label>
  );
}

/**
 * A filter picking one of `options` (value, label) or, first, `any` (''). Values stay text, as the
 * address keeps them.
 */
export function ChoiceFilter({
  label,
  any,
  value,
  options,
  onChange,
}: {
  label: string;
  any: string;
  value: string | undefined;
  options: ReadonlyArray<readonly [string, string]>;
  onChange(v: string): void;
}) {
  return (
    <Filter label={label}>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Filter>
  );
}

/** A filter on one local day (YYYY-MM-DD, '' for none). */
export function DayFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange(v: string): void;
}) {
  return (
    <Filter label={label}>
      <input type="date" value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
    </Filter>
  );
}
