import { uuidv7 } from 'uuidv7';
import { notFound } from '../../errors/catalogue.js';
import { auditIdentity } from '../access/actor.js';
import { canDeleteResponses, ensure } from '../access/permissions.js';
import type { DomainContext } from '../context.js';

/**
 * Deletes one response with everything derived from it (answers, text enrichments, its timeline events), for
 * example when a customer asks for it. The audit entry keeps who deleted which response, never its content.
 */
export async function deleteResponse(
  ctx: DomainContext,
  workspaceId: string,
  surveyId: string,
  responseId: string,
): Promise<void> {
  ensure(canDeleteResponses(ctx.actor, workspaceId), 'delete survey responses');
  const response = await ctx.store.surveys.responses.get(workspaceId, responseId);
  if (!response || response.surveyId !== surveyId) throw notFound('Response', responseId);
  if (!(await ctx.store.surveys.responses.remove(workspaceId, responseId)))
    throw notFound('Response', responseId);
  await ctx.store.audit.append({
    id: uuidv7(),
    workspaceId,
    ...auditIdentity(ctx.actor),
    action: 'response.delete',
    targetType: 'survey-response',
    targetId: responseId,
    details: { surveyId },
    ip: ctx.ip,
    at: ctx.now().toISOString(),
  });
}
