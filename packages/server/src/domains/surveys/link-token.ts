import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CairnError } from '../../errors/catalogue.js';

/**
 * Personalised survey links: `?t=` carries base64url(JSON payload) + '.' + base64url(HMAC-SHA256(payload)). The
 * profile id travels only inside the signed payload, so a link can neither be forged for another profile nor
 * edited. `k` tells a survey link from an unsubscribe link, so one cannot be replayed as the other.
 */
export interface LinkPayload {
  /** Workspace id. */
  w: string;
  /** Survey id. */
  s: string;
  /** Profile id. */
  p: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  k: 'survey' | 'unsubscribe';
}

const encode = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest();

export function signLink(secret: string, payload: LinkPayload): string {
  const body = encode(JSON.stringify(payload));
  return `${body}.${encode(sign(secret, body))}`;
}

const invalidLink = () => new CairnError('CAIRN_SURVEY_LINK_INVALID');

/** The payload of a genuine, unexpired token of kind `kind`; CAIRN_SURVEY_LINK_INVALID otherwise. */
export function verifyLink(secret: string, token: string, kind: LinkPayload['k'], now: Date): LinkPayload {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) throw invalidLink();
  const expected = sign(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidLink();
  let payload: Partial<LinkPayload>;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<LinkPayload>;
  } catch {
    throw invalidLink();
  }
  const { w, s, p, exp, k } = payload;
  if (typeof w !== 'string' || typeof s !== 'string' || typeof p !== 'string' || typeof exp !== 'number')
    throw invalidLink();
  if (k !== kind || exp * 1000 <= now.getTime()) throw invalidLink();
  return { w, s, p, exp, k };
}

/**
 * The configured secret, else one generated on first use and kept in `<dataDir>/link-secret` (mode 0600) so links
 * already sent keep working after a restart.
 */
export async function loadLinkSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, 'link-secret');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  // flag 'wx' fails when another process created the file meanwhile: then that one wins.
  try {
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  }
}
