import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { canManageTextTaxonomy } from '../../domains/access/permissions.js';
import {
  createTopic,
  deleteTopic,
  resetTaxonomy,
  type TaxonomyChange,
  updateTopic,
  workspaceTaxonomy,
} from '../../domains/text/text-service.js';
import { domainContext } from '../context.js';
import { workspaceAccess } from '../route-access.js';
import { standardErrors, Uuid, WorkspaceParams } from '../schemas.js';
import type { RouteDependencies } from './index.js';

const manageTaxonomy = workspaceAccess(canManageTextTaxonomy, 'manage the text taxonomy of this workspace');
const TopicId = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,47}$',
  description: 'Stable slug, e.g. "delivery".',
});
const Terms = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 200, description });
const keywordsDescription =
  'Lower-case words or stems in German and English. Four letters or more match words starting with them and, in ' +
  'German, compound heads ("verzögerung" matches "Lieferverzögerung"); shorter ones match whole words only.';
const TopicName = Type.Object({
  de: Type.String({ minLength: 1, maxLength: 80 }),
  en: Type.String({ minLength: 1, maxLength: 80 }),
});
const Topic = Type.Object({
  id: TopicId,
  name: TopicName,
  keywords: Terms(keywordsDescription),
  phrases: Terms('Multi-word expressions matched word by word, e.g. "on hold".'),
});
const TopicPatch = Type.Object({
  name: Type.Optional(TopicName),
  keywords: Type.Optional(Terms(keywordsDescription)),
  phrases: Type.Optional(Terms('Multi-word expressions matched word by word.')),
});
const Taxonomy = Type.Object({ version: Type.Integer(), topics: Type.Array(Topic) });
const Change = Type.Object({
  taxonomy: Taxonomy,
  reenriched: Type.Integer({ description: 'Open-text answers re-enriched with the new taxonomy.' }),
});
const TopicParams = Type.Object({ workspaceId: Uuid, topicId: TopicId });
const base = '/api/v1/workspaces/:workspaceId/text/taxonomy';
const changeNote =
  ' Every change bumps the taxonomy version and re-enriches all open-text answers of the workspace before answering, ' +
  'so topic counts and topic sentiment follow at once.';

export function textTaxonomyRoutes(app: FastifyInstance, deps: RouteDependencies): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (request: Parameters<typeof domainContext>[0]) => domainContext(request, deps.store, deps.now);
  const respond = (change: TaxonomyChange) => change;

  r.get(
    base,
    {
      config: { access: manageTaxonomy },
      schema: {
        tags: ['text'],
        summary: 'The topic taxonomy used to tag open-text answers.',
        description:
          'A workspace that never edited its taxonomy gets the defaults (version 0): Lieferung/Delivery, Zahlung/Payment, ' +
          'Preis/Price, Kundenservice/Customer service, App/Website, Produktqualität/Product quality, Wartezeit/Waiting time.',
        params: WorkspaceParams,
        response: { 200: Taxonomy, ...standardErrors },
      },
    },
    async (request) => workspaceTaxonomy(deps.store, request.params.workspaceId),
  );

  r.post(
    `${base}/topics`,
    {
      config: { access: manageTaxonomy },
      schema: {
        tags: ['text'],
        summary: 'Add a topic.',
        description: `Fails with CAIRN_CONFLICT when the id is taken.${changeNote}`,
        params: WorkspaceParams,
        body: Topic,
        response: { 201: Change, 409: standardErrors[400], ...standardErrors },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return respond(await createTopic(ctx(request), request.params.workspaceId, request.body));
    },
  );

  r.patch(
    `${base}/topics/:topicId`,
    {
      config: { access: manageTaxonomy },
      schema: {
        tags: ['text'],
        summary: 'Change a topic’s names, keywords or phrases.',
        description: `Fields left out stay as they are; lists given replace the old list.${changeNote}`,
        params: TopicParams,
        body: TopicPatch,
        response: { 200: Change, ...standardErrors },
      },
    },
    async (request) =>
      respond(
        await updateTopic(ctx(request), request.params.workspaceId, request.params.topicId, request.body),
      ),
  );

  r.delete(
    `${base}/topics/:topicId`,
    {
      config: { access: manageTaxonomy },
      schema: {
        tags: ['text'],
        summary: 'Remove a topic.',
        description: `Its mentions disappear from the enrichments.${changeNote}`,
        params: TopicParams,
        response: { 200: Change, ...standardErrors },
      },
    },
    async (request) =>
      respond(await deleteTopic(ctx(request), request.params.workspaceId, request.params.topicId)),
  );

  r.post(
    `${base}/reset`,
    {
      config: { access: manageTaxonomy },
      schema: {
        tags: ['text'],
        summary: 'Go back to the default taxonomy.',
        description: `Replaces every topic with the defaults; send { "confirm": true }.${changeNote}`,
        params: WorkspaceParams,
        body: Type.Object({ confirm: Type.Literal(true) }),
        response: { 200: Change, ...standardErrors },
      },
    },
    async (request) => respond(await resetTaxonomy(ctx(request), request.params.workspaceId)),
  );
}
