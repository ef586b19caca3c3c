import { useTranslation } from 'react-i18next';
import { useSegmentOptions } from '../filters/segment-options';
import { useTouchpointOptions } from '../filters/touchpoint-options';
import type { SurveySettings } from './survey-types';

interface Props {
  workspaceId: string;
  settings: SurveySettings;
  onChange: (next: SurveySettings) => void;
}

/** Toggles `id` in a list; an empty list becomes undefined so the server stores nothing for it. */
function toggled(list: string[] | undefined, id: string, on: boolean): string[] | undefined {
  const next = on ? [...new Set([...(list ?? []), id])] : (list ?? []).filter((item) => item !== id);
  return next.length ? next : undefined;
}

/**
 * Where the survey belongs in the journey and whom it reaches: the touchpoint it measures, the touchpoints it is
 * offered at (mapped by the registry's rules), and the segments it targets (a customer in any of them).
 */
export function TouchpointSegmentSettings({ workspaceId, settings, onChange }: Props) {
  const { t } = useTranslation();
  const touchpoints = useTouchpointOptions(workspaceId);
  const segments = useSegmentOptions(workspaceId);
  const trigger = settings.trigger ?? {};
  const targeting = settings.targeting ?? {};

  return (
    <>
      <div className="field">
        <label htmlFor="survey-measures">{t('surveys.distribution.measures')}</label>
        <select
          id="survey-measures"
          value={settings.touchpointId ?? ''}
          onChange={(e) => onChange({ ...settings, touchpointId: e.target.value || undefined })}
        >
          <option value="">{t('surveys.distribution.measuresNone')}</option>
          {touchpoints.data?.items.map((touchpoint) => (
            <option key={touchpoint.id} value={touchpoint.id}>
              {touchpoint.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('surveys.distribution.atTouchpoints')}</legend>
        {touchpoints.data?.items.length === 0 ? (
          <p className="field-hint">{t('surveys.distribution.noTouchpoints')}</p>
        ) : null}
        {touchpoints.data?.items.map((touchpoint) => (
          <label key={touchpoint.id} className="checkbox">
            <input
              type="checkbox"
              checked={trigger.touchpoints?.includes(touchpoint.id) ?? false}
              onChange={(e) =>
                onChange({
                  ...settings,
                  trigger: {
                    ...trigger,
                    touchpoints: toggled(trigger.touchpoints, touchpoint.id, e.target.checked),
                  },
                })
              }
            />
            {touchpoint.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('surveys.distribution.segments')}</legend>
        {segments.data?.items.length === 0 ? (
          <p className="field-hint">{t('surveys.distribution.noSegments')}</p>
        ) : null}
        {segments.data?.items.map((segment) => (
          <label key={segment.id} className="checkbox">
            <input
              type="checkbox"
              checked={targeting.segments?.includes(segment.key) ?? false}
              onChange={(e) =>
                onChange({
                  ...settings,
                  targeting: {
                    ...targeting,
                    segments: toggled(targeting.segments, segment.key, e.target.checked),
                  },
                })
              }
            />
            {segment.name}
          </label>
        ))}
      </fieldset>
    </>
  );
}
