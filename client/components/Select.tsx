import type { SelectHTMLAttributes } from 'react';

/** One choice of a `Select`: the value it stands for and what it reads. */
export interface SelectOption<T extends string> {
  value: T;
  label: string;
  /** The option's language, when it differs from the page's (a language named in itself). */
  lang?: string;
}

/** The options for a list of values, each read through `label`. */
export function optionsOf<T extends string>(values: readonly T[], label: (v: T) => string): Array<SelectOption<T>> {
  return values.map((value) => ({ value, label: label(value) }));
}

/** A `Select`'s value, choices and change; any other `<select>` attribute. */
export type SelectProps<T extends string> = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: T;
  options: ReadonlyArray<SelectOption<T>>;
  onChange(v: T): void;
};

/**
 * A `<select>` of typed values: `onChange` gets the option's own value (no cast from the DOM's
 * string). Every other attribute goes to the select.
 */
export function Select<T extends string>({ value, options, onChange, ...select }: SelectProps<T>) {
  return (
    <select
      {...select}
      value={value}
      onChange={(e) => {
        const picked = options.find((o) => o.value === e.target.value);
        if (picked) onChange(picked.value);
      }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value} lang={o.lang}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
