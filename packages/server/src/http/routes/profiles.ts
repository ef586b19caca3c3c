import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canImportEvents, canReadProfiles } from '../../domains/access/permissions.js';
import type { Ingestor } from '../../domains/collect/ingestor.js';
import {
  type LookupKey,
  lookupProfile,
  profileTimeline,
  profileView,
  searchProfiles,
} from '../../domains/profiles/profile-view.js';
import { CairnError } from '../../errors/catalogue.js';
import type { Store } from '../../store/port.js';
import { PageQuery, standardErrors, Uuid, WorkspaceParams } from '../schemas.js';

const readAccess = {
  access: { kind: 'workspace' as const, predicate: canReadProfiles, action: 'read customer profiles' },
};
const Identity = Type.Object({ kind: Type.String(), value: Type.String(), createdAt: Type.String() });
const Traits = Type.Record(Type.String(), Type.Object({ value: Type.Unknown(), observedAt: Type.String() }));
const Facts = Type.Object({
  firstSeen: Type.Union([Type.String(), Type.Null()]),
  lastSeen: Type.Union([Type.String(), Type.Null()]),
  eventCount: Type.Integer(),
  channels: Type.Array(Type.Object({ channel: Type.String(), events: Type.Integer() })),
  orders: Type.Integer(),
  revenue: Type.Number(),
  currencies: Type.Array(Type.String()),
});
const Profile = Type.Object({
  id: Type.String(),
  workspaceId: Type.String(),
  createdAt: Type.String(),
  mergedProfileIds: Type.Array(Type.String()),
  identities: Type.Array(Identity),
  traits: Traits,
  groups: Type.Array(
    Type.Object({ groupId: Type.String(), traits: Type.Record(Type.String(), Type.Unknown()) }),
  ),
  facts: Facts,
});
const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
const TimelineEvent = Type.Object({
  messageId: Type.String(),
  type: Type.String(),
  event: Nullable(Type.String()),
  profileId: Type.String(),
  anonymousId: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  channel: Type.String(),
  timestamp: Type.String(),
  receivedAt: Type.String(),
  properties: Type.Record(Type.String(), Type.Unknown()),
  traits: Type.Record(Type.String(), Type.Unknown()),
  context: Type.Record(Type.String(), Type.Unknown()),
  page: Type.Object({
    url: Nullable(Type.String()),
    path: Nullable(Type.String()),
    title: Nullable(Type.String()),
    referrer: Nullable(Type.String()),
  }),
  device: Type.Object({
    browser: Nullable(Type.String()),
    os: Nullable(Type.String()),
    type: Nullable(Type.String()),
  }),
});
const ProfileParams = Type.Object({ workspaceId: Uuid, profileId: Uuid });
const lookupFields = {
  userId: 'user_id',
  anonymousId: 'anonymous_id',
  email: 'email',
  phone: 'phone',
} as const;

export function profileRoutes(app: FastifyInstance, deps: { store: Store; ingestor: Ingestor }): void {
  const { store } = deps;

  app.get(
    '/api/v1/workspaces/:workspaceId/profiles/lookup',
    {
      config: readAccess,
      schema: {
        tags: ['profiles'],
        summary: 'Find a profile by any identifier.',
        description:
          'Give exactly one of userId, anonymousId, email, phone, or externalId with externalType.',
        params: WorkspaceParams,
        querystring: Type.Object({
          userId: Type.Optional(Type.String({ minLength: 1 })),
          anonymousId: Type.Optional(Type.String({ minLength: 1 })),
          email: Type.Optional(Type.String({ minLength: 3 })),
          phone: Type.Optional(Type.String({ minLength: 3 })),
          externalId: Type.Optional(Type.String({ minLength: 1 })),
          externalType: Type.Optional(Type.String({ pattern: '^[\\w.-]{1,64}$' })),
        }),
        response: { 200: Profile, ...standardErrors },
      },
    },
    async (request) => {
      const query = request.query as Record<string, string | undefined>;
      const keys: LookupKey[] = Object.entries(lookupFields)
        .filter(([field]) => query[field])
        .map(([field, kind]) => ({ kind, value: query[field] as string }));
      if (query.externalId && query.externalType)
        keys.push({ kind: `external:${query.externalType}`, value: query.externalId });
      if (keys.length !== 1) {
        throw new CairnError('CAIRN_VALIDATION_FAILED', {
          summary: 'give exactly one of userId, anonymousId, email, phone, or externalId with externalType',
        });
      }
      const { workspaceId } = request.params as { workspaceId: string };
      return lookupProfile(store, workspaceId, keys[0] as LookupKey);
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/profiles',
    {
      config: readAccess,
      schema: {
        tags: ['profiles'],
        summary: 'Search profiles by identifier or trait text, and filter by exact trait values.',
        description:
          'Results are summaries (identities and current traits). trait filters are `name:value` pairs, e.g. `?trait=plan:pro&trait=city:Berlin`; all must match.',
        params: WorkspaceParams,
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            trait: Type.Optional(
              Type.Array(Type.String({ pattern: '^[^:]{1,100}:.{0,500}$' }), { maxItems: 10 }),
            ),
          }),
        ]),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                createdAt: Type.String(),
                identities: Type.Array(Identity),
                traits: Traits,
              }),
            ),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const { workspaceId } = request.params as { workspaceId: string };
      const query = request.query as { q?: string; trait?: string[]; limit: number; cursor?: string };
      const traits = Object.fromEntries(
        (query.trait ?? []).map((pair) => [
          pair.slice(0, pair.indexOf(':')),
          pair.slice(pair.indexOf(':') + 1),
        ]),
      );
      return searchProfiles(store, {
        workspaceId,
        text: query.q,
        traits,
        limit: query.limit,
        cursor: query.cursor,
      });
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/profiles/:profileId',
    {
      config: readAccess,
      schema: {
        tags: ['profiles'],
        summary: 'The 360° view of a customer: identities, traits, groups and facts.',
        description:
          'Traits are last-write-wins by event time. Facts (first/last seen, channels, event count, orders and revenue ' +
          'from Order Completed events) are computed from every event of this profile and of profiles merged into it. ' +
          'A merged profile id answers with the surviving profile.',
        params: ProfileParams,
        response: { 200: Profile, ...standardErrors },
      },
    },
    async (request) => {
      const { workspaceId, profileId } = request.params as { workspaceId: string; profileId: string };
      return profileView(store, workspaceId, profileId);
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/profiles/:profileId/timeline',
    {
      config: readAccess,
      schema: {
        tags: ['profiles'],
        summary: "One timeline of the customer's events across all channels, newest first.",
        description:
          'Cursor pagination: pass nextCursor as cursor. Ordered by event time (after clock-skew correction), ties ' +
          'broken by messageId, so pages never skip or repeat events that share a timestamp.',
        params: ProfileParams,
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(TimelineEvent),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const { workspaceId, profileId } = request.params as { workspaceId: string; profileId: string };
      const { limit, cursor } = request.query as { limit: number; cursor?: string };
      return profileTimeline(store, workspaceId, profileId, { limit, cursor });
    },
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/events/import',
    {
      config: { access: { kind: 'workspace', predicate: canImportEvents, action: 'import events' } },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['ingestion'],
        summary: 'Import business events from other systems (orders, returns, tickets, calls, store visits).',
        description:
          'Same pipeline and rules as /v1/batch (Segment messages, messageId de-duplication), authenticated with an ' +
          'API token instead of a write key. Used by `cairn import`.',
        params: WorkspaceParams,
        body: Type.Object({ batch: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 10_000 }) }),
        response: {
          200: Type.Object({
            stored: Type.Integer(),
            duplicates: Type.Integer(),
            rejected: Type.Array(
              Type.Object({
                index: Type.Integer(),
                code: Type.String(),
                reason: Type.String(),
                message: Type.String(),
              }),
            ),
          }),
          ...standardErrors,
        },
      },
    },
    async (request) => {
      const { workspaceId } = request.params as { workspaceId: string };
      const { batch } = request.body as { batch: unknown[] };
      return deps.ingestor.ingest(batch, {
        workspaceId,
        requestIp: null,
        requestUserAgent: null,
        batchSentAt: undefined,
        batchContext: undefined,
      });
    },
  );
}
