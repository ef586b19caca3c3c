import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords: argon2id with the library's defaults (RFC 9106's second recommended option: m=19 MiB, t=2, p=1).
 * Tokens and session ids are 256-bit random values, so a fast SHA-256 is enough to store them safely.
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash that verifies nothing, so unknown e-mail addresses cost the same time as wrong passwords. */
export const decoyPasswordHash = hash(randomBytes(16).toString('hex'));

export function randomSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const tokenPrefixes = {
  apiToken: 'cairn_pat_',
  writeKey: 'cairn_wk_',
  session: '',
  cli: 'cairn_cli_',
} as const;
