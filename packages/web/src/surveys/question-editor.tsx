import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceListEditor } from './choice-list-editor';
import { FieldProblems } from './field-problems';
import { LocalizedField } from './localized-field';
import { LogicEditor } from './logic-editor';
import { type Problem, problemsAt } from './survey-draft';
import type { Question } from './survey-types';

interface QuestionEditorProps {
  question: Question;
  index: number;
  count: number;
  later: Question[];
  problems: readonly Problem[];
  onChange: (question: Question) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const optionalInteger = (raw: string) => (raw === '' ? undefined : Math.trunc(Number(raw)));

/** One question card: texts in both languages, required flag, type-specific options, skip logic, order. */
export function QuestionEditor({
  question,
  index,
  count,
  later,
  problems,
  onChange,
  onMove,
  onRemove,
}: QuestionEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const number = index + 1;
  const path = `definition/questions/${index}`;
  const name = t('surveys.builder.questionNumber', { number });
  const own = problemsAt(problems, path);
  const set = (patch: Partial<Question>) => onChange({ ...question, ...patch });
  const scale = ['nps', 'csat', 'ces', 'rating'].includes(question.type);

  return (
    <li className="question-card panel" aria-labelledby={`${id}-heading`}>
      <div className="question-head">
        <h3 id={`${id}-heading`}>
          {name}: {t(`surveys.types.${question.type}`)}
        </h3>
        <span className="item-actions">
          <button
            type="button"
            className="button button-secondary"
            aria-label={t('surveys.builder.moveUpNamed', { name })}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            {t('surveys.builder.moveUp')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-label={t('surveys.builder.moveDownNamed', { name })}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            {t('surveys.builder.moveDown')}
          </button>
          <button
            type="button"
            className="button button-danger"
            aria-label={t('surveys.builder.removeNamed', { name })}
            disabled={count <= 1}
            onClick={onRemove}
          >
            {t('surveys.builder.remove')}
          </button>
        </span>
      </div>
      <FieldProblems id={`${id}-problems`} problems={own} />
      <LocalizedField
        label={`${name}: ${t('surveys.builder.questionTitle')}`}
        value={question.title}
        onChange={(title) => set({ title })}
        path={`${path}/title`}
        problems={problems}
      />
      <LocalizedField
        label={`${name}: ${t('surveys.builder.questionDescription')}`}
        value={question.description}
        onChange={(description) => set({ description })}
        path={`${path}/description`}
        problems={problems}
        multiline
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={question.required !== false}
          onChange={(e) => set({ required: e.target.checked })}
        />
        {t('surveys.builder.required', { number })}
      </label>
      {question.type === 'csat' ? (
        <label className="inline-field">
          {t('surveys.builder.csatStyle')}
          <select
            value={question.style ?? 'stars'}
            onChange={(e) => set({ style: e.target.value === 'smileys' ? 'smileys' : 'stars' })}
          >
            <option value="stars">{t('surveys.builder.stars')}</option>
            <option value="smileys">{t('surveys.builder.smileys')}</option>
          </select>
        </label>
      ) : null}
      {question.type === 'rating' ? (
        <div className="form-inline">
          {(['min', 'max'] as const).map((bound) => (
            <label className="inline-field" key={bound}>
              {t(`surveys.builder.${bound}`)}
              <input
                type="number"
                min={0}
                max={10}
                value={question[bound] ?? ''}
                aria-invalid={problemsAt(problems, `${path}/${bound}`).length > 0 || undefined}
                onChange={(e) => set({ [bound]: optionalInteger(e.target.value) })}
              />
            </label>
          ))}
          <FieldProblems id={`${id}-max`} problems={problemsAt(problems, `${path}/max`)} />
        </div>
      ) : null}
      {scale ? (
        <div className="form-grid">
          <LocalizedField
            label={`${name}: ${t('surveys.builder.lowLabel')}`}
            value={question.lowLabel}
            onChange={(lowLabel) => set({ lowLabel })}
            path={`${path}/lowLabel`}
            problems={problems}
          />
          <LocalizedField
            label={`${name}: ${t('surveys.builder.highLabel')}`}
            value={question.highLabel}
            onChange={(highLabel) => set({ highLabel })}
            path={`${path}/highLabel`}
            problems={problems}
          />
        </div>
      ) : null}
      {question.type === 'single_choice' || question.type === 'multiple_choice' ? (
        <ChoiceListEditor
          label={`${name}: ${t('surveys.builder.choice')}`}
          choices={question.choices ?? []}
          onChange={(choices) => set({ choices })}
          idPrefix="c"
          minimum={2}
          path={`${path}/choices`}
          problems={problems}
        />
      ) : null}
      {question.type === 'multiple_choice' ? (
        <label className="inline-field">
          {t('surveys.builder.maxSelections')}
          <input
            type="number"
            min={1}
            value={question.maxSelections ?? ''}
            onChange={(e) => set({ maxSelections: optionalInteger(e.target.value) })}
          />
        </label>
      ) : null}
      {question.type === 'text' ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={question.multiline === true}
            onChange={(e) => set({ multiline: e.target.checked })}
          />
          {t('surveys.builder.multiline')}
        </label>
      ) : null}
      {question.type === 'matrix' ? (
        <>
          <ChoiceListEditor
            label={`${name}: ${t('surveys.builder.row')}`}
            choices={question.rows ?? []}
            onChange={(rows) => set({ rows })}
            idPrefix="r"
            minimum={1}
            path={`${path}/rows`}
            problems={problems}
          />
          <ChoiceListEditor
            label={`${name}: ${t('surveys.builder.column')}`}
            choices={question.columns ?? []}
            onChange={(columns) => set({ columns })}
            idPrefix="k"
            minimum={2}
            path={`${path}/columns`}
            problems={problems}
          />
        </>
      ) : null}
      {question.type === 'consent' ? (
        <LocalizedField
          label={`${name}: ${t('surveys.builder.consentLabel')}`}
          value={question.label}
          onChange={(label) => set({ label })}
          path={`${path}/label`}
          problems={problems}
        />
      ) : null}
      <LogicEditor
        question={question}
        questionNumber={number}
        later={later}
        onChange={(logic) => set({ logic: logic.length ? logic : undefined })}
      />
      <FieldProblems
        id={`${id}-logic`}
        problems={problems.filter((p) => p.path.startsWith(`${path}/logic`))}
      />
    </li>
  );
}
