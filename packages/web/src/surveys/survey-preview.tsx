import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EditorLanguage, editorLanguages, textIn } from './survey-draft';
import type { LocalizedText, Question, Screen, SurveyDefinition } from './survey-types';

/** The scale a score question offers (server: answer-validation.ts). */
function scaleOf(question: Question): number[] {
  const [low, high] =
    question.type === 'nps'
      ? [0, 10]
      : question.type === 'csat'
        ? [1, 5]
        : question.type === 'ces'
          ? [1, 7]
          : [question.min ?? 1, question.max ?? 5];
  return high >= low && high - low <= 10 ? Array.from({ length: high - low + 1 }, (_, i) => low + i) : [];
}

const smileys = ['😞', '🙁', '😐', '🙂', '😀'];

function QuestionPreview({
  question,
  text,
}: {
  question: Question;
  text: (t: LocalizedText | undefined) => string;
}) {
  const name = useId();
  const title = text(question.title);
  const body = (() => {
    switch (question.type) {
      case 'nps':
      case 'csat':
      case 'ces':
      case 'rating':
        return (
          <div className="preview-scale">
            {text(question.lowLabel) ? (
              <span className="preview-scale-label">{text(question.lowLabel)}</span>
            ) : null}
            {scaleOf(question).map((value) => (
              <label key={value} className="preview-scale-point">
                <input type="radio" name={name} value={value} />
                <span>
                  {question.type === 'csat' && question.style === 'smileys'
                    ? (smileys[value - 1] ?? value)
                    : question.type === 'csat'
                      ? '★'.repeat(value)
                      : value}
                </span>
              </label>
            ))}
            {text(question.highLabel) ? (
              <span className="preview-scale-label">{text(question.highLabel)}</span>
            ) : null}
          </div>
        );
      case 'single_choice':
      case 'multiple_choice':
        return (
          <ul className="preview-choices">
            {(question.choices ?? []).map((choice) => (
              <li key={choice.id}>
                <label>
                  <input
                    type={question.type === 'single_choice' ? 'radio' : 'checkbox'}
                    name={name}
                    value={choice.id}
                  />
                  {text(choice.label)}
                </label>
              </li>
            ))}
          </ul>
        );
      case 'text':
        return question.multiline ? (
          <textarea aria-label={title} rows={3} />
        ) : (
          <input type="text" aria-label={title} />
        );
      case 'matrix':
        return (
          <table className="preview-matrix">
            <thead>
              <tr>
                <td />
                {(question.columns ?? []).map((column) => (
                  <th scope="col" key={column.id}>
                    {text(column.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(question.rows ?? []).map((row) => (
                <tr key={row.id}>
                  <th scope="row">{text(row.label)}</th>
                  {(question.columns ?? []).map((column) => (
                    <td key={column.id}>
                      <input
                        type="radio"
                        name={`${name}-${row.id}`}
                        aria-label={`${text(row.label)}: ${text(column.label)}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      case 'consent':
        return (
          <label>
            <input type="checkbox" name={name} />
            {text(question.label)}
          </label>
        );
    }
  })();
  return (
    <fieldset className="preview-question">
      <legend>
        {title}
        {question.required === false ? null : <span aria-hidden="true"> *</span>}
      </legend>
      {question.description ? <p className="preview-description">{text(question.description)}</p> : null}
      {body}
    </fieldset>
  );
}

function ScreenPreview({ screen, text }: { screen: Screen; text: (t: LocalizedText | undefined) => string }) {
  return (
    <div className="preview-screen">
      <p className="preview-screen-title">{text(screen.title)}</p>
      {screen.body ? <p>{text(screen.body)}</p> : null}
    </div>
  );
}

/**
 * The draft as a respondent would see it, in German or English. Rendered with React elements only: survey texts
 * are shown as text, never parsed as HTML. A missing translation falls back to the default language, as for
 * respondents.
 */
export function SurveyPreview({ definition }: { definition: SurveyDefinition }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<EditorLanguage>(i18n.language.startsWith('de') ? 'de' : 'en');
  const text = (value: LocalizedText | undefined) => textIn(value, language, definition.defaultLanguage);
  return (
    <section className="panel survey-preview" aria-labelledby="survey-preview-heading">
      <h2 id="survey-preview-heading">{t('surveys.preview.title')}</h2>
      <fieldset className="preview-languages">
        <legend className="visually-hidden">{t('surveys.preview.language')}</legend>
        {editorLanguages.map((option) => (
          <button
            key={option}
            type="button"
            className={option === language ? 'button button-primary' : 'button button-secondary'}
            aria-pressed={option === language}
            onClick={() => setLanguage(option)}
          >
            {option === 'de' ? t('surveys.preview.inGerman') : t('surveys.preview.inEnglish')}
          </button>
        ))}
      </fieldset>
      <form
        className="preview-body"
        lang={language}
        aria-label={t('surveys.preview.form')}
        onSubmit={(e) => e.preventDefault()}
      >
        {definition.welcome ? <ScreenPreview screen={definition.welcome} text={text} /> : null}
        {definition.questions.map((question) => (
          <QuestionPreview key={question.id} question={question} text={text} />
        ))}
        {definition.end ? <ScreenPreview screen={definition.end} text={text} /> : null}
        {(definition.thankYou ?? []).map((rule, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; the list is only ever shown, never reordered here.
          <div className="preview-screen" key={`${index}-${rule.when.questionId}`}>
            <p className="field-hint">
              {t('surveys.preview.thankYouFor', {
                number: definition.questions.findIndex((q) => q.id === rule.when.questionId) + 1,
                min: rule.when.min,
                max: rule.when.max,
              })}
            </p>
            <p className="preview-screen-title">{text(rule.title)}</p>
            {rule.body ? <p>{text(rule.body)}</p> : null}
          </div>
        ))}
      </form>
    </section>
  );
}
