import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../components/copy-button';
import { useRoute } from '../routing/router';
import { FieldProblems } from './field-problems';
import { optionalNumber, parseList, parseTraitLines, traitLines } from './settings-form';
import { type Problem, problemsAt } from './survey-draft';
import type { FatigueBudget, SurveySettings } from './survey-types';
import { TouchpointSegmentSettings } from './touchpoint-segment-settings';

interface DistributionSettingsProps {
  surveyId: string | undefined;
  settings: SurveySettings;
  onChange: (settings: SurveySettings) => void;
  problems: readonly Problem[];
  /** The workspace budget, shown as the value a blank override falls back to. */
  workspaceFatigue: FatigueBudget | undefined;
}

function NumberInput({
  label,
  value,
  onChange,
  path,
  problems,
  min,
  max,
  hint,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  path: string;
  problems: readonly Problem[];
  min?: number;
  max?: number;
  hint?: string;
}) {
  const id = useId();
  const own = problemsAt(problems, path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={value ?? ''}
        placeholder={hint}
        aria-invalid={own.length > 0 || undefined}
        aria-describedby={own.length ? `${id}-problems` : undefined}
        onChange={(e) => onChange(optionalNumber(e.target.value))}
      />
      <FieldProblems id={`${id}-problems`} problems={own} />
    </div>
  );
}

function TextArea({
  label,
  hint,
  defaultValue,
  onChange,
}: {
  label: string;
  hint: string;
  defaultValue: string;
  onChange: (text: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        defaultValue={defaultValue}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="settings-group">
      <legend>{title}</legend>
      <div className="form form-grid">{children}</div>
    </fieldset>
  );
}

/** Where and to whom the survey is offered: hosted link, web intercept, e-mail trigger, fatigue overrides. */
export function DistributionSettings({
  surveyId,
  settings,
  onChange,
  problems,
  workspaceFatigue,
}: DistributionSettingsProps) {
  const { t } = useTranslation();
  const route = useRoute();
  const workspaceId = 'workspaceId' in route ? route.workspaceId : undefined;
  const trigger = settings.trigger ?? {};
  const targeting = settings.targeting ?? {};
  const display = settings.display ?? {};
  const fatigue = settings.fatigue ?? {};
  const email = settings.emailTrigger;
  const link = surveyId ? `${window.location.origin}/s/${surveyId}` : null;
  const setTrigger = (patch: Partial<NonNullable<SurveySettings['trigger']>>) =>
    onChange({ ...settings, trigger: { ...trigger, ...patch } });
  const setTargeting = (patch: Partial<NonNullable<SurveySettings['targeting']>>) =>
    onChange({ ...settings, targeting: { ...targeting, ...patch } });
  const setFatigue = (patch: Partial<FatigueBudget>) =>
    onChange({ ...settings, fatigue: { ...fatigue, ...patch } });

  return (
    <section className="panel" aria-labelledby="survey-distribution">
      <h2 id="survey-distribution">{t('surveys.distribution.title')}</h2>
      <h3>{t('surveys.distribution.link')}</h3>
      {link ? (
        <p className="survey-link">
          <code>{link}</code> <CopyButton text={link} label={t('surveys.distribution.copyLink')} />
        </p>
      ) : (
        <p className="field-hint">{t('surveys.distribution.linkAfterSave')}</p>
      )}
      <Group title={t('surveys.distribution.intercept')}>
        <TextArea
          label={t('surveys.distribution.events')}
          hint={t('surveys.distribution.eventsHint')}
          defaultValue={(trigger.events ?? []).join(', ')}
          onChange={(text) => setTrigger({ events: parseList(text) })}
        />
        <div className="field">
          <label htmlFor="survey-url-pattern">{t('surveys.distribution.urlPattern')}</label>
          <input
            id="survey-url-pattern"
            type="text"
            value={trigger.urlPattern ?? ''}
            placeholder="https://shop.example/checkout/*"
            onChange={(e) => setTrigger({ urlPattern: e.target.value || undefined })}
          />
        </div>
        <NumberInput
          label={t('surveys.distribution.delaySeconds')}
          value={trigger.delayMs === undefined ? undefined : trigger.delayMs / 1000}
          onChange={(seconds) =>
            setTrigger({ delayMs: seconds === undefined ? undefined : Math.round(seconds * 1000) })
          }
          path="settings/trigger/delayMs"
          problems={problems}
          min={0}
          max={600}
        />
        <NumberInput
          label={t('surveys.distribution.scrollDepth')}
          value={trigger.scrollDepthPercent}
          onChange={(scrollDepthPercent) => setTrigger({ scrollDepthPercent })}
          path="settings/trigger/scrollDepthPercent"
          problems={problems}
          min={0}
          max={100}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={trigger.exitIntent === true}
            onChange={(e) => setTrigger({ exitIntent: e.target.checked || undefined })}
          />
          {t('surveys.distribution.exitIntent')}
        </label>
        <NumberInput
          label={t('surveys.distribution.samplePercent')}
          value={targeting.samplePercent}
          onChange={(samplePercent) => setTargeting({ samplePercent })}
          path="settings/targeting/samplePercent"
          problems={problems}
          min={0}
          max={100}
        />
        {workspaceId ? (
          <TouchpointSegmentSettings workspaceId={workspaceId} settings={settings} onChange={onChange} />
        ) : null}
        <TextArea
          label={t('surveys.distribution.traits')}
          hint={t('surveys.distribution.traitsHint')}
          defaultValue={traitLines(targeting.traits)}
          onChange={(text) => setTargeting({ traits: parseTraitLines(text) })}
        />
        <div className="field">
          <label htmlFor="survey-position">{t('surveys.distribution.position')}</label>
          <select
            id="survey-position"
            value={display.position ?? 'bottom-right'}
            onChange={(e) =>
              onChange({
                ...settings,
                display: {
                  ...display,
                  position: e.target.value as 'bottom-right' | 'bottom-left' | 'center',
                },
              })
            }
          >
            <option value="bottom-right">{t('surveys.distribution.bottomRight')}</option>
            <option value="bottom-left">{t('surveys.distribution.bottomLeft')}</option>
            <option value="center">{t('surveys.distribution.center')}</option>
          </select>
        </div>
      </Group>
      <Group title={t('surveys.distribution.emailTrigger')}>
        <div className="field">
          <label htmlFor="survey-email-event">{t('surveys.distribution.emailEvent')}</label>
          <input
            id="survey-email-event"
            type="text"
            value={email?.event ?? ''}
            placeholder="Order Delivered"
            onChange={(e) =>
              onChange({
                ...settings,
                emailTrigger: e.target.value
                  ? { delayHours: 24, ...email, event: e.target.value }
                  : undefined,
              })
            }
          />
        </div>
        {email ? (
          <>
            <NumberInput
              label={t('surveys.distribution.emailDelayHours')}
              value={email.delayHours}
              onChange={(delayHours) =>
                onChange({ ...settings, emailTrigger: { ...email, delayHours: delayHours ?? 0 } })
              }
              path="settings/emailTrigger/delayHours"
              problems={problems}
              min={0}
              max={720}
            />
            <NumberInput
              label={t('surveys.distribution.reminderAfterDays')}
              value={email.reminderAfterDays}
              onChange={(reminderAfterDays) =>
                onChange({ ...settings, emailTrigger: { ...email, reminderAfterDays } })
              }
              path="settings/emailTrigger/reminderAfterDays"
              problems={problems}
              min={1}
              max={60}
            />
          </>
        ) : null}
      </Group>
      <Group title={t('surveys.distribution.fatigueOverrides')}>
        {(['globalCooldownDays', 'surveyCooldownDays', 'maxContactsPerPeriod', 'periodDays'] as const).map(
          (key) => (
            <NumberInput
              key={key}
              label={t(`surveys.fatigue.${key}`)}
              value={fatigue[key]}
              onChange={(value) => setFatigue({ [key]: value })}
              path={`settings/fatigue/${key}`}
              problems={problems}
              min={0}
              hint={
                workspaceFatigue
                  ? t('surveys.distribution.workspaceValue', { value: workspaceFatigue[key] })
                  : undefined
              }
            />
          ),
        )}
      </Group>
      <FieldProblems
        id="survey-settings-problems"
        problems={problems.filter(
          (p) =>
            p.path.startsWith('settings') &&
            !/\/(delayMs|scrollDepthPercent|samplePercent|delayHours|reminderAfterDays|globalCooldownDays|surveyCooldownDays|maxContactsPerPeriod|periodDays)$/.test(
              p.path,
            ),
        )}
      />
    </section>
  );
}
