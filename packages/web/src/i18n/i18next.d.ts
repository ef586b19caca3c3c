import 'i18next';
import type { en } from './resources';

// Typed keys: `t('no.such.key')` is a compile error, so a typo cannot ship (the English catalogue is the reference).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
