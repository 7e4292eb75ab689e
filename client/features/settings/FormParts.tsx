import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { Team } from '#shared/schemas/agent';
import { Select, type SelectProps } from '#client/components/Select';

/** Attributes that tie a control to its label, hint and error. */
export interface FieldA11y {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The ids a control's hint and error get, listed for `aria-describedby` (undefined when there is neither). */
function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A control's hint and error lines, with the ids `describedBy` points at. */
function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
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
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) })}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** What a `Field` shows around its control. */
interface FieldText {
  label: string;
  hint?: string;
  error?: string;
  className?: string;
}

/** A field's own props apart from those of the control it holds. */
function splitField<P extends FieldText>({ label, hint, error, className, ...control }: P) {
  return [{ label, hint, error, className }, control] as const;
}

/** A `Field` holding one `<input>`; every other attribute goes to the input. */
export function InputField(props: InputHTMLAttributes<HTMLInputElement> & FieldText) {
  const [text, input] = splitField(props);
  return <Field {...text}>{(a) => <input {...a} {...input} />}</Field>;
}

/** A `Field` holding a `Select` of typed values; every other attribute goes to the select. */
export function SelectField<T extends string>(props: SelectProps<T> & FieldText) {
  const [text, select] = splitField(props);
  return <Field {...text}>{(a) => <Select {...a} {...select} />}</Field>;
}

/** An optional http(s) address (a callback or webhook endpoint), up to 2000 characters. */
export function UrlField({
  value,
  onChange,
  ...field
}: FieldText & { required?: boolean; value: string; onChange(v: string): void }) {
  return (
    <InputField
      {...field}
      className="wide"
      type="url"
      maxLength={2000}
      placeholder="https://"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** The required name (up to 80 characters) of a team, policy or key being created or edited. */
export function NameField({
  value,
  onChange,
  ...field
}: {
  label: string;
  error?: string;
  autoFocus?: boolean;
  value: string;
  onChange(v: string): void;
}) {
  return <InputField {...field} required maxLength={80} value={value} onChange={(e) => onChange(e.target.value)} />;
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
    <fieldset className="checks" disabled={disabled} aria-describedby={describedBy(id, hint, error)}>
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
      <FieldNotes id={id} hint={hint} error={error} />
    </fieldset>
  );
}

/** A checkbox per team (nothing at all while there are no teams), holding the ticked team ids. */
export function TeamChecks({
  teams,
  ...group
}: {
  legend: string;
  teams: readonly Team[];
  value: readonly number[];
  onChange(v: number[]): void;
  error?: string;
}) {
  if (teams.length === 0) return null;
  return <CheckboxGroup {...group} options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} />;
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

/** A single labelled checkbox with an optional hint read out with it; `value` is whether it is ticked. */
export function Check({
  label,
  hint,
  value,
  onChange,
  disabled,
}: {
  label: string;
  hint?: string;
  value: boolean;
  onChange(v: boolean): void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="check-field">
      <label className="check">
        <input
          type="checkbox"
          checked={value}
          disabled={disabled}
          aria-describedby={describedBy(id, hint)}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {label}
      </label>
      <FieldNotes id={id} hint={hint} />
    </div>
  );
}
