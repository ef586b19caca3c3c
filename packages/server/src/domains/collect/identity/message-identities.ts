import type { PreparedMessage } from '../prepared-message.js';
import type { IdentityKind, IdentityRef } from './identity-graph.js';

/** E-mail and phone are compared in a canonical form so "Anna@Example.de " and "anna@example.de" are one. */
export const normaliseEmail = (value: string) => value.trim().toLowerCase();
export const normalisePhone = (value: string) => value.replace(/[^\d+]/g, '');

/** Attach-only identifiers a message carries: traits.email, traits.phone, context.externalIds (Segment). */
export function extraIdentities(message: {
  type: string;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
}): { kind: IdentityKind; value: string }[] {
  const out: { kind: IdentityKind; value: string }[] = [];
  if (message.type === 'identify') {
    const { email, phone } = message.traits;
    if (typeof email === 'string' && email.includes('@'))
      out.push({ kind: 'email', value: normaliseEmail(email) });
    if (typeof phone === 'string' && normalisePhone(phone).length >= 5) {
      out.push({ kind: 'phone', value: normalisePhone(phone) });
    }
  }
  const external = message.context.externalIds;
  if (Array.isArray(external)) {
    for (const entry of external.slice(0, 20)) {
      const { id, type } = (entry ?? {}) as { id?: unknown; type?: unknown };
      if (typeof id === 'string' && id && typeof type === 'string' && /^[\w.-]{1,64}$/.test(type)) {
        out.push({ kind: `external:${type}`, value: id.slice(0, 256) });
      }
    }
  }
  return out;
}

/** Every identity the resolver may look at for this message. */
export function identityRefs(message: PreparedMessage): IdentityRef[] {
  const ws = message.workspaceId;
  const refs: IdentityRef[] = [];
  if (message.userId) refs.push({ workspaceId: ws, kind: 'user_id', value: message.userId });
  if (message.anonymousId) refs.push({ workspaceId: ws, kind: 'anonymous_id', value: message.anonymousId });
  if (message.previousId) {
    refs.push({ workspaceId: ws, kind: 'user_id', value: message.previousId });
    refs.push({ workspaceId: ws, kind: 'anonymous_id', value: message.previousId });
  }
  for (const extra of message.identities) refs.push({ workspaceId: ws, ...extra });
  return refs;
}
