/** UI languages. German and English from day one; every catalogue must hold the same keys (catalogue.test.ts). */
export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

export const fallbackLanguage: Language = 'en';

/** Names shown in the language switcher, each in its own language so people find theirs. */
export const languageNames: Record<Language, string> = { de: 'Deutsch', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The first supported language among the candidates (BCP 47 tags match on their primary subtag: de-AT → de). */
export function matchLanguage(candidates: readonly (string | null | undefined)[]): Language | null {
  for (const candidate of candidates) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return null;
}

/** Like matchLanguage, falling back to English when nothing matches. */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  return matchLanguage(candidates) ?? fallbackLanguage;
}

/**
 * The UI language, most decisive first: the choice made in the switcher on this browser, then the browser's
 * languages, then the account's locale. The account locale comes last because the server assigns one without
 * asking (the instance or workspace default), while the browser's list is the person's own setting.
 */
export function resolveLanguage(
  stored: string | null,
  browserLanguages: readonly string[],
  accountLocale?: string | null,
): Language {
  return matchLanguage([stored]) ?? matchLanguage(browserLanguages) ?? pickLanguage([accountLocale]);
}
