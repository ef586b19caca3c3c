import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { sessionCookieName } from './access-hook.js';

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (other sites cannot send it with forms or
 * fetches that write; the CSRF header covers the rest), Path=/ (the dashboard and the API share it).
 */
function cookieOptions(request: FastifyRequest, config: Config) {
  const secure =
    config.cookieSecure === 'always' || (config.cookieSecure === 'auto' && request.protocol === 'https');
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  config: Config,
  secret: string,
) {
  reply.setCookie(sessionCookieName, secret, {
    ...cookieOptions(request, config),
    maxAge: config.sessionTtlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest, config: Config) {
  reply.clearCookie(sessionCookieName, cookieOptions(request, config));
}
