import { uuidv7 } from 'uuidv7';
import type {
  ApiTokenRecord,
  AuditRecord,
  MembershipRecord,
  SessionRecord,
  UserRecord,
  WorkspaceRecord,
  WriteKeyRecord,
} from '../port.js';

/**
 * Record builders for the contract cases. Every call gives fresh ids and unique values, so cases never collide;
 * timestamps are whole milliseconds in the `Date.toISOString()` form, which every adapter must return unchanged.
 */
export const at = (minutes: number): string =>
  new Date(Date.UTC(2026, 0, 1, 9, 0) + minutes * 60_000).toISOString();

const unique = () => uuidv7().replaceAll('-', '');

export const workspace = (o: Partial<WorkspaceRecord> = {}): WorkspaceRecord => ({
  id: uuidv7(),
  name: 'Acme',
  timeZone: 'Europe/Berlin',
  defaultLocale: 'de',
  requireConsent: false,
  createdAt: at(0),
  ...o,
});

export const user = (o: Partial<UserRecord> = {}): UserRecord => ({
  id: uuidv7(),
  email: `user-${unique()}@example.com`,
  name: 'Ada',
  locale: 'en',
  passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${unique()}`,
  createdAt: at(0),
  ...o,
});

export const membership = (workspaceId: string, userId: string, o: Partial<MembershipRecord> = {}) =>
  ({ workspaceId, userId, role: 'viewer', createdAt: at(0), ...o }) satisfies MembershipRecord;

export const apiToken = (workspaceId: string, o: Partial<ApiTokenRecord> = {}): ApiTokenRecord => ({
  id: uuidv7(),
  workspaceId,
  name: 'CI',
  role: 'analyst',
  tokenHash: `${unique()}${unique()}`,
  prefix: 'cairn_pat_abcdef',
  createdBy: null,
  createdAt: at(0),
  lastUsedAt: null,
  revokedAt: null,
  ...o,
});

export const writeKey = (workspaceId: string, o: Partial<WriteKeyRecord> = {}): WriteKeyRecord => ({
  id: uuidv7(),
  workspaceId,
  name: 'Website',
  key: `cairn_wk_${unique()}`,
  createdAt: at(0),
  revokedAt: null,
  ...o,
});

export const session = (userId: string, o: Partial<SessionRecord> = {}): SessionRecord => ({
  idHash: `${unique()}${unique()}`,
  userId,
  csrfToken: unique(),
  createdAt: at(0),
  expiresAt: at(60),
  ...o,
});

export const auditEntry = (workspaceId: string | null, o: Partial<AuditRecord> = {}): AuditRecord => ({
  id: uuidv7(),
  workspaceId,
  actorType: 'user',
  actorId: uuidv7(),
  action: 'member.add',
  targetType: 'user',
  targetId: uuidv7(),
  details: { role: 'viewer' },
  ip: '192.0.2.1',
  at: at(0),
  ...o,
});
