/** Move focus to an element once React has re-rendered (e.g. back to the button that opened a closed form). */
export function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** After a refused submit, move focus to the form's first field marked invalid (once it is marked). */
export function focusFirstInvalid(form: HTMLFormElement): void {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
