/** A `<select>` of one agent, team … by id, or none (null) as its first option. */
export function IdSelect({
  value,
  none,
  options,
  disabled,
  onChange,
}: {
  value: number | null;
  none: string;
  options: ReadonlyArray<{ id: number; name: string }>;
  disabled?: boolean;
  onChange(id: number | null): void;
}) {
  return (
    <select
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    >
      <option value="">{none}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
