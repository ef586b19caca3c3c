import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldProblems } from './field-problems';
import { type EditorLanguage, editorLanguages, type Problem, problemsAt } from './survey-draft';
import type { LocalizedText } from './survey-types';

interface LocalizedFieldProps {
  /** What the text is, e.g. "Question 1: title"; each input is named "<label> (English)" / "(Deutsch)". */
  label: string;
  value: LocalizedText | undefined;
  onChange: (value: LocalizedText) => void;
  /** Where the server reports problems of this text, e.g. definition/questions/0/title. */
  path: string;
  problems: readonly Problem[];
  multiline?: boolean;
  readOnly?: boolean;
}

/** One text in German and English side by side, so translations are written together and never forgotten. */
export function LocalizedField({
  label,
  value,
  onChange,
  path,
  problems,
  multiline,
  readOnly,
}: LocalizedFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const own = problemsAt(problems, path);
  const problemsId = own.length ? `${id}-problems` : undefined;
  const nameOf = (language: EditorLanguage) =>
    `${label} (${language === 'de' ? t('surveys.languages.de') : t('surveys.languages.en')})`;
  return (
    <fieldset className="localized-field">
      <legend>{label}</legend>
      <div className="localized-inputs">
        {editorLanguages.map((language) => {
          const props = {
            id: `${id}-${language}`,
            lang: language,
            value: value?.[language] ?? '',
            readOnly,
            'aria-label': nameOf(language),
            'aria-invalid': own.length > 0 || undefined,
            'aria-describedby': problemsId,
            onChange: (event: { target: { value: string } }) =>
              onChange({ ...(value ?? {}), [language]: event.target.value }),
          };
          return (
            <div className="localized-input" key={language}>
              <span className="localized-language" aria-hidden="true">
                {language.toUpperCase()}
              </span>
              {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
            </div>
          );
        })}
      </div>
      {problemsId ? <FieldProblems id={problemsId} problems={own} /> : null}
    </fieldset>
  );
}
