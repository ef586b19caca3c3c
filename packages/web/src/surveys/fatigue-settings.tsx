import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { readForm, TextField } from '../components/field';
import type { FatigueBudget } from './survey-types';
import { surveyKeys, surveysApi, useFatigueBudget } from './surveys-api';

const fields = ['globalCooldownDays', 'surveyCooldownDays', 'maxContactsPerPeriod', 'periodDays'] as const;

/** The workspace fatigue budget every channel applies (GET/PATCH …/survey-settings); surveys may override it. */
export function FatigueSettings({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const budget = useFatigueBudget(workspaceId);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (fatigue: Partial<FatigueBudget>) => surveysApi.patchFatigue(workspaceId, fatigue),
    onSuccess: (result) => {
      queryClient.setQueryData(surveyKeys.fatigue(workspaceId), result);
      setSaved(true);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const values = readForm(event.currentTarget, fields);
    save.mutate({
      globalCooldownDays: Number(values.globalCooldownDays),
      surveyCooldownDays: Number(values.surveyCooldownDays),
      maxContactsPerPeriod: Number(values.maxContactsPerPeriod),
      periodDays: Number(values.periodDays),
    });
  };

  const current = budget.data?.fatigue;
  return (
    <section className="panel" aria-labelledby="fatigue-settings">
      <h2 id="fatigue-settings">{t('surveys.fatigue.title')}</h2>
      <p className="field-hint">{t('surveys.fatigue.intro')}</p>
      <ErrorAlert error={budget.error} />
      {current && canManage ? (
        <form className="form form-inline" onSubmit={submit} key={JSON.stringify(current)}>
          {fields.map((key) => (
            <TextField
              key={key}
              label={t(`surveys.fatigue.${key}`)}
              name={key}
              type="number"
              min={key === 'globalCooldownDays' || key === 'surveyCooldownDays' ? 0 : 1}
              required
              defaultValue={current[key]}
            />
          ))}
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('surveys.fatigue.save')}
          </button>
        </form>
      ) : null}
      {current && !canManage ? (
        <dl className="facts">
          {fields.map((key) => (
            <div key={key}>
              <dt>{t(`surveys.fatigue.${key}`)}</dt>
              <dd>{current[key]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <ErrorAlert error={save.error} />
      <p role="status">{saved ? t('surveys.fatigue.saved') : ''}</p>
    </section>
  );
}
