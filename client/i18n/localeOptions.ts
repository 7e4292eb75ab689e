import type { SelectOption } from '#client/components/Select';
import type { Locale } from '#shared/schemas/agent';
import { LOCALE_NAMES, LOCALES } from '#client/i18n';

/** The choices of a language picker: every interface language, each named in itself. */
export const LOCALE_OPTIONS: ReadonlyArray<SelectOption<Locale>> = LOCALES.map((l) => ({
  value: l,
  label: LOCALE_NAMES[l],
  lang: l,
}));
