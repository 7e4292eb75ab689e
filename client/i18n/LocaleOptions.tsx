import { LOCALE_NAMES, LOCALES } from '#client/i18n';

/** The `<option>`s of a language picker: every interface language, each named in itself. */
export function LocaleOptions() {
  return LOCALES.map((l) => (
    <option key={l} value={l} lang={l}>
      {LOCALE_NAMES[l]}
    </option>
  ));
}
