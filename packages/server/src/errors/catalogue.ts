/**
 * The error catalogue: every error Cairn returns has a stable code, an HTTP status and a message template.
 * Clients branch on `code`; `message` is for people. docs/errors.md is checked against this list by a test.
 */
export const errorCatalogue = {
  CAIRN_ROUTE_NOT_FOUND: { status: 404, message: 'No route matches {method} {path}.' },
  CAIRN_NOT_FOUND: { status: 404, message: '{resource} {id} does not exist or is not visible to you.' },
  CAIRN_MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON: {reason}' },
  CAIRN_VALIDATION_FAILED: { status: 400, message: 'The request is invalid: {summary}' },
  CAIRN_BAD_REQUEST: { status: 400, message: 'The request cannot be processed: {reason}' },
  CAIRN_PAYLOAD_TOO_LARGE: {
    status: 413,
    message: 'The request body is larger than the limit of {limit} bytes.',
  },
  CAIRN_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Content type {contentType} is not supported here.' },
  CAIRN_UNAUTHENTICATED: {
    status: 401,
    message: 'Authentication required: send a bearer token or sign in.',
  },
  CAIRN_INVALID_CREDENTIALS: { status: 401, message: 'The e-mail address or password is wrong.' },
  CAIRN_FORBIDDEN: { status: 403, message: 'You are not allowed to {action}.' },
  CAIRN_CSRF_REJECTED: {
    status: 403,
    message: 'The X-CSRF-Token header is missing or does not match this session.',
  },
  CAIRN_INVALID_WRITE_KEY: {
    status: 401,
    message:
      'The write key is missing, unknown or revoked: send it as the Basic-auth user name or as writeKey.',
  },
  CAIRN_INVALID_MESSAGE: { status: 400, message: 'Message {index} was rejected: {reason}.' },
  CAIRN_MESSAGE_TOO_LARGE: { status: 400, message: 'The message is larger than {limit} bytes.' },
  CAIRN_BATCH_TOO_LARGE: {
    status: 400,
    message: 'The batch is larger than {limit} bytes; send fewer messages per request.',
  },
  CAIRN_CONFLICT: { status: 409, message: '{reason}' },
  CAIRN_SETUP_ALREADY_DONE: { status: 409, message: 'Cairn is already set up: sign in instead.' },
  CAIRN_RATE_LIMITED: { status: 429, message: 'Too many requests: retry after {retryAfter} seconds.' },
  CAIRN_OVERLOADED: { status: 503, message: 'Cairn is busy: retry after {retryAfter} seconds.' },
  CAIRN_STORE_UNAVAILABLE: { status: 503, message: 'The store is not open or not migrated yet.' },
  CAIRN_SURVEY_INVALID: { status: 400, message: 'The survey definition is invalid at {path}: {reason}' },
  CAIRN_ANSWER_INVALID: { status: 400, message: 'The answer to {questionId} is invalid: {reason}' },
  CAIRN_SURVEY_NOT_OPEN: {
    status: 409,
    message: 'Survey {surveyId} does not accept responses now (status {status}).',
  },
  CAIRN_SURVEY_STATUS_CHANGE: { status: 409, message: 'A survey cannot go from {from} to {to}.' },
  CAIRN_SURVEY_LINK_INVALID: { status: 400, message: 'The survey link is invalid or has expired.' },
  CAIRN_EMAIL_NOT_CONFIGURED: {
    status: 409,
    message: 'E-mail distribution is not configured: set CAIRN_SMTP_URL.',
  },
  CAIRN_INTERNAL: { status: 500, message: 'Something went wrong on our side (request {requestId}).' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing parameter is noticed in review. */
export function renderMessage(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** The one error type domains throw; the HTTP error handler turns it into the envelope. */
export class CairnError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(renderMessage(errorCatalogue[code].message, params));
    this.name = 'CairnError';
    this.status = errorCatalogue[code].status;
  }

  /** Fastify and its plugins read `statusCode`. */
  get statusCode(): number {
    return this.status;
  }

  toEnvelope(): ErrorEnvelope {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = (resource: string, id: string) => new CairnError('CAIRN_NOT_FOUND', { resource, id });
export const forbidden = (action: string) => new CairnError('CAIRN_FORBIDDEN', { action });
export const conflict = (reason: string) => new CairnError('CAIRN_CONFLICT', { reason });
