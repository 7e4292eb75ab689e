/**
 * Form controls bound to the fields of a draft held by the parent (`value` and `onChange` of the
 * whole): `field(key)` is one field's `value` and `onChange`, ready to spread on a `SelectField`,
 * `Check`, `CheckboxGroup` …; `set` changes several fields at once.
 */
export function draftFields<D extends object>(value: D, onChange: (next: D) => void) {
  return {
    set: (patch: Partial<D>) => onChange({ ...value, ...patch }),
    field: <K extends keyof D>(key: K) => ({
      value: value[key],
      onChange: (v: D[K]) => onChange({ ...value, [key]: v }),
    }),
  };
}
