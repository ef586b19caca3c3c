import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../components/field';
import type { Touchpoint } from '../touchpoints/touchpoints-api';
import { formatDuration } from './journey-format';
import {
  type FunnelStep,
  funnelWindows,
  type JourneyViewState,
  maxFunnelSteps,
  minFunnelSteps,
} from './journey-view-state';

interface FunnelBuilderProps {
  state: JourneyViewState;
  touchpoints: Touchpoint[];
  onApply: (patch: Partial<JourneyViewState>) => void;
}

const blankStep = (): FunnelStep => ({ kind: 'event', event: '' });

/**
 * Steps, window and breakdown are edited here and written to the URL only on "Show funnel", so typing an event
 * name does not send a query per key stroke.
 */
export function FunnelBuilder({ state, touchpoints, onApply }: FunnelBuilderProps) {
  const { t, i18n } = useTranslation();
  const [steps, setSteps] = useState<FunnelStep[]>(() =>
    state.steps.length >= minFunnelSteps
      ? state.steps
      : [...state.steps, blankStep(), blankStep()].slice(0, 2),
  );
  const [windowSeconds, setWindowSeconds] = useState(state.windowSeconds);
  const [breakdownKind, setBreakdownKind] = useState(
    state.breakdown.startsWith('property.') ? 'property' : state.breakdown,
  );
  const [property, setProperty] = useState(state.breakdown.replace(/^property\./, ''));

  const setStep = (index: number, step: FunnelStep) =>
    setSteps((list) => list.map((current, i) => (i === index ? step : current)));
  const complete = steps.filter((step) =>
    step.kind === 'event' ? step.event.trim() !== '' : step.touchpointId,
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const breakdown =
      breakdownKind === 'channel'
        ? 'channel'
        : breakdownKind === 'property' && property
          ? `property.${property}`
          : '';
    onApply({
      steps: complete.map((step) => (step.kind === 'event' ? { ...step, event: step.event.trim() } : step)),
      windowSeconds,
      breakdown,
    });
  };

  const windows: number[] = [...funnelWindows];
  if (!windows.includes(windowSeconds)) windows.push(windowSeconds);

  return (
    <form className="form funnel-builder" onSubmit={submit} aria-labelledby="funnel-builder-title">
      <h3 id="funnel-builder-title">{t('journeys.funnel.builderTitle')}</h3>
      <ol className="funnel-steps">
        {steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional and may repeat the same event
          <li key={index} className="funnel-step">
            <SelectField
              label={t('journeys.funnel.stepKind', { number: index + 1 })}
              value={step.kind}
              onChange={(event) =>
                setStep(
                  index,
                  event.target.value === 'touchpoint'
                    ? { kind: 'touchpoint', touchpointId: touchpoints[0]?.id ?? '' }
                    : blankStep(),
                )
              }
            >
              <option value="event">{t('journeys.funnel.kindEvent')}</option>
              <option value="touchpoint" disabled={touchpoints.length === 0}>
                {t('journeys.funnel.kindTouchpoint')}
              </option>
            </SelectField>
            {step.kind === 'event' ? (
              <TextField
                label={t('journeys.funnel.stepEvent', { number: index + 1 })}
                value={step.event}
                maxLength={200}
                onChange={(event) => setStep(index, { kind: 'event', event: event.target.value })}
              />
            ) : (
              <SelectField
                label={t('journeys.funnel.stepTouchpoint', { number: index + 1 })}
                value={step.touchpointId}
                onChange={(event) => setStep(index, { kind: 'touchpoint', touchpointId: event.target.value })}
              >
                {touchpoints.map((touchpoint) => (
                  <option key={touchpoint.id} value={touchpoint.id}>
                    {touchpoint.name}
                  </option>
                ))}
              </SelectField>
            )}
            {steps.length > minFunnelSteps ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setSteps((list) => list.filter((_, i) => i !== index))}
              >
                {t('journeys.funnel.removeStep', { number: index + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="form-grid">
        <SelectField
          label={t('journeys.funnel.window')}
          value={windowSeconds}
          onChange={(event) => setWindowSeconds(Number(event.target.value))}
        >
          {windows.map((seconds) => (
            <option key={seconds} value={seconds}>
              {formatDuration(seconds, i18n.language)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('journeys.funnel.breakdown')}
          value={breakdownKind}
          onChange={(event) => setBreakdownKind(event.target.value)}
        >
          <option value="">{t('journeys.funnel.breakdownNone')}</option>
          <option value="channel">{t('journeys.funnel.breakdownChannel')}</option>
          <option value="property">{t('journeys.funnel.breakdownProperty')}</option>
        </SelectField>
        {breakdownKind === 'property' ? (
          <TextField
            label={t('journeys.funnel.propertyName')}
            value={property}
            pattern="[A-Za-z0-9_ \-]{1,100}"
            onChange={(event) => setProperty(event.target.value)}
          />
        ) : null}
      </div>
      <div className="form-actions">
        {steps.length < maxFunnelSteps ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setSteps([...steps, blankStep()])}
          >
            {t('journeys.funnel.addStep')}
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={complete.length < minFunnelSteps}>
          {t('journeys.funnel.show')}
        </button>
      </div>
    </form>
  );
}
