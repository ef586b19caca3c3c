import path from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';

/**
 * The one place that reads the environment. Parsed once at boot; a bad value stops the process with a message
 * that names every offending variable (fail fast instead of failing later in a request).
 */
const LogLevel = Type.Union(
  ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
);

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 3000,
    description: 'TCP port of the HTTP server.',
  }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0', description: 'Interface to listen on.' }),
  CAIRN_DATA_DIR: Type.String({
    minLength: 1,
    default: './data',
    description: 'Directory holding the DuckDB store file and backups.',
  }),
  CAIRN_ADMIN_TOKEN: Type.Optional(
    Type.String({
      minLength: 24,
      description:
        'Optional bearer token with owner rights in every workspace, for automation (at least 24 characters).',
    }),
  ),
  CAIRN_PUBLIC_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'External base URL, used in links Cairn sends out.' }),
  ),
  CAIRN_LOG_LEVEL: Type.Union(LogLevel.anyOf, {
    default: 'info',
    description: 'Log level of the JSON logs.',
  }),
  CAIRN_RATE_LIMIT_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 600,
    description: 'Requests per minute per client on /api routes before 429.',
  }),
  CAIRN_BODY_LIMIT_BYTES: Type.Integer({
    minimum: 1024,
    default: 1_048_576,
    description: 'Largest accepted request body on /api routes, in bytes.',
  }),
  CAIRN_SESSION_TTL_HOURS: Type.Integer({
    minimum: 1,
    default: 168,
    description: 'Lifetime of a login session.',
  }),
  CAIRN_COOKIE_SECURE: Type.Union([Type.Literal('auto'), Type.Literal('always'), Type.Literal('never')], {
    default: 'auto',
    description: 'Secure flag on cookies: auto sets it when the request arrived over HTTPS.',
  }),
  CAIRN_IP_MODE: Type.Union([Type.Literal('truncate'), Type.Literal('keep'), Type.Literal('drop')], {
    default: 'truncate',
    description: 'How client IP addresses are stored: truncate (IPv4 /24, IPv6 /48), keep, or drop.',
  }),
  CAIRN_INGEST_RATE_LIMIT_PER_MINUTE: Type.Integer({
    minimum: 1,
    default: 120_000,
    description: 'Ingestion requests per minute per write key (or per client without one) before 429.',
  }),
  CAIRN_INGEST_MAX_PENDING: Type.Integer({
    minimum: 100,
    default: 100_000,
    description:
      'Messages waiting for the ingest journal, and messages journaled but not yet in the store (each bounded by it); above it ingestion answers 503 + Retry-After.',
  }),
  CAIRN_INGEST_WORKERS: Type.Integer({
    minimum: 0,
    maximum: 64,
    default: 1,
    description:
      'Worker threads that parse, validate and prepare ingestion requests; 0 does it on the main thread.',
  }),
  CAIRN_DEDUPE_WINDOW_HOURS: Type.Integer({
    minimum: 1,
    default: 24,
    description: 'How long a messageId is remembered for de-duplication.',
  }),
  CAIRN_DEDUPE_MAX_ENTRIES: Type.Integer({
    minimum: 1000,
    default: 2_000_000,
    description: 'Upper bound on remembered messageIds (memory bound of the de-duplication window).',
  }),
  CAIRN_LINK_SECRET: Type.Optional(
    Type.String({
      minLength: 32,
      description:
        'Secret that signs personalised survey and unsubscribe links (at least 32 characters); when unset one is generated once and kept in <dataDir>/link-secret.',
    }),
  ),
  CAIRN_SMTP_URL: Type.Optional(
    Type.String({
      pattern: '^smtps?://',
      description:
        'SMTP server for survey e-mail invitations, e.g. smtp://user:pass@mail.example:587; unset = no e-mail.',
    }),
  ),
  CAIRN_MAIL_FROM: Type.String({
    minLength: 3,
    default: 'Cairn <surveys@localhost>',
    description: 'Sender address of survey invitations and reminders.',
  }),
  CAIRN_TRUST_PROXY: Type.Boolean({
    default: false,
    description: 'Trust X-Forwarded-* headers (set when Cairn runs behind a reverse proxy).',
  }),
});

export type RawConfig = Static<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  adminToken: string | undefined;
  publicUrl: string | undefined;
  logLevel: string;
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  cookieSecure: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  ipMode: 'truncate' | 'keep' | 'drop';
  ingestRateLimitPerMinute: number;
  ingestMaxPending: number;
  ingestWorkers: number;
  dedupeWindowHours: number;
  dedupeMaxEntries: number;
  linkSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (or any string map, for tests and the CLI) into a typed, validated Config. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(ConfigSchema.properties);
  const picked: Record<string, unknown> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const withDefaults = Value.Default(ConfigSchema, picked);
  const converted = Value.Convert(ConfigSchema, withDefaults);
  if (!Value.Check(ConfigSchema, converted)) {
    const problems = Value.Errors(ConfigSchema, converted).map((e) => {
      const key = e.instancePath.replace(/^\//, '') || 'config';
      return `${key}: ${e.message} (got ${JSON.stringify(picked[key] ?? null)})`;
    });
    throw new ConfigError(problems);
  }
  const raw = converted as RawConfig;
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir: path.resolve(raw.CAIRN_DATA_DIR),
    adminToken: raw.CAIRN_ADMIN_TOKEN,
    publicUrl: raw.CAIRN_PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: raw.CAIRN_LOG_LEVEL,
    rateLimitPerMinute: raw.CAIRN_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: raw.CAIRN_BODY_LIMIT_BYTES,
    sessionTtlHours: raw.CAIRN_SESSION_TTL_HOURS,
    cookieSecure: raw.CAIRN_COOKIE_SECURE,
    trustProxy: raw.CAIRN_TRUST_PROXY,
    ipMode: raw.CAIRN_IP_MODE,
    ingestRateLimitPerMinute: raw.CAIRN_INGEST_RATE_LIMIT_PER_MINUTE,
    ingestMaxPending: raw.CAIRN_INGEST_MAX_PENDING,
    ingestWorkers: raw.CAIRN_INGEST_WORKERS,
    dedupeWindowHours: raw.CAIRN_DEDUPE_WINDOW_HOURS,
    dedupeMaxEntries: raw.CAIRN_DEDUPE_MAX_ENTRIES,
    linkSecret: raw.CAIRN_LINK_SECRET,
    smtpUrl: raw.CAIRN_SMTP_URL,
    mailFrom: raw.CAIRN_MAIL_FROM,
  };
}

/** Variable name, default and description of every setting: the README's configuration table is checked against it. */
export function configReference(): { name: string; default: unknown; description: string }[] {
  return Object.entries(ConfigSchema.properties).map(([name, schema]) => {
    const s = schema as { default?: unknown; description?: string };
    return { name, default: s.default, description: s.description ?? '' };
  });
}
