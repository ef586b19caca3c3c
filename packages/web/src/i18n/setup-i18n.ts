import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, resolveLanguage } from './language';
import { de, en } from './resources';

const storageKey = 'cairn.language';

/** The choice someone made in the switcher; storage can be unavailable (private mode, blocked), hence the guard. */
export function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function browserLanguages(): string[] {
  return [...navigator.languages, navigator.language];
}

function applyToDocument(language: string): void {
  // Screen readers pick their voice from <html lang>, so it must follow every switch.
  document.documentElement.lang = language;
}

export function createI18n(): i18n {
  const instance = i18next.createInstance();
  const initial = resolveLanguage(storedLanguage(), browserLanguages());
  void instance.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: initial,
    fallbackLng: 'en',
    supportedLngs: ['de', 'en'],
    // React escapes every string it renders as text; escaping here as well would show "&lt;" to people.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  applyToDocument(initial);
  instance.on('languageChanged', applyToDocument);
  return instance;
}

/** Switches language because the person asked for it, and remembers that for the next visit. */
export function chooseLanguage(instance: i18n, language: Language): void {
  void instance.changeLanguage(language);
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering is acceptable; the switch itself still happened.
  }
}

/** Once the account is known, its locale decides, unless the switcher or the browser already did (see resolveLanguage). */
export function adoptAccountLocale(instance: i18n, locale: string | null | undefined): void {
  const language = resolveLanguage(storedLanguage(), browserLanguages(), locale);
  if (language !== instance.language) void instance.changeLanguage(language);
}
