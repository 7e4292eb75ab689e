import { useId, type ReactNode } from 'react';

/** Attributes that tie a control to its label, hint and error. */
export interface FieldA11y {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled form control with an optional hint and error, wired up for screen readers. */
export function Field({
  label,
  hint,
  error,
  className = '',
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children(a: FieldA11y): ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** One option of a checkbox group. */
export interface CheckOption<T> {
  value: T;
  label: string;
}

/** A set of checkboxes under one legend, holding the ticked values in option order. */
export function CheckboxGroup<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  hint,
  error,
  disabled,
}: {
  legend: string;
  options: Array<CheckOption<T>>;
  value: readonly T[];
  onChange(v: T[]): void;
  hint?: string;
  error?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const toggle = (v: T, on: boolean) =>
    onChange(options.map((o) => o.value).filter((x) => (x === v ? on : value.includes(x))));
  return (
    <fieldset
      className="checks"
      disabled={disabled}
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      <div className="check-list">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Heading, introduction (with an optional second line, e.g. "read-only") and main action of a settings page. */
export function SettingsHead({
  id,
  title,
  intro,
  note,
  action,
}: {
  id: string;
  title: string;
  intro: string;
  note?: string | false;
  action?: ReactNode;
}) {
  return (
    <>
      <div className="settings-head">
        <h1 id={id}>{title}</h1>
        {action}
      </div>
      <p className="muted small">
        {intro}
        {note && (
          <>
            <br />
            <strong>{note}</strong>
          </>
        )}
      </p>
    </>
  );
}

/** A single labelled checkbox with an optional hint read out with it. */
export function Check({
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange(v: boolean): void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="check-field">
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
