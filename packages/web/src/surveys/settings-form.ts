import type { SurveySettings } from './survey-types';

/** Whole number from an input, or undefined for an empty one (the server's default then applies). */
export function optionalNumber(raw: string): number | undefined {
  if (raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** "plan=pro" lines → { plan: "pro" }; lines without "=" are ignored, the first "=" splits name and value. */
export function parseTraitLines(text: string): Record<string, string> | undefined {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes('='))
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()] as const;
    })
    .filter(([name]) => name !== '');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

export function traitLines(traits: Record<string, string> | undefined): string {
  return Object.entries(traits ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}

/** Comma- or line-separated event names, trimmed, empties dropped. */
export function parseList(text: string): string[] | undefined {
  const items = text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length ? items : undefined;
}

/** Drops empty objects and undefined fields, so the server stores (and validates) only what was set. */
export function pruneSettings(settings: SurveySettings): SurveySettings {
  const prune = (value: unknown): unknown => {
    if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value)
      .map(([key, child]) => [key, prune(child)] as const)
      .filter(
        ([, child]) =>
          child !== undefined &&
          !(
            typeof child === 'object' &&
            child !== null &&
            !Array.isArray(child) &&
            Object.keys(child).length === 0
          ),
      );
    return Object.fromEntries(entries);
  };
  return prune(settings) as SurveySettings;
}
