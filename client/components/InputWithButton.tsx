import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

/** A row of one input, whose label is read out but not shown, and the button that acts on it. */
export function InputWithButton({
  rowClass,
  label,
  button,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  /** The row's class; `className` goes to the input. */
  rowClass: string;
  label: string;
  button: ReactNode;
  ref?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <div className={rowClass}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input id={id} {...input} />
      {button}
    </div>
  );
}
