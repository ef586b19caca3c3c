import type { i18n } from 'i18next';
import type { Translator } from '../api/error-messages';

type UntypedTranslate = (key: string, params?: Record<string, unknown>) => string;

/**
 * For keys built at run time, such as `errors.${code}`: the compiler cannot check those, so callers ask exists()
 * first. Everywhere else, keys stay typed.
 */
export function translatorOf(instance: i18n): Translator {
  const translate = instance.t.bind(instance) as unknown as UntypedTranslate;
  return { t: (key, params) => translate(key, params), exists: (key) => instance.exists(key) };
}
