import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readForm, SelectField, TextField } from '../components/field';
import type { ResponseFilters } from './response-filters';
import type { SurveySummary } from './responses-api';

interface FilterFormProps {
  filters: ResponseFilters;
  surveys: SurveySummary[];
  onApply: (filters: ResponseFilters) => void;
  onReset: () => void;
}

const fieldNames = ['survey', 'min', 'max', 'q'] as const;
const numberOrUndefined = (value: string) => (value === '' ? undefined : Number(value));
const orUndefined = (value: string) => (value === '' ? undefined : value);

/**
 * This screen's own filters (date range, channel and touchpoint are the global filter bar's). Nothing is fetched
 * while someone types; Apply writes them to the address. Inputs only start from the URL (defaultValue) and the
 * parent remounts the form when the URL changes, so the address stays the one source of truth.
 */
export function ResponseFilterForm({ filters, surveys, onApply, onReset }: FilterFormProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = readForm(event.currentTarget, fieldNames);
    onApply({
      survey: orUndefined(v.survey),
      minScore: numberOrUndefined(v.min),
      maxScore: numberOrUndefined(v.max),
      text: orUndefined(v.q),
    });
  };

  return (
    <section className="panel" aria-labelledby="response-filters">
      <h2 id="response-filters">{t('responses.filters.title')}</h2>
      <form className="form form-grid" onSubmit={submit}>
        <SelectField label={t('responses.filters.survey')} name="survey" defaultValue={filters.survey ?? ''}>
          <option value="">{t('responses.filters.allSurveys')}</option>
          {surveys.map((survey) => (
            <option key={survey.id} value={survey.id}>
              {survey.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('responses.filters.minScore')}
          name="min"
          type="number"
          min={0}
          max={10}
          step="any"
          defaultValue={filters.minScore ?? ''}
        />
        <TextField
          label={t('responses.filters.maxScore')}
          name="max"
          type="number"
          min={0}
          max={10}
          step="any"
          defaultValue={filters.maxScore ?? ''}
        />
        <TextField
          label={t('responses.filters.text')}
          name="q"
          type="search"
          maxLength={200}
          defaultValue={filters.text ?? ''}
        />
        <div className="button-row form-actions">
          <button type="submit" className="button button-primary">
            {t('responses.filters.apply')}
          </button>
          <button type="button" className="button button-secondary" onClick={onReset}>
            {t('responses.filters.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}
