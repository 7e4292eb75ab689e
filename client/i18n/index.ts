import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '#shared/schemas/agent';
import en, { type Translation } from './locales/en';
import { isOneOf } from '#shared/oneOf';

/** UI languages, in the order the language picker lists them. */
export const LOCALES: readonly Locale[] = ['en', 'th', 'pl', 'zh-CN'];

/** Each language's own name, so an agent can find theirs whatever the current UI language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', th: 'ไทย', pl: 'Polski', 'zh-CN': '简体中文' };

// Other languages are separate chunks: an English-speaking agent never downloads them.
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Translation }>> = {
  th: () => import('./locales/th'),
  pl: () => import('./locales/pl'),
  'zh-CN': () => import('./locales/zh-CN'),
};

/** Start i18next with English loaded; other languages come through setLocale. */
export function initI18n(lng: Locale = 'en'): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { en: { translation: en } },
      lng,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
  }
  return i18n;
}

/** Load a language's strings (once) and switch the UI to it; also sets <html lang>. */
export async function setLocale(lng: Locale): Promise<void> {
  if (lng !== 'en' && !i18n.hasResourceBundle(lng, 'translation')) {
    const mod = await loaders[lng]();
    i18n.addResourceBundle(lng, 'translation', mod.default, true, true);
  }
  await i18n.changeLanguage(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  try {
    localStorage.setItem('braid.locale', lng);
  } catch {
    // Private mode: the server-side preference still applies after login.
  }
}

/** The language to show before anyone logs in: last used here, else the browser's, else English. */
export function guessLocale(): Locale {
  try {
    const saved = localStorage.getItem('braid.locale');
    if (isOneOf(LOCALES, saved)) return saved;
  } catch {
    // ignore
  }
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language.toLowerCase();
  if (nav.startsWith('th')) return 'th';
  if (nav.startsWith('pl')) return 'pl';
  if (nav.startsWith('zh')) return 'zh-CN';
  return 'en';
}
