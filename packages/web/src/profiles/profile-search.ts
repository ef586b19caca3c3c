import type { Identity, ProfileSummary, Traits } from './profiles-api';

/**
 * How a profile is searched, kept in the query string (?by=email&q=ada@example.com): by text or trait through the
 * search endpoint, or by exactly one identifier through the lookup endpoint.
 */
export const searchModes = ['text', 'trait', 'userId', 'anonymousId', 'email', 'phone', 'external'] as const;
export type SearchMode = (typeof searchModes)[number];

export interface ProfileSearch {
  by: SearchMode;
  q: string;
  /** The system an external id comes from (e.g. crm), only with by=external. */
  externalType?: string;
}

const isMode = (value: string | null): value is SearchMode =>
  (searchModes as readonly (string | null)[]).includes(value);
// The server's own limits (profiles routes): a trait filter is name:value, an external type a short slug.
const traitPattern = /^[^:]{1,100}:.{0,500}$/;
const externalTypePattern = /^[\w.-]{1,64}$/;

/** The search in the URL, or undefined when there is none (or it could not be sent as it stands). */
export function parseProfileSearch(search: string): ProfileSearch | undefined {
  const params = new URLSearchParams(search);
  const q = params.get('q')?.trim() ?? '';
  const byParam = params.get('by');
  const by: SearchMode = isMode(byParam) ? byParam : 'text';
  if (q === '' || q.length > 500) return undefined;
  if (by === 'text' && q.length > 200) return undefined;
  if (by === 'trait' && !traitPattern.test(q)) return undefined;
  if (by === 'external') {
    const externalType = params.get('type')?.trim() ?? '';
    return externalTypePattern.test(externalType) ? { by, q, externalType } : undefined;
  }
  return { by, q };
}

export function serialiseProfileSearch(search: ProfileSearch): string {
  const params = new URLSearchParams({ by: search.by, q: search.q });
  if (search.by === 'external' && search.externalType) params.set('type', search.externalType);
  return `?${params}`;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The name people know a customer by: the name trait, first + last name, e-mail, a user id, else the profile id. */
export function displayName(profile: { id: string; traits: Traits; identities: Identity[] }): string {
  const trait = (name: string) => text(profile.traits[name]?.value);
  const fullName = [trait('firstName'), trait('lastName')].filter(Boolean).join(' ');
  const identity = (kind: string) => profile.identities.find((i) => i.kind === kind)?.value;
  return (
    trait('name') ??
    (fullName || undefined) ??
    trait('email') ??
    identity('email') ??
    identity('user_id') ??
    identity('anonymous_id') ??
    profile.id
  );
}

/** A trait or property value as text (objects as JSON); hostile values stay text because React escapes them. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export type { ProfileSummary };
