import Type from 'typebox';
import { auditActions } from '../domains/access/audit.js';
import { roles } from '../domains/access/roles.js';
import {
  emailMaxLength,
  nameMaxLength,
  passwordMaxLength,
  passwordMinLength,
  supportedLocales,
} from '../domains/access/validation.js';
import { IsoTime, Uuid } from './schemas.js';

/**
 * Request and response shapes of the access routes. Response schemas list fields explicitly: the serialiser
 * drops anything else, so password and token hashes cannot leak even if a record slips through whole.
 */
export const RoleSchema = Type.Enum(roles, {
  description: 'Workspace role, most to least powerful: owner > admin > analyst > agent > viewer.',
});
export const LocaleSchema = Type.Enum(supportedLocales, { description: 'Language: de or en.' });
export const EmailSchema = Type.String({
  minLength: 3,
  maxLength: emailMaxLength,
  description: 'E-mail address; surrounding spaces are trimmed, case is ignored when comparing.',
});
export const NewPasswordSchema = Type.String({
  minLength: passwordMinLength,
  maxLength: passwordMaxLength,
  description: `At least ${passwordMinLength} characters.`,
});
export const NameSchema = Type.String({ maxLength: nameMaxLength });
export const TimeZoneSchema = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone name, e.g. Europe/Berlin; reports count days in this zone.',
});

export const User = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  createdAt: IsoTime,
});

export const Workspace = Type.Object({
  id: Uuid,
  name: Type.String(),
  timeZone: Type.String(),
  defaultLocale: Type.String(),
  requireConsent: Type.Boolean({ description: 'SDKs send nothing until the visitor consents.' }),
  createdAt: IsoTime,
});

export const WorkspaceWithRole = Type.Object({
  id: Uuid,
  name: Type.String(),
  timeZone: Type.String(),
  defaultLocale: Type.String(),
  requireConsent: Type.Boolean(),
  createdAt: IsoTime,
  role: RoleSchema,
});

export const Member = Type.Object({
  userId: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  createdAt: IsoTime,
});

const tokenFields = {
  id: Uuid,
  name: Type.String(),
  role: RoleSchema,
  prefix: Type.String({ description: 'First characters of the token, to tell tokens apart.' }),
  createdAt: IsoTime,
};

export const ApiToken = Type.Object({
  ...tokenFields,
  lastUsedAt: Type.Union([IsoTime, Type.Null()], { description: 'Updated at most once a minute.' }),
  revokedAt: Type.Union([IsoTime, Type.Null()]),
});

export const CreatedApiToken = Type.Object({
  ...tokenFields,
  token: Type.String({ description: 'The bearer token. Shown only in this response: store it now.' }),
});

const writeKeyFields = {
  id: Uuid,
  name: Type.String(),
  key: Type.String({ description: 'Public by design: it can only send events to this workspace.' }),
  createdAt: IsoTime,
};

export const WriteKey = Type.Object({ ...writeKeyFields, revokedAt: Type.Union([IsoTime, Type.Null()]) });
export const CreatedWriteKey = Type.Object(writeKeyFields);

export const AuditEntry = Type.Object({
  id: Uuid,
  at: IsoTime,
  // A string, not an enum: other domains (privacy, cases) will add their own actions to the same log.
  action: Type.String({ description: `What was done, e.g. ${auditActions.join(', ')}.` }),
  actorType: Type.Enum(['user', 'api-token', 'admin-token', 'system']),
  actorId: Type.Union([Type.String(), Type.Null()], {
    description: 'User id, API token id, or for the operator the credential used (admin-token, cli).',
  }),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'What changed; never secrets.' }),
  ip: Type.Union([Type.String(), Type.Null()]),
});

export const NoContent = Type.Null({ description: 'Done; no body.' });

export const MemberParams = Type.Object({ workspaceId: Uuid, userId: Uuid });
export const TokenParams = Type.Object({ workspaceId: Uuid, tokenId: Uuid });
export const WriteKeyParams = Type.Object({ workspaceId: Uuid, keyId: Uuid });
