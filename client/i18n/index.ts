import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en';

/** Start i18next with English; other languages are added as their files land. */
export function initI18n(lng = 'en'): typeof i18n {
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
