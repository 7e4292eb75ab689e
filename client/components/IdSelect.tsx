import type { SelectHTMLAttributes } from 'react';

/**
 * A `<select>` of one agent, team … by id, or none (null) as its first option. Every other
 * attribute (id, aria-…) goes to the select.
 */
export function IdSelect({
  value,
  none,
  options,
  onChange,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: number | null;
  none: string;
  options: ReadonlyArray<{ id: number; name: string }>;
  onChange(id: number | null): void;
}) {
  return (
    <select {...select} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">{none}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
