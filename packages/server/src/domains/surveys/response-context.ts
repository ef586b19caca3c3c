import { CairnError } from '../../errors/catalogue.js';
import type { TouchpointRecord } from '../../store/analytics-port.js';
import { matchTouchpoint, pathOfUrl } from '../touchpoints/match.js';
import type { SurveyServices } from './survey-services.js';

/** A step of the journey before an answer, as the store reads it. */
export interface JourneyStep {
  event: string | null;
  type: string;
  channel: string;
  page: string | null;
  at: string;
}

export type AnsweredAt = { id: string; stage: string | null } | null;

/**
 * Where an answer was given: the touchpoint named with it (it must be one of the workspace's, else a 400 naming
 * `field`), else the one the survey measures (if it still exists), else none. Live and imported responses both
 * decide it here.
 */
export async function touchpointOfAnswer(
  services: SurveyServices,
  workspaceId: string,
  named: string | undefined,
  measured: string | undefined,
  field: string,
): Promise<AnsweredAt> {
  if (named !== undefined) {
    const found = await services.touchpoints.get(workspaceId, named);
    if (!found) {
      throw new CairnError('CAIRN_VALIDATION_FAILED', {
        summary: `${field}: no touchpoint ${named} in this workspace`,
      });
    }
    return { id: found.id, stage: found.stage };
  }
  const fallback = measured ? await services.touchpoints.get(workspaceId, measured) : undefined;
  return fallback ? { id: fallback.id, stage: fallback.stage } : null;
}

/**
 * The journey context kept with a response: the last steps before answering, each with the touchpoint it maps to
 * (same rules as the analyses), the channels used, and the journey stage — the stage of the touchpoint the answer
 * was given at, else of the latest step that maps to a touchpoint with a stage.
 */
export function journeyContext(answeredAt: AnsweredAt, steps: JourneyStep[], registry: TouchpointRecord[]) {
  const mapped = steps.map((step) => {
    const at = matchTouchpoint(registry, { event: step.event, pagePath: pathOfUrl(step.page) });
    return { ...step, touchpointId: at?.id ?? null, stage: at?.stage ?? null };
  });
  // Steps come newest first from the store; the first one with a stage is the latest.
  const latestStage = mapped.find((step) => step.stage !== null)?.stage ?? null;
  return {
    lastSteps: mapped.map(({ stage: _stage, ...step }) => step),
    channels: [...new Set(steps.map((x) => x.channel))].sort(),
    journeyStage: answeredAt?.stage ?? latestStage,
  };
}
