import type { SurveySettings } from '@cairn/protocol';
import { CairnError } from '../../errors/catalogue.js';
import type { Store } from '../../store/port.js';

/**
 * Settings name touchpoints by id and segments by key; a survey must not point at a touchpoint of another workspace or one that does
 * not exist, or its answers would be recorded nowhere. Checked on every save (a touchpoint deleted later simply no
 * longer matches, and answers then carry no touchpoint).
 */
export async function checkSettingsReferences(
  store: Store,
  workspaceId: string,
  settings: SurveySettings,
): Promise<void> {
  const wanted = [
    ...(settings.touchpointId ? [{ id: settings.touchpointId, field: 'body.settings.touchpointId' }] : []),
    ...(settings.trigger?.touchpoints ?? []).map((id, index) => ({
      id,
      field: `body.settings.trigger.touchpoints.${index}`,
    })),
  ];
  if (wanted.length > 0) {
    const known = new Set((await store.analytics.touchpoints.list(workspaceId)).map((t) => t.id));
    const unknown = wanted.find((w) => !known.has(w.id));
    if (unknown) refuse(unknown.field, `no touchpoint ${unknown.id} in this workspace`);
  }
  const segments = settings.targeting?.segments ?? [];
  if (segments.length > 0) {
    const keys = new Set((await store.segments.list(workspaceId)).map((s) => s.key));
    const index = segments.findIndex((key) => !keys.has(key));
    if (index >= 0)
      refuse(`body.settings.targeting.segments.${index}`, `no segment ${segments[index]} in this workspace`);
  }
}

function refuse(field: string, problem: string): never {
  throw new CairnError('CAIRN_VALIDATION_FAILED', { summary: `${field}: ${problem}` });
}
