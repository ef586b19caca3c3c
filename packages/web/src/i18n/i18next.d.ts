import 'i18next';
import type en from './en.json';

// Typed keys: `t('no.such.key')` is a compile error, so a typo cannot ship (en.json is the reference catalogue).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
