import { CairnError } from '../../errors/catalogue.js';
import { canReadTextInsights, ensure } from '../access/permissions.js';
import type { DomainContext } from '../context.js';
import { type EmergingPhrase, emergingPhrases } from './emerging.js';
import { compileTaxonomy } from './taxonomy.js';
import { workspaceTaxonomy } from './text-service.js';

/** Verbatims read per window: enough for a stable ranking, bounded so one request stays fast. */
const perWindowLimit = 20_000;

export interface EmergingTopics {
  from: string;
  to: string;
  previousFrom: string;
  items: EmergingPhrase[];
}

/** Phrases not covered by the taxonomy that grew in [from, to) against the window of equal length before. */
export async function emergingTopics(
  ctx: DomainContext,
  workspaceId: string,
  window: { from: string; to: string; minCount: number; limit: number },
): Promise<EmergingTopics> {
  ensure(canReadTextInsights(ctx.actor, workspaceId), 'see text insights of this workspace');
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  if (!(to > from)) throw new CairnError('CAIRN_VALIDATION_FAILED', { summary: 'to must be after from' });
  const previousFrom = new Date(from - (to - from)).toISOString();
  const [current, previous, taxonomy] = await Promise.all([
    ctx.store.text.redactedVerbatims(workspaceId, window.from, window.to, perWindowLimit),
    ctx.store.text.redactedVerbatims(workspaceId, previousFrom, window.from, perWindowLimit),
    workspaceTaxonomy(ctx.store, workspaceId),
  ]);
  const items = emergingPhrases(
    current.map((v) => v.redacted),
    previous.map((v) => v.redacted),
    compileTaxonomy(taxonomy),
    { minCount: window.minCount, limit: window.limit },
  );
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), previousFrom, items };
}
