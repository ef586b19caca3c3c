/** The channels a customer can meet a company on. Every event carries exactly one. */
export const channels = ['web', 'app', 'email', 'sms', 'chat', 'social', 'store', 'phone', 'other'] as const;
export type Channel = (typeof channels)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value);
}
